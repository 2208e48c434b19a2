package org.ngoplatform.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ngoplatform.base.SingleLine;

import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * What an organiser fills in for a session. Start and end are wall-clock times in the edition's time zone (the
 * form says which); {@link ProgrammeRules} turns them into instants.
 */
public class SessionForm {

    @NotNull(message = "{validation.required}")
    private SessionKind kind = SessionKind.PLENARY;

    @NotBlank(message = "{validation.required}")
    @Size(max = ProgrammeRules.TITLE_MAX, message = "{validation.too-long}")
    @SingleLine
    private String title = "";

    @Size(max = ProgrammeRules.DESCRIPTION_MAX, message = "{validation.too-long}")
    private String description = "";

    @Size(max = ProgrammeRules.SPEAKERS_MAX, message = "{validation.too-long}")
    @SingleLine
    private String speakers = "";

    @Size(max = ProgrammeRules.ROOM_MAX, message = "{validation.too-long}")
    @SingleLine
    private String room = "";

    @NotNull(message = "{validation.required}")
    private LocalDateTime startsAt;

    @NotNull(message = "{validation.required}")
    private LocalDateTime endsAt;

    /** The version the organiser started from (0 for a new session). */
    private long version;

    /** The session as it stands, its times read in {@code zone}. */
    public static SessionForm of(SessionSummary s, ZoneId zone) {
        SessionForm f = new SessionForm();
        f.kind = s.kind();
        f.title = s.title();
        f.description = s.description() == null ? "" : s.description();
        f.speakers = s.speakers() == null ? "" : s.speakers();
        f.room = s.room() == null ? "" : s.room();
        f.startsAt = s.localStart(zone);
        f.endsAt = s.localEnd(zone);
        f.version = s.version();
        return f;
    }

    public SessionKind getKind() { return kind; }
    public void setKind(SessionKind kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getSpeakers() { return speakers; }
    public void setSpeakers(String speakers) { this.speakers = speakers; }
    public String getRoom() { return room; }
    public void setRoom(String room) { this.room = room; }
    public LocalDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(LocalDateTime startsAt) { this.startsAt = startsAt; }
    public LocalDateTime getEndsAt() { return endsAt; }
    public void setEndsAt(LocalDateTime endsAt) { this.endsAt = endsAt; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
