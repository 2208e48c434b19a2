-- Who is in which workshop group. One group per session slot: the slot is copied here (empty when the group
-- has none) so a unique key can hold it; the service keeps it in step when an organiser changes a group's slot.
CREATE TABLE workshop_membership (
    group_id      BIGINT        NOT NULL,
    account_id    BIGINT        NOT NULL,
    edition_id    BIGINT        NOT NULL,
    session_slot  VARCHAR(100)  NOT NULL,
    joined_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (group_id, account_id),
    CONSTRAINT uk_workshop_membership_slot UNIQUE (edition_id, account_id, session_slot),
    CONSTRAINT fk_workshop_membership_group FOREIGN KEY (group_id) REFERENCES workshop_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_workshop_membership_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_workshop_membership_account ON workshop_membership (account_id, edition_id);
