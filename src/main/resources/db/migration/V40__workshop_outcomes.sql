-- Workshop groups: slots, rooms, capacity, facilitators, workflow; outcome entries with revisions;
-- joint actions composed from approved action points. Portable MariaDB / H2 (MariaDB mode).

ALTER TABLE workshop_group ADD COLUMN session_slot VARCHAR(100) NULL;
ALTER TABLE workshop_group ADD COLUMN room VARCHAR(100) NULL;
ALTER TABLE workshop_group ADD COLUMN capacity INT NULL;
ALTER TABLE workshop_group ADD COLUMN workflow_state VARCHAR(20) NOT NULL DEFAULT 'DRAFT';

CREATE TABLE workshop_facilitator (
    group_id    BIGINT NOT NULL,
    account_id  BIGINT NOT NULL,
    PRIMARY KEY (group_id, account_id),
    CONSTRAINT fk_workshop_facilitator_group FOREIGN KEY (group_id) REFERENCES workshop_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_workshop_facilitator_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE TABLE outcome_entry (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    group_id               BIGINT        NOT NULL,
    entry_type             VARCHAR(30)   NOT NULL,
    text                   VARCHAR(2000) NOT NULL,
    owner_organisation_id  BIGINT        NULL,
    due_date               DATE          NULL,
    position               INT           NOT NULL,
    created_at             DATETIME(6)   NOT NULL,
    updated_at             DATETIME(6)   NOT NULL,
    version                BIGINT        NOT NULL,
    CONSTRAINT fk_outcome_entry_group FOREIGN KEY (group_id) REFERENCES workshop_group (id),
    CONSTRAINT fk_outcome_entry_owner FOREIGN KEY (owner_organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_outcome_entry_group ON outcome_entry (group_id, position);

-- Every change to an entry; entry_id has no foreign key so the history of a deleted entry stays.
CREATE TABLE outcome_revision (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    entry_id           BIGINT        NOT NULL,
    group_id           BIGINT        NOT NULL,
    change_kind        VARCHAR(20)   NOT NULL,
    author_account_id  BIGINT        NULL,
    author_name        VARCHAR(120)  NOT NULL,
    changed_at         DATETIME(6)   NOT NULL,
    type_before        VARCHAR(30)   NULL,
    text_before        VARCHAR(2000) NULL,
    type_after         VARCHAR(30)   NULL,
    text_after         VARCHAR(2000) NULL,
    CONSTRAINT fk_outcome_revision_group FOREIGN KEY (group_id) REFERENCES workshop_group (id)
);
CREATE INDEX ix_outcome_revision_group ON outcome_revision (group_id, id);

CREATE TABLE joint_action (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    edition_id            BIGINT        NOT NULL,
    title                 VARCHAR(200)  NOT NULL,
    description           VARCHAR(4000) NULL,
    action_date           DATE          NULL,
    lead_organisation_id  BIGINT        NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    created_at            DATETIME(6)   NOT NULL,
    version               BIGINT        NOT NULL,
    CONSTRAINT fk_joint_action_edition FOREIGN KEY (edition_id) REFERENCES edition (id),
    CONSTRAINT fk_joint_action_lead FOREIGN KEY (lead_organisation_id) REFERENCES organisation (id)
);

CREATE TABLE joint_action_supporter (
    joint_action_id  BIGINT NOT NULL,
    organisation_id  BIGINT NOT NULL,
    PRIMARY KEY (joint_action_id, organisation_id),
    CONSTRAINT fk_jas_action FOREIGN KEY (joint_action_id) REFERENCES joint_action (id) ON DELETE CASCADE,
    CONSTRAINT fk_jas_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);

CREATE TABLE joint_action_source (
    joint_action_id  BIGINT NOT NULL,
    entry_id         BIGINT NOT NULL,
    PRIMARY KEY (joint_action_id, entry_id),
    CONSTRAINT fk_jasrc_action FOREIGN KEY (joint_action_id) REFERENCES joint_action (id) ON DELETE CASCADE,
    CONSTRAINT fk_jasrc_entry FOREIGN KEY (entry_id) REFERENCES outcome_entry (id)
);

-- 2013 (Tallinn): slots for the seeded groups; the plenary's two action points, approved and locked,
-- and the two joint actions that came from them. Wording is ours, facts from the network's record.
UPDATE workshop_group SET session_slot = 'Day 1', workflow_state = 'LOCKED'
WHERE plenary = FALSE AND edition_id IN (SELECT id FROM edition WHERE city = 'Tallinn' AND edition_year = 2013);
UPDATE workshop_group SET session_slot = 'Day 2', workflow_state = 'LOCKED'
WHERE plenary = TRUE AND edition_id IN (SELECT id FROM edition WHERE city = 'Tallinn' AND edition_year = 2013);

INSERT INTO organisation (name, country_code, status, created_at, version)
SELECT 'La Strada International', 'NL', 'APPROVED', CURRENT_TIMESTAMP, 0 FROM (SELECT 1 AS one) x
WHERE NOT EXISTS (SELECT 1 FROM organisation WHERE name = 'La Strada International');

INSERT INTO outcome_entry (group_id, entry_type, text, owner_organisation_id, due_date, position, created_at, updated_at, version)
SELECT g.id, 'ACTION_POINT',
       'Launch a joint campaign of the platform''s members on International Human Rights Day.',
       (SELECT id FROM organisation WHERE name = 'La Strada International'), DATE '2013-12-10', 1,
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0
FROM workshop_group g JOIN edition e ON e.id = g.edition_id
WHERE e.city = 'Tallinn' AND e.edition_year = 2013 AND g.plenary = TRUE;

INSERT INTO outcome_entry (group_id, entry_type, text, owner_organisation_id, due_date, position, created_at, updated_at, version)
SELECT g.id, 'ACTION_POINT',
       'Publish a joint statement on the International Day to End Violence against Sex Workers.',
       (SELECT id FROM organisation WHERE name = 'La Strada International'), DATE '2013-12-17', 2,
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0
FROM workshop_group g JOIN edition e ON e.id = g.edition_id
WHERE e.city = 'Tallinn' AND e.edition_year = 2013 AND g.plenary = TRUE;

INSERT INTO joint_action (edition_id, title, description, action_date, lead_organisation_id, status, created_at, version)
SELECT e.id, 'Joint campaign on International Human Rights Day',
       'The first joint action agreed at the 2013 platform: members launched a common campaign for the rights of trafficked persons on 10 December, International Human Rights Day.',
       DATE '2013-12-10', (SELECT id FROM organisation WHERE name = 'La Strada International'), 'DONE', CURRENT_TIMESTAMP, 0
FROM edition e WHERE e.city = 'Tallinn' AND e.edition_year = 2013;

INSERT INTO joint_action (edition_id, title, description, action_date, lead_organisation_id, status, created_at, version)
SELECT e.id, 'Joint statement on 17 December',
       'The second joint action: a statement by the platform''s members on 17 December, International Day to End Violence against Sex Workers.',
       DATE '2013-12-17', (SELECT id FROM organisation WHERE name = 'La Strada International'), 'DONE', CURRENT_TIMESTAMP, 0
FROM edition e WHERE e.city = 'Tallinn' AND e.edition_year = 2013;

INSERT INTO joint_action_source (joint_action_id, entry_id)
SELECT a.id, o.id FROM joint_action a JOIN outcome_entry o ON o.due_date = a.action_date
JOIN workshop_group g ON g.id = o.group_id AND g.edition_id = a.edition_id
JOIN edition e ON e.id = a.edition_id
WHERE e.city = 'Tallinn' AND e.edition_year = 2013 AND o.entry_type = 'ACTION_POINT';
