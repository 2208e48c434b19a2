-- Throttle counts shared by every instance (account.SharedThrottleStore, only with ngo.cluster.enabled=true): failed
-- sign-ins per (email, address) pair, per email and per address, known-good pairs, and the recent requests of the
-- sign-up and password-reset limits. Keys are SHA-256 hashes (no typed email or address is stored); a row is
-- forgotten at expires_at and deleted by a job every ten minutes.
CREATE TABLE account_throttle (
    throttle_key VARCHAR(64) NOT NULL PRIMARY KEY,
    account_key VARCHAR(64),
    hits INT NOT NULL,
    last_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    recent VARCHAR(4000)
);
CREATE INDEX account_throttle_account ON account_throttle (account_key);
CREATE INDEX account_throttle_expires ON account_throttle (expires_at);
