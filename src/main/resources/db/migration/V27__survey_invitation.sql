-- Survey invitations (issue 17 §3): an analyst's or organiser's list of people, each with a personal link.
-- Only a SHA-256 hash of each link's secret is stored (like password_reset_token).
-- Anonymity by design: a row here never names a response. For an ANONYMOUS survey the respondent's acts leave no
-- time here at all: state moves INVITED -> OPENED -> USED without a timestamp (opened_at and completed_at stay NULL),
-- and no table links an invitation to a response. For an IDENTIFIED survey the times are kept and the response is
-- linked in survey_invitation_response. The times that are kept for every survey (invited_at, last_mailed_at) are
-- the analyst's acts, not the respondent's. Account ids are kept without a foreign key (like the audit log's actors).
CREATE TABLE survey_invitation (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    survey_id       BIGINT       NOT NULL,
    email           VARCHAR(254) NOT NULL,
    mail_language   VARCHAR(8)   NOT NULL,
    token_hash      VARCHAR(64)  NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    invited_by      BIGINT       NULL,
    invited_at      DATETIME(6)  NOT NULL,
    reminders       INT          NOT NULL,
    last_mailed_at  DATETIME(6)  NOT NULL,
    opened_at       DATETIME(6)  NULL,
    completed_at    DATETIME(6)  NULL,
    CONSTRAINT uk_survey_invitation_email UNIQUE (survey_id, email),
    CONSTRAINT uk_survey_invitation_token UNIQUE (token_hash),
    CONSTRAINT fk_survey_invitation_survey FOREIGN KEY (survey_id) REFERENCES survey (id)
);
CREATE INDEX ix_survey_invitation_state ON survey_invitation (survey_id, state);

-- Identified surveys only: which invitation a response came through. An anonymous survey's response never has a row.
CREATE TABLE survey_invitation_response (
    response_id    BIGINT NOT NULL PRIMARY KEY,
    invitation_id  BIGINT NOT NULL,
    CONSTRAINT uk_survey_invitation_response UNIQUE (invitation_id),
    CONSTRAINT fk_survey_invitation_response_response FOREIGN KEY (response_id) REFERENCES survey_response (id) ON DELETE CASCADE,
    CONSTRAINT fk_survey_invitation_response_invitation FOREIGN KEY (invitation_id) REFERENCES survey_invitation (id) ON DELETE CASCADE
);

-- Invitation and reminder mails sent, per batch: the hourly limits count these (per sender and over everyone).
CREATE TABLE survey_invitation_batch (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    survey_id   BIGINT      NOT NULL,
    sent_by     BIGINT      NULL,
    sent_at     DATETIME(6) NOT NULL,
    mail_count  INT         NOT NULL,
    CONSTRAINT fk_survey_invitation_batch_survey FOREIGN KEY (survey_id) REFERENCES survey (id)
);
CREATE INDEX ix_survey_invitation_batch_sent ON survey_invitation_batch (sent_at);
