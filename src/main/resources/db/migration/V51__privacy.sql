-- Personal-data rights: versioned privacy notice, per-edition retention, purge bookkeeping.

-- Each published text of the privacy notice; the newest row is the current notice that consent records name.
-- English only; a line starting with "## " is a heading, a blank line separates paragraphs.
CREATE TABLE privacy_notice (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    version_label   VARCHAR(20)    NOT NULL,
    body            VARCHAR(10000) NOT NULL,
    published_at    DATETIME(6)    NOT NULL,
    CONSTRAINT uk_privacy_notice_label UNIQUE (version_label)
);

-- How long after an edition's end its registrations' special-category fields and then the whole
-- registration details are kept, and what the purge job has already done.
CREATE TABLE edition_retention (
    edition_id           BIGINT      NOT NULL PRIMARY KEY,
    special_days         INT         NOT NULL,
    details_days         INT         NOT NULL,
    warned_special_at    DATETIME(6) NULL,
    special_purged_at    DATETIME(6) NULL,
    warned_details_at    DATETIME(6) NULL,
    details_purged_at    DATETIME(6) NULL,
    version              BIGINT      NOT NULL,
    CONSTRAINT fk_edition_retention_edition FOREIGN KEY (edition_id) REFERENCES edition (id)
);

-- Version 1: the notice as shipped (label kept so existing consent records still name it).
INSERT INTO privacy_notice (version_label, body, published_at) VALUES ('2026-11',
'## Who we are
The NGO Platform is run by the organisers of a European network of non-governmental organisations against trafficking in human beings.

## What we collect
For an account: your email, name, organisation, country and a password we store only as a one-way hash. For a registration: your role, travel dates and whether you need a visa support letter.

## Sensitive information
Dietary and accessibility needs are optional, shown only to organisers, and deleted after the meeting according to the edition''s retention period.

## Why
To organise the meeting, its workshop groups and the follow-up joint actions. We never sell or share your data.

## Who sees it
Organisers see registrations. Other participants see your name and organisation only if you opt in and the edition shows a participant list.

## How long
Registration details are deleted after the retention period set for each edition; account data until you delete your account.

## Your rights
You can download all data held about you and delete your account at any time. Anonymous survey answers are never linked to you.',
'2026-11-01 00:00:00.000000');
