package org.ngoplatform.registration;

import java.time.Instant;

/** One seat offer as the organisers' history shows it (newest first, open ones on top). */
public record SeatOfferSummary(long id, long registrationId, String participantName, String participantEmail,
                               OfferStatus status, Instant offeredAt, Instant expiresAt, Instant decidedAt) {
}
