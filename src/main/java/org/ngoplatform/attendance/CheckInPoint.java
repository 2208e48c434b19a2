package org.ngoplatform.attendance;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where people are checked in: a day of the edition ({@code sessionId == 0}) or one session of its programme
 * ({@code sessionId} the session's id, {@code day} the day it starts in the edition's zone). {@link #key()} is its
 * text form for a link or a live-update key; {@link #parse} reads it back and refuses anything else.
 */
public record CheckInPoint(LocalDate day, long sessionId) {

    public static final long WHOLE_DAY = 0;

    public CheckInPoint {
        if (day == null || sessionId < 0) {
            throw new IllegalArgumentException("A check-in point needs a day and a session id >= 0");
        }
    }

    public static CheckInPoint ofDay(LocalDate day) {
        return new CheckInPoint(day, WHOLE_DAY);
    }

    public boolean isSession() {
        return sessionId != WHOLE_DAY;
    }

    /** {@code 2026-05-12} for a day, {@code 2026-05-12.41} for a session. */
    public String key() {
        return isSession() ? day + "." + sessionId : day.toString();
    }

    /** The point a {@link #key()} names; empty for any other text (never an exception). */
    public static Optional<CheckInPoint> parse(String key) {
        if (key == null || !key.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}(\\.[0-9]{1,18})?")) {
            return Optional.empty();
        }
        try {
            int dot = key.indexOf('.');
            LocalDate day = LocalDate.parse(dot < 0 ? key : key.substring(0, dot));
            long session = dot < 0 ? WHOLE_DAY : Long.parseLong(key.substring(dot + 1));
            return Optional.of(new CheckInPoint(day, session));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
