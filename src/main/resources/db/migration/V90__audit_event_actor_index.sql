-- The audit log's person filter: events of one actor, and the actors the log holds (each once, by the index alone).
CREATE INDEX ix_audit_event_actor ON audit_event (actor);
