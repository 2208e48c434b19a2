package org.ngoplatform.messaging;

import java.time.Instant;

/** An invited address of an edition and when it was invited. */
public record InvitationSummary(long editionId, String email, Instant invitedAt) {
}
