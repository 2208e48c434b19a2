package org.ngoplatform.registration;

import org.ngoplatform.edition.EditionSeatPolicy;
import org.ngoplatform.edition.EditionService;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Tells the edition feature how many seats are taken, and fills seats when an organiser raises capacity. */
@Component
class RegistrationSeatPolicy implements EditionSeatPolicy {

    private final SeatAllocator seats;
    private final EditionService editions;

    private final RegistrationRepository registrations;

    RegistrationSeatPolicy(SeatAllocator seats, EditionService editions, RegistrationRepository registrations) {
        this.seats = seats;
        this.editions = editions;
        this.registrations = registrations;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, SeatCounts> seatCounts(Collection<Long> editionIds) {
        Map<Long, SeatCounts> counts = new HashMap<>();
        if (editionIds.isEmpty()) {
            return counts;
        }
        for (Object[] row : registrations.seatCounts(editionIds)) {
            long edition = ((Number) row[0]).longValue();
            long n = ((Number) row[2]).longValue();
            SeatCounts c = counts.getOrDefault(edition, SeatCounts.NONE);
            counts.put(edition, RegistrationStatus.CONFIRMED.equals(row[1])
                    ? new SeatCounts(n, c.waiting()) : new SeatCounts(c.confirmed(), n));
        }
        return counts;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long confirmedSeats(long editionId) {
        // an open offer holds its seat (OfferRules): capacity may not fall below confirmed plus open offers
        return seats.held(editionId);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void capacityChanged(long editionId, int newCapacity) {
        seats.fillFreeSeats(editions.lockForSeatChange(editionId));
    }
}
