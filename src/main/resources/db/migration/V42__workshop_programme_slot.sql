-- A workshop group meets in a workshop slot of its edition's programme: programme_session_id names that session.
-- No foreign key: the session belongs to the programme module, whose tables workshop's SQL never names
-- (TableOwnershipTest); WorkshopService checks through ProgrammeService that the session is a workshop slot of the
-- group's own edition whenever a group is saved.
--
-- Old free text (session_slot, e.g. 'Day 1 morning') is kept as it is and nothing is guessed from it: it cannot be
-- matched to a session without reading programme's tables, and past editions (2005-2013) have no dates, so their
-- programme has no sessions. Pages show such text read-only until an organiser picks a slot; saving a group with a
-- picked slot clears its free text. Memberships keep one group per slot through their copied key, which becomes
-- 'session:<id>' for a linked group (the service rewrites it, refusing the change when a member would hold two
-- groups in one slot).
ALTER TABLE workshop_group ADD COLUMN programme_session_id BIGINT NULL;
CREATE INDEX ix_workshop_group_programme_session ON workshop_group (programme_session_id);
