package org.ngoplatform.registration;

import org.ngoplatform.edition.EditionSeatPolicy;
import org.ngoplatform.edition.EditionService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Tells the edition feature how many seats are taken, and fills seats when an organiser raises capacity. */
@Component
class RegistrationSeatPolicy implements EditionSeatPolicy {

    private final SeatAllocator seats;
    private final EditionService editions;

    RegistrationSeatPolicy(SeatAllocator seats, EditionService editions) {
        this.seats = seats;
        this.editions = editions;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long confirmedSeats(long editionId) {
        return seats.confirmed(editionId);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void capacityChanged(long editionId, int newCapacity) {
        seats.fillFreeSeats(editions.lockForSeatChange(editionId));
    }
}
