-- A mail may carry one text attachment (the edition's calendar on a registration confirmation). Never on a
-- confidential mail; it goes with the row (purge, erasure of a person's mails) and with the body where that is erased.
ALTER TABLE mail_outbox ADD COLUMN attachment_name VARCHAR(200) NULL;
ALTER TABLE mail_outbox ADD COLUMN attachment_type VARCHAR(100) NULL;
ALTER TABLE mail_outbox ADD COLUMN attachment_content MEDIUMTEXT NULL;
