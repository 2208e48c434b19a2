package org.ngoplatform.registration;

import org.ngoplatform.edition.EditionSummary;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * A hand-written RFC 5545 calendar with one event: CRLF line ends, lines folded at 75 octets (never inside a
 * UTF-8 sequence), TEXT values escaped, a VTIMEZONE built from the edition's zone rules and times given with
 * its TZID. The UID is stable per registration, so re-importing updates the same event.
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
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private IcsCalendar() {
    }

    static String uid(long registrationId) {
        return "registration-" + registrationId + "@ngo-platform";
    }

    static String event(long registrationId, EditionSummary edition, String summary, String url, Instant now) {
        ZoneId zone = ZoneId.of(edition.timeZone());
        LocalDateTime start = edition.startsOn().atTime(DAY_START);
        LocalDateTime end = (edition.endsOn() == null ? edition.startsOn() : edition.endsOn()).atTime(DAY_END);
        var out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//NGO Platform//Registration//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        timezone(out, zone, start.getYear());
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + uid(registrationId));
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

    /** VTIMEZONE from the zone's current yearly rules; a fixed offset when the zone has none. */
    private static void timezone(StringBuilder out, ZoneId zone, int year) {
        ZoneRules rules = zone.getRules();
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + zone.getId());
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        if (yearly.isEmpty()) {
            ZoneOffset offset = rules.getOffset(LocalDateTime.of(year, 1, 1, 0, 0).atZone(zone).toInstant());
            line(out, "BEGIN:STANDARD");
            line(out, "DTSTART:19700101T000000");
            line(out, "TZOFFSETFROM:" + offset(offset));
            line(out, "TZOFFSETTO:" + offset(offset));
            line(out, "END:STANDARD");
        } else {
            for (ZoneOffsetTransitionRule rule : yearly) {
                boolean daylight = rule.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds();
                var transition = rule.createTransition(1970);
                line(out, daylight ? "BEGIN:DAYLIGHT" : "BEGIN:STANDARD");
                line(out, "DTSTART:" + LOCAL.format(transition.getDateTimeBefore()));
                line(out, "TZOFFSETFROM:" + offset(rule.getOffsetBefore()));
                line(out, "TZOFFSETTO:" + offset(rule.getOffsetAfter()));
                line(out, "RRULE:FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue() + ";" + byDay(rule));
                line(out, daylight ? "END:DAYLIGHT" : "END:STANDARD");
            }
        }
        line(out, "END:VTIMEZONE");
    }

    private static String byDay(ZoneOffsetTransitionRule rule) {
        DayOfWeek dow = rule.getDayOfWeek();
        int indicator = rule.getDayOfMonthIndicator();
        if (dow == null) {
            return "BYMONTHDAY=" + indicator;
        }
        String day = dow.name().substring(0, 2);
        if (indicator < 0) {
            return "BYDAY=-1" + day; // last weekday of the month (on or before the last day)
        }
        int monthLength = rule.getMonth().length(false);
        if (indicator + 6 >= monthLength && indicator > 21) {
            return "BYDAY=-1" + day;
        }
        return "BYDAY=" + ((indicator - 1) / 7 + 1) + day;
    }

    private static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        char sign = total < 0 ? '-' : '+';
        total = Math.abs(total);
        return String.format("%c%02d%02d", sign, total / 3600, (total / 60) % 60);
    }

    /** RFC 5545 3.3.11: backslash, semicolon, comma and newlines. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends one content line, folded so that no physical line exceeds 75 octets (RFC 5545 3.1). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
