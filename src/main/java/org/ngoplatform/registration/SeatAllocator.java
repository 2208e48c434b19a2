package org.ngoplatform.registration;

import org.ngoplatform.account.MailContact;
import org.ngoplatform.account.MailContacts;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.MailRequested;
import org.ngoplatform.mail.MailTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Seats and the waiting list of one edition. Every method expects the caller's transaction to hold the
 * edition's row lock ({@link EditionService#lockForSeatChange(long)}), so counts cannot change underneath.
 */
@Component
class SeatAllocator {
    // No @Transactional here (the class has no proxy): every method that changes seats or queues a mail checks that it
    // runs in the caller's transaction (NewRegistrations.requireTransaction, what propagation MANDATORY checked). Measured
    // (docs/performance.md, "Registration", seventh step): a registration called this class through its proxy five times,
    // three of them under the edition's lock; the proxy's work (its method lookup, the transaction interceptor, the
    // reflective call of package-private methods) was 2.4 % of the registration threads' CPU samples.

    private final RegistrationRepository registrations;
    private final SeatOfferRepository offers;
    private final OfferWindowRepository windows;
    private final JdbcClient jdbc;
    private final MailContacts contacts;
    private final ApplicationEventPublisher events;
    private final RegistrationCalendar calendars;
    private final Clock clock;
    private final String publicUrl;

