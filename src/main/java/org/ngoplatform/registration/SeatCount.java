package org.ngoplatform.registration;

/** Seats of one edition as the public page shows them; an open seat offer holds its seat ({@link OfferRules}). */
public record SeatCount(Integer capacity, long confirmed, long waitlisted, long offered) {

    public SeatCount(Integer capacity, long confirmed, long waitlisted) {
        this(capacity, confirmed, waitlisted, 0);
    }

    public long seatsLeft() {
        return OfferRules.freeSeats(capacity, confirmed, offered);
    }
}
