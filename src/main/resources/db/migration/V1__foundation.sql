-- Foundation schema. Portable between MariaDB and H2 in MariaDB mode.

CREATE TABLE organisation (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    country_code  VARCHAR(2)     NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT uk_organisation_name UNIQUE (name)
);

CREATE TABLE account (
    id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
    email                   VARCHAR(254) NOT NULL,
    display_name            VARCHAR(120) NOT NULL,
    password_hash           VARCHAR(255) NOT NULL,
    organisation_id         BIGINT       NULL,
    country_code            VARCHAR(2)     NULL,
    enabled                 BOOLEAN      NOT NULL,
    privacy_consent_at      DATETIME(6)  NOT NULL,
    privacy_notice_version  VARCHAR(20)  NOT NULL,
    created_at              DATETIME(6)  NOT NULL,
    last_login_at           DATETIME(6)  NULL,
    version                 BIGINT       NOT NULL,
    CONSTRAINT uk_account_email UNIQUE (email),
    CONSTRAINT fk_account_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);

CREATE TABLE account_role (
    account_id  BIGINT      NOT NULL,
    role        VARCHAR(20) NOT NULL,
    PRIMARY KEY (account_id, role),
    CONSTRAINT fk_account_role_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE TABLE edition (
    id                          BIGINT AUTO_INCREMENT PRIMARY KEY,
    city                        VARCHAR(100)  NOT NULL,
    country_code                VARCHAR(2)      NOT NULL,
    edition_year                INT           NOT NULL,
    venue                       VARCHAR(200)  NULL,
    starts_on                   DATE          NULL,
    ends_on                     DATE          NULL,
    time_zone                   VARCHAR(60)   NOT NULL,
    description                 VARCHAR(4000) NULL,
    capacity                    INT           NULL,
    registration_opens_at       DATETIME(6)   NULL,
    registration_closes_at      DATETIME(6)   NULL,
    status                      VARCHAR(20)   NOT NULL,
    participant_list_visible    BOOLEAN       NOT NULL,
    created_at                  DATETIME(6)   NOT NULL,
    version                     BIGINT        NOT NULL
);
CREATE INDEX ix_edition_status_year ON edition (status, edition_year);

CREATE TABLE workshop_group (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    edition_id   BIGINT        NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    description  VARCHAR(4000) NULL,
    plenary      BOOLEAN       NOT NULL,
    sort_order   INT           NOT NULL,
    version      BIGINT        NOT NULL,
    CONSTRAINT fk_workshop_group_edition FOREIGN KEY (edition_id) REFERENCES edition (id)
);

-- Append-only for the application: it only ever inserts here.
CREATE TABLE audit_event (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at  DATETIME(6)   NOT NULL,
    actor        VARCHAR(254)  NOT NULL,
    action       VARCHAR(60)   NOT NULL,
    subject      VARCHAR(200)  NOT NULL,
    details      VARCHAR(2000) NULL
);
CREATE INDEX ix_audit_event_occurred ON audit_event (occurred_at);
