package org.ngoplatform.privacy;

import java.time.LocalDate;
import java.util.List;

/**
 * What retention needs to know about editions, without reading the edition feature's tables: when each one ended
 * and in which time zone. The edition feature implements it; {@link RetentionService} calls it inside its own
 * transaction (the organisers' overview, or the retention job with nobody signed in).
 */
public interface EditionEnds {

    /** Every edition, drafts too, newest first. */
    List<EditionEnd> all();

    /** One page of {@link #all()}, in the same order. */
    List<EditionEnd> page(long offset, int limit);

    /** How many editions {@link #all()} lists. */
    long count();

    /** An edition as retention sees it; {@code endsOn} is null while unknown. */
    record EditionEnd(long editionId, String city, int year, LocalDate endsOn, String timeZone) {
    }
}
