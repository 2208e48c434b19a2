-- Registration keeps its own copy of what the organisers' list shows, searches, sorts and counts (the participant's
-- name and email, the country counted for the edition, the organisation's name), so its queries name only its own
-- table. Written when someone registers or changes their registration, kept current from account's AccountChanged
-- event (erasure replaces name and email). Rows registered before this change are filled once from account and
-- organisation here; the country is the account's, else the organisation's, as the list showed it.
ALTER TABLE registration ADD COLUMN participant_name VARCHAR(120) NOT NULL DEFAULT '';
ALTER TABLE registration ADD COLUMN participant_email VARCHAR(254) NOT NULL DEFAULT '';
ALTER TABLE registration ADD COLUMN country_code VARCHAR(2) NULL;
ALTER TABLE registration ADD COLUMN organisation_name VARCHAR(200) NULL;

UPDATE registration SET
    participant_name = COALESCE((SELECT a.display_name FROM account a WHERE a.id = registration.account_id), ''),
    participant_email = COALESCE((SELECT a.email FROM account a WHERE a.id = registration.account_id), ''),
    country_code = COALESCE((SELECT a.country_code FROM account a WHERE a.id = registration.account_id),
                            (SELECT o.country_code FROM organisation o WHERE o.id = registration.organisation_id)),
    organisation_name = (SELECT o.name FROM organisation o WHERE o.id = registration.organisation_id);
