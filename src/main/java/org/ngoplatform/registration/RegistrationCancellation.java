package org.ngoplatform.registration;

import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * The one way a registration is cancelled, whoever asks (the participant, an organiser): under the edition's row
 * lock, with the {@link RegistrationCancelled} event, the mail, and the freed seat going to the longest-waiting
 * person. Callers check who may cancel; this runs inside their transaction.
 */
@Component
class RegistrationCancellation {

    private final RegistrationRepository registrations;
    private final EditionService editions;
    private final SeatAllocator seats;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RegistrationCancellation(RegistrationRepository registrations, EditionService editions, SeatAllocator seats,
                             ApplicationEventPublisher events, Clock clock) {
        this.registrations = registrations;
        this.editions = editions;
        this.seats = seats;
        this.events = events;
        this.clock = clock;
    }

    /** Lock first, then read: nothing about this edition's seats is loaded before the lock is held. */
    @Transactional(propagation = Propagation.MANDATORY)
    void cancelLocked(long registrationId, long editionId, String reason) {
        cancelLocked(registrationId, editionId, reason, OfferStatus.WITHDRAWN);
    }

    /**
     * As {@link #cancelLocked(long, long, String)}; an open seat offer of the registration is closed as
     * {@code openOffer} (withdrawn when the person or an organiser cancels, declined when the person declines it),
     * and the seat it held goes on to the next person.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void cancelLocked(long registrationId, long editionId, String reason, OfferStatus openOffer) {
        EditionSummary edition = editions.lockForSeatChange(editionId);
        Registration current = registrations.findById(registrationId).orElseThrow();
        if (current.getStatus() == RegistrationStatus.CANCELLED) {
            throw new RegistrationRejectedException("status", "registration.cancelled");
        }
        boolean heldSeat = current.getStatus() == RegistrationStatus.CONFIRMED
                | seats.closeOpenOffer(current.getId(), openOffer);
        current.cancel(clock.instant(), reason);
        registrations.flush();
        events.publishEvent(new RegistrationCancelled(current.getId(), current.getEditionId(), current.getAccountId()));
        seats.notify(current, edition, "cancelled");
        if (heldSeat) {
            seats.fillFreeSeats(edition);
        } else {
            seats.renumber(edition.id());
        }
    }
}
