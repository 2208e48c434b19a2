package org.ngoplatform.programme;

import org.ngoplatform.base.SingleLineText;
import org.ngoplatform.edition.EditionSummary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that says what a session may be; pure (no database, no clock), used by {@link ProgrammeService}
 * (which decides) and by the editor (which explains before saving).
 * <ul>
 *   <li>title required, every text within its limit and single-line where a line is meant;</li>
 *   <li>start and end are wall-clock times in the edition's zone; a time the clocks skip (spring forward) does not
 *   exist and is refused; a time that occurs twice (fall back) is read at the earlier offset, summer time;</li>
 *   <li>the end after the start, compared as instants, so a session across a DST switch has its real length;</li>
 *   <li>within the edition's days: from 00:00 of its first day to 24:00 of its last, in its zone;</li>
 *   <li>no two sessions in one room at once (rooms compared ignoring case and outer spaces; cancelled sessions
 *   and sessions without a room never clash); touching sessions (one ends when the next starts) do not clash.</li>
 * </ul>
 */
public final class ProgrammeRules {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 4000;
    public static final int SPEAKERS_MAX = 500;
    public static final int ROOM_MAX = 100;

    private ProgrammeRules() {
    }

    /** The days and zone of an edition, as far as the programme cares. */
    public record Window(ZoneId zone, LocalDate firstDay, LocalDate lastDay) {

        public static Window of(EditionSummary edition) {
            LocalDate last = edition.endsOn() == null ? edition.startsOn() : edition.endsOn();
            return new Window(ZoneId.of(edition.timeZone()), edition.startsOn(), last);
        }

        public boolean hasDates() {
            return firstDay != null && lastDay != null;
        }

        Instant opens() {
            return firstDay.atStartOfDay(zone).toInstant();
        }

        Instant closes() {
            return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        }
    }

    /** A session's checked times as instants. */
    public record Times(Instant start, Instant end) {
    }

    /**
     * Checks {@code form} for the session {@code selfId} (null for a new one) against the edition and its
     * {@code others}; returns the times as instants, or throws the first broken rule.
     */
    public static Times check(Long selfId, SessionForm form, Window window, Collection<SessionSummary> others) {
        Optional<ProgrammeRejectedException> broken = firstBroken(selfId, form, window, others);
        if (broken.isPresent()) {
            throw broken.get();
        }
        return new Times(instant(form.getStartsAt(), window.zone()).orElseThrow(),
                instant(form.getEndsAt(), window.zone()).orElseThrow());
    }

    /** The first broken rule, if any (see the class comment for the order). */
    public static Optional<ProgrammeRejectedException> firstBroken(Long selfId, SessionForm form, Window window,
                                                                   Collection<SessionSummary> others) {
        if (form == null) {
            return refuse("form", "validation.invalid");
        }
        if (form.getKind() == null) {
            return refuse("kind", "validation.required");
        }
        if (form.getTitle() == null || form.getTitle().isBlank()) {
            return refuse("title", "validation.required");
        }
        Optional<ProgrammeRejectedException> text = text("title", form.getTitle(), TITLE_MAX, true)
                .or(() -> text("room", form.getRoom(), ROOM_MAX, true))
                .or(() -> text("speakers", form.getSpeakers(), SPEAKERS_MAX, true))
                .or(() -> text("description", form.getDescription(), DESCRIPTION_MAX, false));
        if (text.isPresent()) {
            return text;
        }
        if (form.getStartsAt() == null) {
            return refuse("startsAt", "validation.required");
        }
        if (form.getEndsAt() == null) {
            return refuse("endsAt", "validation.required");
        }
        if (!window.hasDates()) {
            return refuse("startsAt", "programme.edition.no-dates");
        }
        Optional<Instant> start = instant(form.getStartsAt(), window.zone());
        if (start.isEmpty()) {
            return refuse("startsAt", "programme.time.skipped");
        }
        Optional<Instant> end = instant(form.getEndsAt(), window.zone());
        if (end.isEmpty()) {
            return refuse("endsAt", "programme.time.skipped");
        }
        if (!end.get().isAfter(start.get())) {
            return refuse("endsAt", "programme.time.order");
        }
        if (start.get().isBefore(window.opens()) || !start.get().isBefore(window.closes())) {
            return refuse("startsAt", "programme.time.outside");
        }
        if (end.get().isAfter(window.closes())) {
            return refuse("endsAt", "programme.time.outside");
        }
        String room = roomKey(form.getRoom());
        if (room != null) {
            for (SessionSummary other : others) {
                if (other.cancelled() || Objects.equals(selfId, other.id()) || !room.equals(roomKey(other.room()))) {
                    continue;
                }
                if (start.get().isBefore(other.endsAt()) && other.startsAt().isBefore(end.get())) {
                    return Optional.of(new ProgrammeRejectedException("room", "programme.room.clash", other));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A wall-clock time in {@code zone} as an instant; empty when the clocks skip it (the gap of a spring-forward
     * switch). A time that occurs twice (fall back) is taken at the earlier offset.
     */
    public static Optional<Instant> instant(LocalDateTime local, ZoneId zone) {
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ZonedDateTime.ofLocal(local, zone, null).toInstant());
    }

    private static String roomKey(String room) {
        return room == null || room.isBlank() ? null : room.strip().toLowerCase(Locale.ROOT);
    }

    private static Optional<ProgrammeRejectedException> text(String field, String value, int max, boolean singleLine) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.strip().length() > max) {
            return refuse(field, "validation.too-long");
        }
        if (singleLine && SingleLineText.hasForbiddenCharacters(value)) {
            return refuse(field, SingleLineText.MESSAGE_KEY);
        }
        return Optional.empty();
    }

    private static Optional<ProgrammeRejectedException> refuse(String field, String key) {
        return Optional.of(new ProgrammeRejectedException(field, key));
    }
}
