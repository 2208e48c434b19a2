-- When set, the account's password is a one-time password (the generated first organiser's): it signs in until
-- this instant, and its first use moves the instant to the moment of use. A new password clears it.
ALTER TABLE account ADD COLUMN one_time_password_until DATETIME(6) NULL;
