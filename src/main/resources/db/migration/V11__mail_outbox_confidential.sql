-- Confidential mails (password-reset links, sign-up notices) are never shown to organisers, never logged unless a
-- developer asks for it, and lose their body once delivered. Delivered and failed mails are purged after a while,
-- counted from their last attempt.
ALTER TABLE mail_outbox ADD COLUMN confidential BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE mail_outbox ADD COLUMN last_attempt_at DATETIME(6) NULL;

UPDATE mail_outbox SET last_attempt_at = COALESCE(sent_at, next_attempt_at) WHERE attempts > 0;

-- Reset mails queued before this change carry a one-time link ("/reset-password/<secret>"; the sign-up mails link
-- to "/reset-password" without a secret): mark them, and erase the bodies of those already delivered or given up.
UPDATE mail_outbox SET confidential = TRUE WHERE body LIKE '%/reset-password/%';
UPDATE mail_outbox SET body = '' WHERE confidential = TRUE AND delivery IN ('SENT', 'LOGGED', 'FAILED');

CREATE INDEX ix_mail_outbox_last_attempt ON mail_outbox (delivery, last_attempt_at);
