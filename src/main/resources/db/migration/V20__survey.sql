-- Surveys: structure (versioned), responses, drafts. Portable between MariaDB and H2 in MariaDB mode.
-- Anonymity by design: survey_response and survey_answer have no account, IP, user agent or exact time.
-- The account of an identified survey's respondent lives only in survey_response_identity.

CREATE TABLE survey (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    public_key       VARCHAR(40)   NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    intro            VARCHAR(4000) NULL,
    thank_you        VARCHAR(2000) NULL,
    status           VARCHAR(20)   NOT NULL,
    audience         VARCHAR(20)   NOT NULL,
    anonymity        VARCHAR(20)   NOT NULL,
    opens_at         DATETIME(6)   NULL,
    closes_at        DATETIME(6)   NULL,
    response_limit   INT           NULL,
    suppression_k    INT           NOT NULL,
    current_version  INT           NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT uk_survey_public_key UNIQUE (public_key)
);

CREATE TABLE survey_version (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    survey_id       BIGINT NOT NULL,
    version_number  INT    NOT NULL,
    CONSTRAINT uk_survey_version UNIQUE (survey_id, version_number),
    CONSTRAINT fk_survey_version_survey FOREIGN KEY (survey_id) REFERENCES survey (id)
);

CREATE TABLE survey_section (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    version_id  BIGINT        NOT NULL,
    sort_order  INT           NOT NULL,
    title       VARCHAR(200)  NOT NULL,
    intro       VARCHAR(2000) NULL,
    CONSTRAINT fk_survey_section_version FOREIGN KEY (version_id) REFERENCES survey_version (id)
);

CREATE TABLE survey_question (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    version_id          BIGINT         NOT NULL,
    section_id          BIGINT         NOT NULL,
    sort_order          INT            NOT NULL,
    code                VARCHAR(40)    NOT NULL,
    question_type       VARCHAR(20)    NOT NULL,
    question_text       VARCHAR(1000)  NOT NULL,
    help_text           VARCHAR(1000)  NULL,
    required            BOOLEAN        NOT NULL,
    min_value           DECIMAL(19,4)  NULL,
    max_value           DECIMAL(19,4)  NULL,
    integer_only        BOOLEAN        NOT NULL,
    scale_min           INT            NULL,
    scale_max           INT            NULL,
    scale_min_label     VARCHAR(100)   NULL,
    scale_max_label     VARCHAR(100)   NULL,
    allow_other         BOOLEAN        NOT NULL,
    condition_question  VARCHAR(40)    NULL,
    condition_options   VARCHAR(500)   NULL,
    CONSTRAINT uk_survey_question_code UNIQUE (version_id, code),
    CONSTRAINT fk_survey_question_version FOREIGN KEY (version_id) REFERENCES survey_version (id),
    CONSTRAINT fk_survey_question_section FOREIGN KEY (section_id) REFERENCES survey_section (id)
);

CREATE TABLE survey_option (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    question_id  BIGINT       NOT NULL,
    sort_order   INT          NOT NULL,
    code         VARCHAR(40)  NOT NULL,
    label        VARCHAR(300) NOT NULL,
    CONSTRAINT uk_survey_option_code UNIQUE (question_id, code),
    CONSTRAINT fk_survey_option_question FOREIGN KEY (question_id) REFERENCES survey_question (id)
);

-- A submitted response: which survey version it answered and the ISO week (e.g. 2026-W48), nothing more.
CREATE TABLE survey_response (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    survey_id       BIGINT      NOT NULL,
    version_id      BIGINT      NOT NULL,
    submitted_week  VARCHAR(8)  NOT NULL,
    CONSTRAINT fk_survey_response_survey FOREIGN KEY (survey_id) REFERENCES survey (id),
    CONSTRAINT fk_survey_response_version FOREIGN KEY (version_id) REFERENCES survey_version (id)
);
CREATE INDEX ix_survey_response_survey ON survey_response (survey_id, id);

CREATE TABLE survey_answer (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    response_id   BIGINT         NOT NULL,
    question_id   BIGINT         NOT NULL,
    option_code   VARCHAR(40)    NULL,
    text_value    VARCHAR(4000)  NULL,
    number_value  DECIMAL(19,4)  NULL,
    date_value    DATE           NULL,
    CONSTRAINT fk_survey_answer_response FOREIGN KEY (response_id) REFERENCES survey_response (id) ON DELETE CASCADE,
    CONSTRAINT fk_survey_answer_question FOREIGN KEY (question_id) REFERENCES survey_question (id)
);
CREATE INDEX ix_survey_answer_question ON survey_answer (question_id, response_id);

-- Only identified surveys get rows here; an anonymous response never does.
CREATE TABLE survey_response_identity (
    response_id   BIGINT       NOT NULL PRIMARY KEY,
    survey_id     BIGINT       NOT NULL,
    account_id    BIGINT       NOT NULL,
    submitted_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uk_survey_identity UNIQUE (survey_id, account_id),
    CONSTRAINT fk_survey_identity_response FOREIGN KEY (response_id) REFERENCES survey_response (id) ON DELETE CASCADE,
    CONSTRAINT fk_survey_identity_account FOREIGN KEY (account_id) REFERENCES account (id)
);

-- Unfinished answers. Anonymous surveys: found by the hash of a resume code, never by account.
CREATE TABLE survey_draft (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    survey_id         BIGINT       NOT NULL,
    version_id        BIGINT       NOT NULL,
    account_id        BIGINT       NULL,
    resume_code_hash  VARCHAR(64)  NULL,
    page_index        INT          NOT NULL,
    expires_at        DATETIME(6)  NOT NULL,
    CONSTRAINT uk_survey_draft_code UNIQUE (resume_code_hash),
    CONSTRAINT uk_survey_draft_account UNIQUE (survey_id, account_id),
    CONSTRAINT fk_survey_draft_survey FOREIGN KEY (survey_id) REFERENCES survey (id),
    CONSTRAINT fk_survey_draft_version FOREIGN KEY (version_id) REFERENCES survey_version (id),
    CONSTRAINT fk_survey_draft_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_survey_draft_expires ON survey_draft (expires_at);

CREATE TABLE survey_draft_answer (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    draft_id      BIGINT         NOT NULL,
    question_id   BIGINT         NOT NULL,
    option_code   VARCHAR(40)    NULL,
    text_value    VARCHAR(4000)  NULL,
    number_value  DECIMAL(19,4)  NULL,
    date_value    DATE           NULL,
    CONSTRAINT fk_survey_draft_answer_draft FOREIGN KEY (draft_id) REFERENCES survey_draft (id) ON DELETE CASCADE
);

-- Hashes of one-time submission tokens already used (duplicate-submission protection without identity).
CREATE TABLE survey_used_token (
    token_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    survey_id   BIGINT      NOT NULL,
    CONSTRAINT fk_survey_used_token_survey FOREIGN KEY (survey_id) REFERENCES survey (id)
);
