package org.ngoplatform.edition;

/**
 * What the edition feature needs to know about seats without depending on registration: how many are taken,
 * and a hook that fills newly available seats. Registration implements it; called with the edition row locked
 * (see {@link EditionService#lockForSeatChange(long)}), inside the organiser's transaction.
 */
public interface EditionSeatPolicy {

    /** Confirmed registrations of the edition. */
    long confirmedSeats(long editionId);

    /** Capacity was changed to {@code newCapacity}; promote waiting people into free seats, in order. */
    void capacityChanged(long editionId, int newCapacity);
}
