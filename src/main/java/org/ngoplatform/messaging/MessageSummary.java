package org.ngoplatform.messaging;

import java.time.Instant;

/**
 * A kept message as the organisers' list shows it: what it was, its subject, whom it went to (in words), how many
 * recipients it had and how many of their mails were sent (or, without SMTP, logged) and given up so far.
 */
public record MessageSummary(long id, MessageKind kind, String subject, String audience, int recipients, Instant sentAt,
                             int sent, int failed) {

    /** Mails still waiting in the outbox (or retried). */
    public int pending() {
        return Math.max(0, recipients - sent - failed);
    }
}
