-- Messaging (module messaging, range V120-V129): organisers' messages to an edition's registrants, automatic
-- reminders, invitations. Account ids are kept without a foreign key (like the audit log's actors): a message stays
-- a record of what was sent, and its recipients' addresses go with the person's erasure (MessagingPersonalData).

-- One message as sent: the organiser's words (or the kind of automatic mail), the audience described in words, and
-- how many it reached. kind: MESSAGE (an organiser's), REMINDER (days before), STILL_INTERESTED (waiting list).
CREATE TABLE messaging_message (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    edition_id      BIGINT        NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    subject         VARCHAR(200)  NOT NULL,
    body            VARCHAR(5000) NOT NULL,
    audience        VARCHAR(500)  NOT NULL,
    recipient_count INT           NOT NULL,
    sent_by         BIGINT        NULL,
    sent_at         DATETIME(6)   NOT NULL,
    CONSTRAINT fk_messaging_message_edition FOREIGN KEY (edition_id) REFERENCES edition (id)
);

CREATE INDEX ix_messaging_message_edition ON messaging_message (edition_id, sent_at);

-- Each recipient of a message and the state of its mail, copied from the outbox (mail.MailQueued, mail.MailDelivered):
-- QUEUED, SENT, LOGGED, FAILED. The counts stay when the outbox purges its delivered mails.
CREATE TABLE messaging_recipient (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    message_id  BIGINT       NOT NULL,
    account_id  BIGINT       NULL,
    email       VARCHAR(254) NOT NULL,
    mail_id     BIGINT       NULL,
    delivery    VARCHAR(20)  NOT NULL,
    CONSTRAINT uq_messaging_recipient UNIQUE (message_id, email),
    CONSTRAINT fk_messaging_recipient_message FOREIGN KEY (message_id) REFERENCES messaging_message (id)
);

CREATE INDEX ix_messaging_recipient_mail ON messaging_recipient (mail_id);
CREATE INDEX ix_messaging_recipient_account ON messaging_recipient (account_id);

-- Automatic mails already given, one per person, edition and kind: the unique key makes a reminder go to a person at
-- most once per edition, whatever runs or instances try again.
CREATE TABLE messaging_reminder (
    edition_id  BIGINT      NOT NULL,
    account_id  BIGINT      NOT NULL,
    kind        VARCHAR(20) NOT NULL,
    sent_at     DATETIME(6) NOT NULL,
    CONSTRAINT pk_messaging_reminder PRIMARY KEY (edition_id, account_id, kind),
    CONSTRAINT fk_messaging_reminder_edition FOREIGN KEY (edition_id) REFERENCES edition (id)
);

-- Per edition: how many days before its first day the reminder goes out (NULL: none), and whether only invited
-- addresses may register.
CREATE TABLE messaging_edition_setting (
    edition_id      BIGINT  NOT NULL PRIMARY KEY,
    reminder_days   INT     NULL,
    invitation_only BOOLEAN NOT NULL,
    version         BIGINT  NOT NULL,
    CONSTRAINT fk_messaging_edition_setting_edition FOREIGN KEY (edition_id) REFERENCES edition (id)
);

-- An address invited to register for an edition, with the secret of its link.
CREATE TABLE messaging_invitation (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    edition_id  BIGINT       NOT NULL,
    email       VARCHAR(254) NOT NULL,
    token       VARCHAR(64)  NOT NULL,
    invited_by  BIGINT       NULL,
    invited_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_messaging_invitation UNIQUE (edition_id, email),
    CONSTRAINT uq_messaging_invitation_token UNIQUE (token),
    CONSTRAINT fk_messaging_invitation_edition FOREIGN KEY (edition_id) REFERENCES edition (id)
);
