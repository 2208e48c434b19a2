package org.ngoplatform.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A freed seat offered to one waiting person until a deadline. Created and closed only under the edition's row
 * lock; every offer is kept, so the organisers see the history. Moves follow {@link OfferRules#next}.
 */
@Entity
@Table(name = "registration_offer")
class SeatOffer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "edition_id", nullable = false)
    private long editionId;

    @Column(name = "registration_id", nullable = false)
    private long registrationId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OfferStatus status;

    @Column(name = "offered_at", nullable = false)
    private Instant offeredAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private long version;

    protected SeatOffer() {
    }

    SeatOffer(Registration r, Instant now, int windowHours) {
        this.editionId = r.getEditionId();
        this.registrationId = r.getId();
        this.accountId = r.getAccountId();
        this.status = OfferStatus.OPEN;
        this.offeredAt = now;
        this.expiresAt = OfferRules.deadline(now, windowHours);
    }

    void close(OfferStatus to, Instant now) {
        this.status = OfferRules.next(status, to);
        this.decidedAt = now;
    }

    Long getId() { return id; }
    long getEditionId() { return editionId; }
    long getRegistrationId() { return registrationId; }
    long getAccountId() { return accountId; }
    OfferStatus getStatus() { return status; }
    Instant getOfferedAt() { return offeredAt; }
    Instant getExpiresAt() { return expiresAt; }
    Instant getDecidedAt() { return decidedAt; }
}
