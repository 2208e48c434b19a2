package org.ngoplatform.privacy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An edition as the retention page shows it: its end, the periods set (null when none) and when each purge is or
 * was due. {@code warning} is true while a purge is due within the warning period and has not run yet.
 */
public record EditionRetention(long editionId, String city, int year, LocalDate endsOn,
                               Integer specialDays, Integer detailsDays,
                               Instant specialDueAt, Instant specialPurgedAt,
                               Instant detailsDueAt, Instant detailsPurgedAt, boolean warning) {
}
