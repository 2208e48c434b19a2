package org.ngoplatform.attendance;

import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.SessionKind;
import org.ngoplatform.programme.SessionSummary;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule for where an edition checks people in, in one place: every session of its programme that people attend
 * (cancelled sessions and breaks left out), in order of time; an edition without such sessions checks in once per
 * day, from its first to its last day; an edition without dates has no check-in points. Pure.
 */
final class CheckInPoints {

    /** Longest edition a day list is built for; longer (a mistyped year) lists only the first days. */
    static final int MAX_DAYS = 31;

    private CheckInPoints() {
    }

    static List<CheckInPointSummary> of(EditionSummary edition, List<SessionSummary> sessions) {
        ZoneId zone = ZoneId.of(edition.timeZone());
        List<CheckInPointSummary> points = new ArrayList<>();
        sessions.stream()
                .filter(s -> !s.cancelled() && s.kind() != SessionKind.BREAK)
                .sorted((a, b) -> a.startsAt().compareTo(b.startsAt()))
                .forEach(s -> points.add(new CheckInPointSummary(new CheckInPoint(s.day(zone), s.id()), s.title(),
                        s.localStart(zone), s.localEnd(zone))));
        if (!points.isEmpty()) {
            return points;
        }
        if (edition.startsOn() == null) {
            return points;
        }
        LocalDate last = edition.endsOn() == null ? edition.startsOn() : edition.endsOn();
        for (LocalDate d = edition.startsOn(); !d.isAfter(last) && points.size() < MAX_DAYS; d = d.plusDays(1)) {
            points.add(new CheckInPointSummary(CheckInPoint.ofDay(d), null, null, null));
        }
        return points;
    }
}