    SeatAllocator(RegistrationRepository registrations, SeatOfferRepository offers, OfferWindowRepository windows,
                  JdbcClient jdbc, MailContacts contacts, ApplicationEventPublisher events,
                  RegistrationCalendar calendars, Clock clock,
                  @Value("${ngo.public-url:http://localhost:8080}") String publicUrl) {
        this.registrations = registrations;
        this.offers = offers;
        this.windows = windows;
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.events = events;
        this.calendars = calendars;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    long confirmed(long editionId) {
        return registrations.countByEditionIdAndStatus(editionId, RegistrationStatus.CONFIRMED);
    }

    /** Open seat offers of the edition: each holds a seat. */
    long openOffers(long editionId) {
        return offers.countByEditionIdAndStatus(editionId, OfferStatus.OPEN);
    }

    /** Seats held: confirmed registrations plus open offers ({@link OfferRules}: an open offer holds its seat). */
    long held(long editionId) {
        return confirmed(editionId) + offers.countByEditionIdAndStatus(editionId, OfferStatus.OPEN);
    }

    /** The edition's offer window in hours, or empty: freed seats are confirmed at once. */
    Optional<Integer> offerWindow(long editionId) {
        return windows.findById(editionId).map(OfferWindow::getWindowHours);
    }

    /**
     * What {@link RegistrationService#register} needs to know under the edition's lock, in one statement: the person's
     * earlier registration for the edition (id and status), the seats held (confirmed plus open offers, OfferRules) and the
     * last waiting position. Measured (docs/performance.md, "Registration", seventh step): these were two or three
     * statements, each a round trip to the database while every other registration of the edition waited for the lock;
     * the same subqueries, the same indexes, now one round trip. Read after the lock was taken (a statement of its own,
     * so under READ COMMITTED it sees every registration committed before it), as the separate statements were.
     */
    Seating seating(long editionId, long accountId) {
        NewRegistrations.requireTransaction(); // as MANDATORY, without the proxy's work (a registration's hot path)
        return jdbc.sql("SELECT (SELECT id FROM registration WHERE edition_id = ? AND account_id = ?), "
                        + "(SELECT status FROM registration WHERE edition_id = ? AND account_id = ?), "
                        + "(SELECT COUNT(*) FROM registration WHERE edition_id = ? AND status = 'CONFIRMED') "
                        + "+ (SELECT COUNT(*) FROM registration_offer WHERE edition_id = ? AND status = 'OPEN'), "
                        + "(SELECT COALESCE(MAX(waitlist_position), 0) FROM registration WHERE edition_id = ? AND status = 'WAITLISTED')")
                .params(editionId, accountId, editionId, accountId, editionId, editionId, editionId)
                .query((rs, row) -> {
                    long id = rs.getLong(1);
                    Optional<Map.Entry<Long, RegistrationStatus>> earlier = rs.wasNull() ? Optional.empty()
                            : Optional.of(Map.entry(id, RegistrationStatus.valueOf(rs.getString(2))));
                    return new Seating(earlier, rs.getLong(3), rs.getInt(4));
                }).single();
    }

    /** {@link #seating}: the earlier registration (id, status) if any, the seats held, the last waiting position (0: none). */
    record Seating(Optional<Map.Entry<Long, RegistrationStatus>> earlier, long held, int lastWaiting) {
    }

    /**
     * {@link #seat} for {@link RegistrationService#register}, whose transaction has no pending change of a registration,
     * from {@link #seating} read under the same lock: confirmed while seats are free, else at the end of the waiting list.
     */
    void seatNew(Registration r, EditionSummary edition, Seating seating) {
        NewRegistrations.requireTransaction(); // as MANDATORY, without the proxy's work (a registration's hot path)
        place(r, edition, seating.held(), seating::lastWaiting);
    }

    /** Confirms while seats are free, otherwise puts the registration at the end of the waiting list. */
    void seat(Registration r, EditionSummary edition) {
        NewRegistrations.requireTransaction();
        place(r, edition, held(edition.id()), () -> registrations.maxWaitlistPosition(edition.id()));
    }

    /** The rule of both: confirmed while fewer seats are held than the capacity, else after the last one waiting. */
    private void place(Registration r, EditionSummary edition, long held, IntSupplier lastWaiting) {
        if (edition.capacity() != null && held < edition.capacity()) {
            r.confirm(clock.instant());
        } else {
            r.waitlist(lastWaiting.getAsInt() + 1, clock.instant());
        }
    }

    /**
     * Gives every free seat (not confirmed, not held by an open offer) to the longest-waiting people without an
     * open offer, in order ({@link OfferRules#nextInLine}): confirmed at once and told, or, when the edition has an
     * offer window, offered until its deadline and told with links to accept or decline.
     */
    int fillFreeSeats(EditionSummary edition) {
        NewRegistrations.requireTransaction();
        if (edition.capacity() == null) {
            return 0;
        }
        long free = OfferRules.freeSeats(edition.capacity(), confirmed(edition.id()),
                offers.countByEditionIdAndStatus(edition.id(), OfferStatus.OPEN));
        if (free <= 0) {
            return 0;
        }
        List<Registration> waiting = registrations.findByEditionIdAndStatusOrderByWaitlistPositionAsc(edition.id(), RegistrationStatus.WAITLISTED);
        Set<Long> holding = new HashSet<>(offers.openRegistrationIds(edition.id()));
        List<Registration> next = OfferRules.nextInLine(waiting,
                waiting.stream().filter(r -> holding.contains(r.getId())).toList(), free);
        Optional<Integer> window = offerWindow(edition.id());
        for (Registration r : next) {
            if (window.isPresent()) {
                SeatOffer offer = offers.save(new SeatOffer(r, clock.instant(), window.get()));
                notifyOffer(r, edition, "offered", offer);
            } else {
                r.confirm(clock.instant());
                notify(r, edition, "promoted");
            }
        }
        if (!next.isEmpty() && window.isEmpty()) {
            registrations.flush();
            renumber(edition.id());
        }
        return next.size();
    }

    /**
     * Closes the registration's open offer, if any, with {@code status} (the seat it held is free again; the caller
     * fills it); returns whether there was one.
     */
    boolean closeOpenOffer(long registrationId, OfferStatus status) {
        NewRegistrations.requireTransaction();
        Optional<SeatOffer> open = offers.findFirstByRegistrationIdAndStatus(registrationId, OfferStatus.OPEN);
        open.ifPresent(o -> o.close(status, clock.instant()));
        if (open.isPresent()) {
            offers.flush();
        }
        return open.isPresent();
    }

    /** Closes the gaps in the waiting list, keeping everyone's order. */
    void renumber(long editionId) {
        NewRegistrations.requireTransaction();
        int position = 1;
        for (Registration r : registrations.findByEditionIdAndStatusOrderByWaitlistPositionAsc(editionId, RegistrationStatus.WAITLISTED)) {
            if (r.getWaitlistPosition() != position) {
                r.moveTo(position);
            }
            position++;
        }
    }

    /**
     * Queues the mail of one kind (confirmed, waitlisted, promoted, cancelled) in the current transaction, in the
     * registrant's language. A mail that gives a seat (confirmed, promoted) carries the edition's calendar
     * ({@link RegistrationCalendar#forMail}).
     */
    void notify(Registration r, EditionSummary edition, String kind) {
        NewRegistrations.requireTransaction();
        notify(r, edition, kind, null);
    }

    /**
     * {@link #notify(Registration, EditionSummary, String)} when the caller already knows whether the edition has
     * programme sessions (a registration asks before it takes the lock); {@code null}: ask now.
     */
    void notify(Registration r, EditionSummary edition, String kind, Boolean hasSessions) {
        NewRegistrations.requireTransaction();
        notify(r, edition, kind, hasSessions, null);
    }

    /**
     * The offer mails (offered, offer-expired): the registration mail's parameters and {6} the deadline in the
     * recipient's language and the edition's zone, {7} the link to accept, {8} the link to decline.
     */
    void notifyOffer(Registration r, EditionSummary edition, String kind, SeatOffer offer) {
        NewRegistrations.requireTransaction();
        notify(r, edition, kind, null, offer);
    }

    /**
     * {@link #notify(Registration, EditionSummary, String, Boolean)} when the caller already read the registrant's
     * mail contact (a new registration reads it before it takes the edition's lock).
     */
    void notify(MailContact to, Registration r, EditionSummary edition, String kind, boolean hasSessions) {
        NewRegistrations.requireTransaction();
        notify(to, r, edition, kind, hasSessions, null);
    }

    private void notify(Registration r, EditionSummary edition, String kind, Boolean hasSessions, SeatOffer offer) {
        notify(contacts.of(r.getAccountId()).orElseThrow(), r, edition, kind, hasSessions, offer);
    }

    private void notify(MailContact to, Registration r, EditionSummary edition, String kind, Boolean hasSessions, SeatOffer offer) {
        var mail = seatMail(to, edition, kind, r.getWaitlistPosition(), offer);
        if (kind.equals("confirmed") || kind.equals("promoted")) {
            String url = editionUrl(edition.id());
            mail = mail.withAttachment((hasSessions == null ? calendars.forMail(r, edition, url)
                    : calendars.forMail(r, edition, url, hasSessions)).orElse(null));
        }
        events.publishEvent(mail);
    }

    /**
     * The text of a seat mail of one kind (without its calendar), in the registrant's language: the one place it is
     * put together, for {@link #notify} and for a confirmation written ahead ({@link NewRegistrations}).
     */
    MailRequested seatMail(MailContact to, EditionSummary edition, String kind, Integer waitlistPosition) {
        return seatMail(to, edition, kind, waitlistPosition, null);
    }

    /**
     * {@link #seatMail(MailContact, EditionSummary, String, Integer)} of an offer mail (offered, offer-expired):
     * {6} the deadline in the recipient's language and the edition's zone, {7} the link to accept, {8} to decline;
     * empty for the other kinds.
     */
    private MailRequested seatMail(MailContact to, EditionSummary edition, String kind, Integer waitlistPosition, SeatOffer offer) {
        Locale locale = to.locale();
        String title = edition.city() + " " + edition.year();
        String dates = edition.startsOn() == null ? String.valueOf(edition.year())
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(edition.startsOn())
                + (edition.endsOn() == null || edition.endsOn().equals(edition.startsOn()) ? ""
                : " – " + DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(edition.endsOn()));
        Object position = waitlistPosition == null ? "" : waitlistPosition;
        String offerUrl = offer == null ? "" : publicUrl + "/my/offers/" + offer.getId();
        return new MailRequested(to.email(), locale, MailTemplate.of("REGISTRATION", kind), to.displayName(), title,
                dates, position, editionUrl(edition.id()), publicUrl + "/my/registrations",
                offer == null ? "" : OfferRules.deadlineText(offer.getExpiresAt(), edition.timeZone(), locale),
                offer == null ? "" : offerUrl + "?answer=accept", offer == null ? "" : offerUrl + "?answer=decline");
    }

    String editionUrl(long editionId) {
        return publicUrl + "/editions/" + editionId;
    }
}
