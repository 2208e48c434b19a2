package org.ngoplatform.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An edition whose freed seats are offered for a window of hours; editions without a row confirm at once. */
@Entity
@Table(name = "registration_offer_window")
class OfferWindow {

    @Id
    @Column(name = "edition_id")
    private Long editionId;

    @Column(name = "window_hours", nullable = false)
    private int windowHours;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected OfferWindow() {
    }

    OfferWindow(long editionId, int windowHours, Instant now) {
        this.editionId = editionId;
        change(windowHours, now);
    }

    void change(int windowHours, Instant now) {
        if (!OfferRules.validWindow(windowHours)) throw new IllegalArgumentException("window " + windowHours);
        this.windowHours = windowHours;
        this.updatedAt = now;
    }

    int getWindowHours() { return windowHours; }
}
