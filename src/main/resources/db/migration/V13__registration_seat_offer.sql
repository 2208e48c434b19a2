-- Waiting-list offers with a time window (issue 16 §2). Per edition the organisers choose how a freed seat is
-- given: confirmed at once to the longest-waiting person (no row here, the default and the behaviour before), or
-- offered to them for window_hours, during which the open offer holds the seat. Every offer is kept (accepted,
-- declined, expired or withdrawn) as the history the organisers' list shows. Both tables are registration's.
CREATE TABLE registration_offer_window (
    edition_id    BIGINT       NOT NULL PRIMARY KEY,
    window_hours  INT          NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    CONSTRAINT fk_registration_offer_window_edition FOREIGN KEY (edition_id) REFERENCES edition (id)
);

CREATE TABLE registration_offer (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    edition_id       BIGINT       NOT NULL,
    registration_id  BIGINT       NOT NULL,
    account_id       BIGINT       NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    offered_at       DATETIME(6)  NOT NULL,
    expires_at       DATETIME(6)  NOT NULL,
    decided_at       DATETIME(6)  NULL,
    version          BIGINT       NOT NULL,
    CONSTRAINT fk_registration_offer_registration FOREIGN KEY (registration_id) REFERENCES registration (id),
    CONSTRAINT fk_registration_offer_edition FOREIGN KEY (edition_id) REFERENCES edition (id)
);
CREATE INDEX ix_registration_offer_edition_status ON registration_offer (edition_id, status, expires_at);
CREATE INDEX ix_registration_offer_status_expires ON registration_offer (status, expires_at);
CREATE INDEX ix_registration_offer_registration ON registration_offer (registration_id, status);
CREATE INDEX ix_registration_offer_account ON registration_offer (account_id);
