package org.ngoplatform.registration;

import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.OffsetPageable;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Waiting-list offers with a time window (rules: {@link OfferRules}). Organisers choose per edition whether a
 * freed seat is confirmed at once (the default) or offered to the longest-waiting person for a window of hours;
 * the person accepts or declines their own offer in the app (the mail's links open it there, after signing in);
 * an offer not answered in time is closed by {@link SeatOfferExpiry}. Every change takes the edition's row lock
 * first, as every seat change does, so accepts, declines, cancellations, expiries and capacity changes of one
 * edition are serialised: an open offer holds its seat and capacity is never exceeded.
 * <p>
 * Why answering needs a signed-in session and not a token in the link: the platform already signs everyone in,
 * a link that acted on opening would be triggered by mail scanners that open links, and a forwarded mail would let
 * anyone take or give away someone's seat. The link names the offer only; the page shows it to its own person
 * (anyone else gets "Page not found") and the answer is a button press.
 */
@Service
public class SeatOfferService {

    private final SeatOfferRepository offers;
    private final OfferWindowRepository windows;
    private final RegistrationRepository registrations;
    private final EditionService editions;
    private final SeatAllocator seats;
    private final RegistrationCancellation cancellation;
    private final AuditLog audit;
    private final Clock clock;

    SeatOfferService(SeatOfferRepository offers, OfferWindowRepository windows, RegistrationRepository registrations,
                     EditionService editions, SeatAllocator seats, RegistrationCancellation cancellation, AuditLog audit,
                     Clock clock) {
        this.offers = offers;
        this.windows = windows;
        this.registrations = registrations;
        this.editions = editions;
        this.seats = seats;
        this.cancellation = cancellation;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- participants: their own offers only ------------------------------------------------------------------

    /** The signed-in person's open offers, soonest deadline first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<MyOffer> mine() {
        Instant now = clock.instant();
        return offers.findByAccountIdAndStatusOrderByExpiresAtAsc(CurrentAccount.requireId(), OfferStatus.OPEN).stream()
                .flatMap(o -> editions.find(o.getEditionId()).map(e -> toMine(o, e, now)).stream())
                .toList();
    }

    /** One of the signed-in person's offers (open or answered); empty for anyone else's or none. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<MyOffer> mine(long offerId) {
        long me = CurrentAccount.requireId();
        return offers.findById(offerId).filter(o -> o.getAccountId() == me)
                .flatMap(o -> editions.find(o.getEditionId()).map(e -> toMine(o, e, clock.instant())));
    }

    /** Accepts one's own open offer before its deadline: the registration is confirmed and the seat is theirs. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void accept(long offerId) {
        long editionId = offers.editionOf(offerId, CurrentAccount.requireId())
                .orElseThrow(() -> new AccessDeniedException("No such offer"));
        // Lock first, then read: nothing about this edition's seats is loaded before the lock is held.
        EditionSummary edition = editions.lockForSeatChange(editionId);
        SeatOffer offer = answerable(offerId);
        Registration r = registrations.findById(offer.getRegistrationId()).orElseThrow();
        offer.close(OfferStatus.ACCEPTED, clock.instant());
        r.confirm(clock.instant());
        offers.flush();
        registrations.flush();
        seats.renumber(editionId);
        seats.notify(r, edition, "confirmed");
    }

    /**
     * Declines one's own open offer: the registration is cancelled (the person said they will not take the seat)
     * and the seat is offered to the next person.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void decline(long offerId) {
        long editionId = offers.editionOf(offerId, CurrentAccount.requireId())
                .orElseThrow(() -> new AccessDeniedException("No such offer"));
        editions.lockForSeatChange(editionId);
        SeatOffer offer = answerable(offerId);
        cancellation.cancelLocked(offer.getRegistrationId(), editionId, null, OfferStatus.DECLINED);
    }

    private SeatOffer answerable(long offerId) {
        SeatOffer offer = offers.findById(offerId).orElseThrow();
        if (offer.getStatus() != OfferStatus.OPEN) {
            throw new RegistrationRejectedException("offer", "offer.closed");
        }
        if (!OfferRules.answerable(offer.getStatus(), offer.getExpiresAt(), clock.instant())) {
            throw new RegistrationRejectedException("offer", "offer.expired");
        }
        return offer;
    }

    private static MyOffer toMine(SeatOffer o, EditionSummary e, Instant now) {
        return new MyOffer(o.getId(), o.getRegistrationId(), e, o.getStatus(), o.getExpiresAt(),
                OfferRules.answerable(o.getStatus(), o.getExpiresAt(), now));
    }

    // ---- organisers -----------------------------------------------------------------------------------------

    /** The edition's offer window in hours; empty: freed seats are confirmed at once. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public Optional<Integer> offerWindow(long editionId) {
        return seats.offerWindow(editionId);
    }

    /**
     * Chooses how the edition's freed seats are given: {@code null} confirms them at once, a number of hours
     * ({@link OfferRules#MIN_WINDOW_HOURS}..{@link OfferRules#MAX_WINDOW_HOURS}) offers them for that long. Open
     * offers keep their deadline. Under the edition's lock; audited.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void changeOfferWindow(long editionId, Integer hours) {
        if (!OfferRules.validWindow(hours)) {
            throw new RegistrationRejectedException("offerWindow", "offer.window.range");
        }
        EditionSummary edition = editions.lockForSeatChange(editionId);
        Optional<OfferWindow> current = windows.findById(editionId);
        if (hours == null) {
            current.ifPresent(windows::delete);
        } else if (current.isPresent()) {
            current.get().change(hours, clock.instant());
        } else {
            windows.save(new OfferWindow(editionId, hours, clock.instant()));
        }
        windows.flush();
        audit.record("REGISTRATION_OFFER_WINDOW_CHANGED", "edition:" + editionId,
                (current.map(w -> w.getWindowHours() + " h").orElse("at once")) + " -> " + (hours == null ? "at once" : hours + " h"));
        seats.fillFreeSeats(edition);
    }

    /** Every offer of the edition, open ones first, then newest first: the history the organisers see. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<SeatOfferSummary> history(long editionId, int offset, int limit) {
        return offers.history(editionId, OffsetPageable.of(offset, limit));
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public long countHistory(long editionId) {
        return offers.countByEditionId(editionId);
    }
}
