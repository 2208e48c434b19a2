package org.ngoplatform.registration;

import org.ngoplatform.edition.EditionSummary;

import java.time.Instant;

/** An open seat offer as its own person sees it: the edition, the deadline, whether it can still be answered. */
public record MyOffer(long id, long registrationId, EditionSummary edition, OfferStatus status, Instant expiresAt,
                      boolean answerable) {
}
