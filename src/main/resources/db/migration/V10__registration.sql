-- Registrations for editions, and the outbox of mails about them.

CREATE TABLE registration (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    edition_id            BIGINT        NOT NULL,
    account_id            BIGINT        NOT NULL,
    organisation_id       BIGINT        NULL,
    job_title             VARCHAR(150)  NOT NULL,
    arrival_on            DATE          NULL,
    departure_on          DATE          NULL,
    dietary_needs         VARCHAR(500)  NULL,
    accessibility_needs   VARCHAR(500)  NULL,
    visa_letter           BOOLEAN       NOT NULL,
    consent_at            DATETIME(6)   NOT NULL,
    consent_version       VARCHAR(20)   NOT NULL,
    list_opt_in           BOOLEAN       NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    waitlist_position     INT           NULL,
    created_at            DATETIME(6)   NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    confirmed_at          DATETIME(6)   NULL,
    cancelled_at          DATETIME(6)   NULL,
    cancel_reason         VARCHAR(500)  NULL,
    version               BIGINT        NOT NULL,
    CONSTRAINT uk_registration_edition_account UNIQUE (edition_id, account_id),
    CONSTRAINT fk_registration_edition FOREIGN KEY (edition_id) REFERENCES edition (id),
    CONSTRAINT fk_registration_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_registration_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_registration_edition_status ON registration (edition_id, status, waitlist_position);
CREATE INDEX ix_registration_account ON registration (account_id);

CREATE TABLE mail_outbox (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    recipient        VARCHAR(254)  NOT NULL,
    subject          VARCHAR(300)  NOT NULL,
    body             VARCHAR(6000) NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    attempts         INT           NOT NULL,
    next_attempt_at  DATETIME(6)   NOT NULL,
    last_error       VARCHAR(1000) NULL,
    sent_at          DATETIME(6)   NULL,
    delivery         VARCHAR(20)   NOT NULL,
    version          BIGINT        NOT NULL
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (delivery, next_attempt_at);
