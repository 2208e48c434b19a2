package org.ngoplatform.workshop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** Choosing of one workshop slot: open until {@code closesAt}, with the seed of its allocation; published or not. */
@Entity
@Table(name = "workshop_choosing")
class Choosing {

    @Id
    @Column(name = "session_id")
    private Long sessionId;

    @Column(name = "edition_id", nullable = false)
    private long editionId;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(nullable = false)
    private long seed;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    private long version;

    protected Choosing() {
    }

    Choosing(long sessionId, long editionId, Instant closesAt, Instant openedAt, long seed) {
        this.sessionId = sessionId;
        this.editionId = editionId;
        this.closesAt = closesAt;
        this.openedAt = openedAt;
        this.seed = seed;
    }

    void closeAt(Instant closesAt) {
        this.closesAt = closesAt;
    }

    void published(Instant at) {
        this.publishedAt = at;
    }

    /** Participants may rank at {@code now}: not published and the deadline not reached. */
    boolean acceptsRankings(Instant now) {
        return publishedAt == null && now.isBefore(closesAt);
    }

    Long getSessionId() { return sessionId; }
    long getEditionId() { return editionId; }
    Instant getClosesAt() { return closesAt; }
    Instant getOpenedAt() { return openedAt; }
    long getSeed() { return seed; }
    Instant getPublishedAt() { return publishedAt; }
    long getVersion() { return version; }
}
