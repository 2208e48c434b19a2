package org.ngoplatform.registration;

import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;

/**
 * Closes offers whose deadline has passed: each becomes EXPIRED (kept in the history), its person moves to the end
 * of the waiting list and is told, and the seat is offered to the next person. One transaction per edition under
 * the edition's row lock, re-reading the overdue offers after taking it: running it twice, or on two instances at
 * once, expires each offer exactly once. The schedule ({@link SeatOfferExpirySchedule}) also takes a ShedLock.
 * <p>
 * Why to the end of the list and not cancelled: missing a mail for two days is no "no"; the person still waits,
 * behind everyone who did not miss their turn (declining is the way to say no).
 */
@Component
class SeatOfferExpiry {

    private final SeatOfferRepository offers;
    private final RegistrationRepository registrations;
    private final EditionService editions;
    private final SeatAllocator seats;
    private final TransactionTemplate tx;
    private final Clock clock;

    SeatOfferExpiry(SeatOfferRepository offers, RegistrationRepository registrations, EditionService editions,
                    SeatAllocator seats, PlatformTransactionManager txManager, Clock clock) {
        this.offers = offers;
        this.registrations = registrations;
        this.editions = editions;
        this.seats = seats;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** Expires every overdue offer; returns how many this run expired. Needs an authenticated caller (the lock). */
    int expireDue() {
        int expired = 0;
        for (long editionId : offers.editionsWithOverdue(clock.instant())) {
            Integer n = tx.execute(status -> expireLocked(editionId));
            expired += n == null ? 0 : n;
        }
        return expired;
    }

    private int expireLocked(long editionId) {
        EditionSummary edition = editions.lockForSeatChange(editionId);
        Instant now = clock.instant();
        int expired = 0;
        for (SeatOffer offer : offers.overdue(editionId, now)) {
            if (!OfferRules.overdue(offer.getStatus(), offer.getExpiresAt(), now)) {
                continue;
            }
            offer.close(OfferStatus.EXPIRED, now);
            Registration r = registrations.findById(offer.getRegistrationId()).orElseThrow();
            if (r.getStatus() == RegistrationStatus.WAITLISTED) {
                r.waitlist(registrations.maxWaitlistPosition(editionId) + 1, now);
                registrations.flush();
                seats.renumber(editionId);
                registrations.flush();
            }
            seats.notifyOffer(r, edition, "offer-expired", offer);
            expired++;
        }
        offers.flush();
        seats.fillFreeSeats(edition);
        return expired;
    }
}
