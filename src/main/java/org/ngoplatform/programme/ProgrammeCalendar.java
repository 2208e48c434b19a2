package org.ngoplatform.programme;

import org.ngoplatform.base.IcsText;
import org.ngoplatform.edition.EditionSummary;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A programme as an RFC 5545 calendar, written with {@link IcsText} (why not ical4j: registration's
 * {@code IcsCalendar}). Every session is a VEVENT with a UID stable for its id ({@link #uid}), its times given with
 * the edition's TZID (a VTIMEZONE from the zone's rules is included), a SEQUENCE the service raises on every change
 * and STATUS:CANCELLED once deleted, so re-importing the file updates a calendar instead of duplicating it.
 */
final class ProgrammeCalendar {

    private ProgrammeCalendar() {
    }

    /** Host-independent, so the same session keeps its UID whichever address served the file. */
    static String uid(long sessionId) {
        return "programme-session-" + sessionId + "@ngo-platform";
    }

    static String fileName(EditionSummary edition, String suffix) {
        return "programme-" + edition.city().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                + "-" + edition.year() + suffix + ".ics";
    }

    static String calendar(EditionSummary edition, String calendarName, List<SessionSummary> sessions, String url, Instant now) {
        ZoneId zone = ZoneId.of(edition.timeZone());
        var out = new StringBuilder();
        IcsText.line(out, "BEGIN:VCALENDAR");
        IcsText.line(out, "VERSION:2.0");
        IcsText.line(out, "PRODID:-//NGO Platform//Programme//EN");
        IcsText.line(out, "CALSCALE:GREGORIAN");
        IcsText.line(out, "METHOD:PUBLISH");
        IcsText.line(out, "X-WR-CALNAME:" + IcsText.escape(calendarName));
        IcsText.line(out, "X-WR-TIMEZONE:" + zone.getId());
        int year = edition.startsOn() != null ? edition.startsOn().getYear() : edition.year();
        IcsText.timezone(out, zone, year);
        String place = edition.venue() == null ? edition.city() : edition.venue() + ", " + edition.city();
        for (SessionSummary s : sessions) {
            IcsText.line(out, "BEGIN:VEVENT");
            IcsText.line(out, "UID:" + uid(s.id()));
            IcsText.line(out, "DTSTAMP:" + IcsText.utc(now));
            IcsText.line(out, "LAST-MODIFIED:" + IcsText.utc(s.updatedAt()));
            IcsText.line(out, "SEQUENCE:" + s.sequence());
            IcsText.line(out, "DTSTART;TZID=" + zone.getId() + ":" + IcsText.local(s.startsAt(), zone));
            IcsText.line(out, "DTEND;TZID=" + zone.getId() + ":" + IcsText.local(s.endsAt(), zone));
            IcsText.line(out, "SUMMARY:" + IcsText.escape(s.title()));
            IcsText.line(out, "LOCATION:" + IcsText.escape(s.room() == null ? place : s.room() + ", " + place));
            var description = new StringBuilder();
            if (s.speakers() != null) {
                description.append(s.speakers()).append('\n');
            }
            if (s.description() != null) {
                description.append(s.description()).append('\n');
            }
            description.append(url);
            IcsText.line(out, "DESCRIPTION:" + IcsText.escape(description.toString()));
            IcsText.line(out, "CATEGORIES:" + s.kind().name());
            IcsText.line(out, "URL:" + url);
            IcsText.line(out, "STATUS:" + (s.cancelled() ? "CANCELLED" : "CONFIRMED"));
            IcsText.line(out, "TRANSP:" + (s.kind() == SessionKind.BREAK ? "TRANSPARENT" : "OPAQUE"));
            IcsText.line(out, "END:VEVENT");
        }
        IcsText.line(out, "END:VCALENDAR");
        return out.toString();
    }
}
