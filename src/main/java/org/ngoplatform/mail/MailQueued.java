package org.ngoplatform.mail;

/**
 * A mail with a {@link MailReference} was queued as outbox mail {@code mailId}: published by {@link MailOutbox} in the
 * sender's transaction, right after the mail was written, for the sender to keep the id.
 */
public record MailQueued(long mailId, MailReference reference) {
}
