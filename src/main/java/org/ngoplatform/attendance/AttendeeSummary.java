package org.ngoplatform.attendance;

import java.time.Instant;

/**
 * One confirmed participant on a check-in list: who they are (as registration keeps it) and whether they were
 * marked present at the point, when and by whom ({@code markedAt} and {@code markedBy} null when not present;
 * {@code markedBy} also null when the person who marked was erased since).
 */
public record AttendeeSummary(long accountId, String name, String organisation, String countryCode, boolean present,
                              Instant markedAt, String markedBy) {
}
