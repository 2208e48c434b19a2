-- An edition's programme (module programme, range V80-V89). Times are instants in UTC; the edition's zone says how
-- they are entered and shown. A deleted session is kept as cancelled (cancelled_at set) so that a calendar that
-- imported the programme learns of it on re-import (STATUS:CANCELLED); ics_sequence grows with every change.
CREATE TABLE programme_session (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    edition_id     BIGINT        NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    title          VARCHAR(200)  NOT NULL,
    description    VARCHAR(4000) NULL,
    speakers       VARCHAR(500)  NULL,
    room           VARCHAR(100)  NULL,
    starts_at      DATETIME(6)   NOT NULL,
    ends_at        DATETIME(6)   NOT NULL,
    cancelled_at   DATETIME(6)   NULL,
    ics_sequence   INT           NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    version        BIGINT        NOT NULL,
    CONSTRAINT fk_programme_session_edition FOREIGN KEY (edition_id) REFERENCES edition (id)
);

CREATE INDEX ix_programme_session_edition_start ON programme_session (edition_id, starts_at);
