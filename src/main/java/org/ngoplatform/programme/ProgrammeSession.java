package org.ngoplatform.programme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import org.ngoplatform.base.EntityText;

import java.time.Instant;
import java.util.Objects;

/**
 * One session of an edition's programme. Deleting a session cancels it ({@code cancelledAt}): it leaves the
 * programme but stays in the {@code .ics} as STATUS:CANCELLED, so calendars that imported it drop it on re-import.
 */
@Entity
@Table(name = "programme_session")
class ProgrammeSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "edition_id", nullable = false)
    private long editionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SessionKind kind;

    @Size(max = ProgrammeRules.TITLE_MAX)
    @Column(nullable = false, length = ProgrammeRules.TITLE_MAX)
    private String title;

    @Size(max = ProgrammeRules.DESCRIPTION_MAX)
    @Column(length = ProgrammeRules.DESCRIPTION_MAX)
    private String description;

    @Size(max = ProgrammeRules.SPEAKERS_MAX)
    @Column(length = ProgrammeRules.SPEAKERS_MAX)
    private String speakers;

    @Size(max = ProgrammeRules.ROOM_MAX)
    @Column(length = ProgrammeRules.ROOM_MAX)
    private String room;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "ics_sequence", nullable = false)
    private int sequence;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ProgrammeSession() {
    }

    ProgrammeSession(long editionId, Instant now) {
        this.editionId = editionId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    Long getId() { return id; }
    long getEditionId() { return editionId; }
    SessionKind getKind() { return kind; }
    String getTitle() { return title; }
    String getDescription() { return description; }
    String getSpeakers() { return speakers; }
    String getRoom() { return room; }
    Instant getStartsAt() { return startsAt; }
    Instant getEndsAt() { return endsAt; }
    boolean isCancelled() { return cancelledAt != null; }
    int getSequence() { return sequence; }
    Instant getUpdatedAt() { return updatedAt; }
    long getVersion() { return version; }

    /** Takes the checked form; the times already converted from the edition's zone. Raises SEQUENCE on a change. */
    void apply(SessionForm form, Instant start, Instant end, Instant now) {
        if (isCancelled()) {
            throw new IllegalStateException("a cancelled session is not edited");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end not after start");
        }
        boolean isNew = id == null;
        String newTitle = EntityText.required(form.getTitle(), ProgrammeRules.TITLE_MAX, "title");
        String newDescription = EntityText.optional(form.getDescription(), ProgrammeRules.DESCRIPTION_MAX, "description");
        String newSpeakers = EntityText.optional(form.getSpeakers(), ProgrammeRules.SPEAKERS_MAX, "speakers");
        String newRoom = EntityText.optional(form.getRoom(), ProgrammeRules.ROOM_MAX, "room");
        boolean changed = kind != Objects.requireNonNull(form.getKind()) || !newTitle.equals(title)
                || !Objects.equals(newDescription, description) || !Objects.equals(newSpeakers, speakers)
                || !Objects.equals(newRoom, room) || !start.equals(startsAt) || !end.equals(endsAt);
        kind = form.getKind();
        title = newTitle;
        description = newDescription;
        speakers = newSpeakers;
        room = newRoom;
        startsAt = start;
        endsAt = end;
        if (changed && !isNew) {
            sequence++;
            updatedAt = now;
        }
    }

    void cancel(Instant now) {
        if (isCancelled()) {
            return;
        }
        cancelledAt = now;
        sequence++;
        updatedAt = now;
    }
}
