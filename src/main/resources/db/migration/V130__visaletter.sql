-- Visa invitation letters (module visaletter, range V130-V139).
-- The organisers' letter template of an edition, in their own words with placeholders ({name}, {passport}, ...);
-- language decides how dates are written in the letter. No personal data.
CREATE TABLE visa_letter_template (
    edition_id  BIGINT       NOT NULL PRIMARY KEY,
    body        TEXT         NOT NULL,
    language    VARCHAR(8)   NOT NULL,
    updated_by  BIGINT       NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT fk_visa_letter_template_edition FOREIGN KEY (edition_id) REFERENCES edition (id),
    CONSTRAINT fk_visa_letter_template_updated_by FOREIGN KEY (updated_by) REFERENCES account (id)
);

-- A participant's request for a letter, for their own registration of the edition (one per person and edition):
-- the details a letter needs, handled like special-category data (organisers only, never in the participant
-- workbook, deleted with the edition's first retention step, with the account, and when the registration is
-- cancelled). issued_text is the letter as last issued (template filled in), so the participant downloads what
-- the organisers issued even after changing their details; reissue_needed says the details changed since.
CREATE TABLE visa_letter_request (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    edition_id      BIGINT        NOT NULL,
    account_id      BIGINT        NOT NULL,
    full_name       VARCHAR(200)  NOT NULL,
    nationality     VARCHAR(100)  NOT NULL,
    passport_number VARCHAR(40)   NOT NULL,
    date_of_birth   DATE          NOT NULL,
    consulate_city  VARCHAR(100)  NOT NULL,
    requested_at    DATETIME(6)   NOT NULL,
    changed_at      DATETIME(6)   NOT NULL,
    issued_at       DATETIME(6)   NULL,
    issued_text     TEXT          NULL,
    reissue_needed  BOOLEAN       NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT uq_visa_letter_request UNIQUE (edition_id, account_id),
    CONSTRAINT fk_visa_letter_request_edition FOREIGN KEY (edition_id) REFERENCES edition (id),
    CONSTRAINT fk_visa_letter_request_account FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE INDEX ix_visa_letter_request_account ON visa_letter_request (account_id);
