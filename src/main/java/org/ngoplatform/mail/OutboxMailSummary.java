package org.ngoplatform.mail;

import java.time.Instant;

/**
 * A queued mail as the organiser's outbox view lists it. The body of a confidential mail (a password-reset link,
 * a sign-up notice) is never included: {@code body} is then {@code null} and {@code confidential} is true.
 */
public record OutboxMailSummary(long id, String recipient, String subject, String body, boolean confidential,
                                OutboxMail.Delivery delivery, int attempts, String lastError, Instant createdAt,
                                Instant sentAt) {

    static OutboxMailSummary of(OutboxMail m) {
        return new OutboxMailSummary(m.getId(), m.getRecipient(), m.getSubject(),
                m.isConfidential() ? null : m.getBody(), m.isConfidential(), m.getDelivery(),
                m.getAttempts(), m.getLastError(), m.getCreatedAt(), m.getSentAt());
    }
}
