package org.ngoplatform.registration;

import org.ngoplatform.base.IcsText;
import org.ngoplatform.edition.EditionSummary;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A hand-written RFC 5545 calendar with one event (lines, escaping and VTIMEZONE from {@link IcsText}, shared with
 * the programme's calendar): times given with the edition's TZID. The UID is stable per registration, so re-importing updates the same event.
 * <p>
 * Kept by hand for a measured reason (docs/performance.md, "Libraries instead of hand-written code"): with ical4j
 * on the runtime classpath the JDK loads its {@code ZoneRulesProvider} at the first {@code ZoneId} of the whole
 * app (544 more classes, about 1.5 s more at start-up on this machine kind) and {@code ZoneId.getAvailableZoneIds()}
 * gains 339 random {@code ical4j~<uuid>} ids on every start; its folding counts UTF-16 characters, not octets; and
 * one calendar took 5–7 ms instead of 0.9 ms. ical4j stays a test dependency: {@code IcsCalendarTest} parses every
 * file back through it and runs its RFC 5545 validation.
 */
final class IcsCalendar {

    static final LocalTime DAY_START = LocalTime.of(9, 0);
    static final LocalTime DAY_END = LocalTime.of(18, 0);
    private static final DateTimeFormatter LOCAL = IcsText.LOCAL;
    private static final DateTimeFormatter UTC = IcsText.UTC;

    private IcsCalendar() {
    }

    static String uid(long registrationId) {
        return "registration-" + registrationId + "@ngo-platform";
    }

    static String event(long registrationId, EditionSummary edition, String summary, String url, Instant now) {
        return event(uid(registrationId), edition, summary, url, now);
    }

    /** {@link #event(long, EditionSummary, String, String, Instant)} with the UID given. */
    static String event(String uid, EditionSummary edition, String summary, String url, Instant now) {
        ZoneId zone = ZoneId.of(edition.timeZone());
        LocalDateTime start = edition.startsOn().atTime(DAY_START);
        LocalDateTime end = (edition.endsOn() == null ? edition.startsOn() : edition.endsOn()).atTime(DAY_END);
        var out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//NGO Platform//Registration//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        IcsText.timezone(out, zone, start.getYear());
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + uid);
        line(out, "DTSTAMP:" + UTC.format(now));
        line(out, "DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(start));
        line(out, "DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(end));
        line(out, "SUMMARY:" + escape(summary));
        String location = edition.venue() == null ? edition.city() : edition.venue() + ", " + edition.city();
        line(out, "LOCATION:" + escape(location));
        if (edition.description() != null) {
            line(out, "DESCRIPTION:" + escape(edition.description() + "\n" + url));
        } else {
            line(out, "DESCRIPTION:" + escape(url));
        }
        line(out, "URL:" + url);
        line(out, "STATUS:CONFIRMED");
        line(out, "TRANSP:OPAQUE");
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** RFC 5545 3.3.11 (one rule for every .ics: {@link IcsText#escape}). */
    static String escape(String text) {
        return IcsText.escape(text);
    }

    /** One folded content line ({@link IcsText#line}). */
    static void line(StringBuilder out, String content) {
        IcsText.line(out, content);
    }
}
