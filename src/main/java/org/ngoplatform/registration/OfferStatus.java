package org.ngoplatform.registration;

/**
 * Where a seat offer stands. OPEN holds a seat until its deadline; the others are final and kept as history:
 * ACCEPTED (the seat is the person's), DECLINED (they said no: their registration is cancelled), EXPIRED (no
 * answer in time: they go to the end of the waiting list), WITHDRAWN (they cancelled, or an organiser seated them
 * out of turn, while it was open). Transitions: {@link OfferRules#next}.
 */
public enum OfferStatus {
    OPEN, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN
}
