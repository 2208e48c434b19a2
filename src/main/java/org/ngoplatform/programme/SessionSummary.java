package org.ngoplatform.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * One session of a programme as it is shown. Times are instants; {@link #localStart}/{@link #localEnd} read them in
 * the edition's zone. {@code sequence} is the {@code .ics} SEQUENCE, raised by every change.
 */
public record SessionSummary(long id, long editionId, SessionKind kind, String title, String description,
                             String speakers, String room, Instant startsAt, Instant endsAt, boolean cancelled,
                             int sequence, Instant updatedAt, long version) {

    static SessionSummary of(ProgrammeSession s) {
        return new SessionSummary(s.getId(), s.getEditionId(), s.getKind(), s.getTitle(), s.getDescription(),
                s.getSpeakers(), s.getRoom(), s.getStartsAt(), s.getEndsAt(), s.isCancelled(), s.getSequence(),
                s.getUpdatedAt(), s.getVersion());
    }

    public LocalDateTime localStart(ZoneId zone) {
        return LocalDateTime.ofInstant(startsAt, zone);
    }

    public LocalDateTime localEnd(ZoneId zone) {
        return LocalDateTime.ofInstant(endsAt, zone);
    }

    /** The day (in the edition's zone) the session is listed under: the day it starts. */
    public LocalDate day(ZoneId zone) {
        return localStart(zone).toLocalDate();
    }
}
