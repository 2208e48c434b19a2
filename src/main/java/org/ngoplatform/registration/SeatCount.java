package org.ngoplatform.registration;

/** Seats of one edition as the public page shows them. */
public record SeatCount(Integer capacity, long confirmed, long waitlisted) {

    public long seatsLeft() {
        return capacity == null ? 0 : Math.max(0, capacity - confirmed);
    }
}
