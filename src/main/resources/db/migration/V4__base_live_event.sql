-- Live updates between instances (base.live.LiveRelay, only with ngo.cluster.enabled=true): every committed live
-- event that other instances' screens follow, as JSON of its record type, read by the other instances' pollers in id
-- order and deleted after ngo.cluster.keep-events (a minute). A group's outcome snapshot can pass TEXT's 64 KB,
-- hence MEDIUMTEXT.
CREATE TABLE base_live_event (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    origin VARCHAR(36) NOT NULL,
    type VARCHAR(200) NOT NULL,
    payload MEDIUMTEXT NOT NULL,
    created_at DATETIME(6) NOT NULL
);
CREATE INDEX base_live_event_created ON base_live_event (created_at);
