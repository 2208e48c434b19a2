-- The UI language a person chose; NULL means "follow the browser".
ALTER TABLE account ADD COLUMN preferred_language VARCHAR(10) NULL;
