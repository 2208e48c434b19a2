package org.ngoplatform.registration;

import java.time.Instant;

/** A queued mail as the organiser's outbox view lists it. */
public record OutboxMailSummary(long id, String recipient, String subject, String body, OutboxMail.Delivery delivery,
                                int attempts, String lastError, Instant createdAt, Instant sentAt) {

    static OutboxMailSummary of(OutboxMail m) {
        return new OutboxMailSummary(m.getId(), m.getRecipient(), m.getSubject(), m.getBody(), m.getDelivery(),
                m.getAttempts(), m.getLastError(), m.getCreatedAt(), m.getSentAt());
    }
}
