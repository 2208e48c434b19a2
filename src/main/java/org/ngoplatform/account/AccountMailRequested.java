package org.ngoplatform.account;

/**
 * A mail the account feature wants sent (reset links, sign-up notices). Published inside the caller's
 * transaction; the mail outbox queues it in that same transaction, so the mail exists exactly when the change does.
 * A {@code confidential} mail carries a secret or tells about someone's account (a one-time reset link, "you already
 * have an account"): its body is never shown to organisers, never logged by default, and erased once delivered.
 */
public record AccountMailRequested(String recipient, String subject, String body, boolean confidential) {

    /** An ordinary mail whose body organisers may read in the outbox. */
    public AccountMailRequested(String recipient, String subject, String body) {
        this(recipient, subject, body, false);
    }
}
