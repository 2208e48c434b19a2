package org.ngoplatform.edition;

import java.util.Collection;
import java.util.Map;

/**
 * What the edition feature needs to know about seats without depending on registration: how many are taken,
 * and a hook that fills newly available seats. Registration implements it; called with the edition row locked
 * (see {@link EditionService#lockForSeatChange(long)}), inside the organiser's transaction.
 */
public interface EditionSeatPolicy {

    /** Seats held at the edition: confirmed registrations, and open seat offers (each holds its seat until answered). */
    long confirmedSeats(long editionId);

    /** Confirmed registrations and waiting-list length of one edition. */
    record SeatCounts(long confirmed, long waiting) {
        public static final SeatCounts NONE = new SeatCounts(0, 0);
    }

    /**
     * Seat counts of several editions in one go (a page of the editions list), keyed by edition id; editions
     * without registrations may be missing. Read-only; needs no lock.
     */
    Map<Long, SeatCounts> seatCounts(Collection<Long> editionIds);

    /** Capacity was changed to {@code newCapacity}; promote waiting people into free seats, in order. */
    void capacityChanged(long editionId, int newCapacity);
}
