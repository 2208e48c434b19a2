package org.ngoplatform.registration;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The rules of waiting-list offers, in one place, for the services (under the edition's lock) and the views:
 * which seats are free, who is offered one, how long an offer runs, when it may still be answered, which
 * status may follow which, and how its deadline is written (with the edition's time zone).
 * <p>
 * A seat is held by a confirmed registration or by an open offer, so the capacity counts both; a freed seat goes
 * to the longest-waiting people who hold no open offer yet, in waiting-list order, so nobody's turn is skipped.
 */
public final class OfferRules {

    /** Shortest and longest window an organiser may choose, in hours (one hour to two weeks). */
    public static final int MIN_WINDOW_HOURS = 1;
    public static final int MAX_WINDOW_HOURS = 336;
    /** The window the organisers' form suggests. */
    public static final int DEFAULT_WINDOW_HOURS = 48;

    private OfferRules() {
    }

    /** Seats neither confirmed nor held by an open offer; never negative. No capacity: none. */
    public static long freeSeats(Integer capacity, long confirmed, long openOffers) {
        return capacity == null ? 0 : Math.max(0, capacity - confirmed - openOffers);
    }

    /**
     * Who gets the {@code free} seats: the first people of the waiting list (in its order) that hold no open offer.
     */
    public static <T> List<T> nextInLine(List<T> waitingInOrder, Collection<T> holdingOffer, long free) {
        List<T> next = new ArrayList<>();
        for (T person : waitingInOrder) {
            if (next.size() >= free) break;
            if (!holdingOffer.contains(person)) next.add(person);
        }
        return next;
    }

    public static boolean validWindow(Integer hours) {
        return hours == null || (hours >= MIN_WINDOW_HOURS && hours <= MAX_WINDOW_HOURS);
    }

    /** When an offer made at {@code offeredAt} with a window of {@code hours} runs out. */
    public static Instant deadline(Instant offeredAt, int hours) {
        return offeredAt.plus(Duration.ofHours(hours));
    }

    /** Whether an offer may still be accepted or declined: open, and its deadline not reached. */
    public static boolean answerable(OfferStatus status, Instant expiresAt, Instant now) {
        return status == OfferStatus.OPEN && now.isBefore(expiresAt);
    }

    /** Whether the expiry job must close the offer: open, and its deadline reached. */
    public static boolean overdue(OfferStatus status, Instant expiresAt, Instant now) {
        return status == OfferStatus.OPEN && !now.isBefore(expiresAt);
    }

    /** The one allowed move: from OPEN to any final status; a final status never changes. */
    public static OfferStatus next(OfferStatus from, OfferStatus to) {
        if (from != OfferStatus.OPEN || to == OfferStatus.OPEN) {
            throw new IllegalStateException("offer " + from + " cannot become " + to);
        }
        return to;
    }

    /** The deadline as people read it: date and time in the edition's zone, and the zone's name. */
    public static String deadlineText(Instant expiresAt, String timeZone, Locale locale) {
        ZoneId zone = ZoneId.of(timeZone);
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .format(expiresAt.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
