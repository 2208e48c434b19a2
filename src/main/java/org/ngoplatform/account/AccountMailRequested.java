package org.ngoplatform.account;

/**
 * A mail the account feature wants sent (reset links, sign-up notices). Published inside the caller's
 * transaction; the mail outbox queues it in that same transaction, so the mail exists exactly when the change does.
 */
public record AccountMailRequested(String recipient, String subject, String body) {
}
