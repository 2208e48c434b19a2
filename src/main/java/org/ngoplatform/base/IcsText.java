package org.ngoplatform.base;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pieces of a hand-written RFC 5545 calendar that every feature's {@code .ics} shares: content lines folded at
 * 75 octets (never inside a UTF-8 sequence), TEXT values escaped, a VTIMEZONE from a zone's rules, local times for
 * {@code TZID=} and UTC stamps. Why by hand and not with ical4j: registration's {@code IcsCalendar} (measured).
 */
public final class IcsText {

    /** Local date-time of a {@code DTSTART;TZID=...:} value. */
    public static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    /** A UTC date-time ({@code DTSTAMP}, {@code LAST-MODIFIED}). */
    public static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private IcsText() {
    }

    /** {@code at} as a UTC date-time value. */
    public static String utc(Instant at) {
        return UTC.format(at);
    }

    /** {@code at} as a local date-time in {@code zone}, for a value with {@code TZID=zone}. */
    public static String local(Instant at, ZoneId zone) {
        return LOCAL.format(LocalDateTime.ofInstant(at, zone));
    }

    /**
     * VTIMEZONE from the zone's current yearly rules; a fixed offset (the one of {@code year}) when it has none.
     * Written once per zone and year and then reused (the JDK's zone rules do not change while it runs): every
     * confirmation mail carries one, and writing it took about a third of a calendar's CPU time (docs/performance.md,
     * "Registration"). At most a few zones and years are in use, so the cache stays small.
     */
    public static void timezone(StringBuilder out, ZoneId zone, int year) {
        out.append(TIMEZONES.computeIfAbsent(zone.getId() + " " + year, key -> {
            var block = new StringBuilder(512);
            writeTimezone(block, zone, year);
            return block.toString();
        }));
    }

    private static final Map<String, String> TIMEZONES = new ConcurrentHashMap<>();

    private static void writeTimezone(StringBuilder out, ZoneId zone, int year) {
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
        int hours = total / 3600;
        int minutes = (total / 60) % 60;
        return sign + (hours < 10 ? "0" : "") + hours + (minutes < 10 ? "0" : "") + minutes;
    }

    /** RFC 5545 3.3.11: backslash, semicolon, comma and newlines. */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends one content line, folded so that no physical line exceeds 75 octets (RFC 5545 3.1). */
    public static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = utf8Octets(cp);
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

    /** Octets of one code point in UTF-8; a lone surrogate is written as one replacement octet ({@code ?}). */
    static int utf8Octets(int cp) {
        if (cp < 0x80 || Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
            return 1;
        }
        return cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
