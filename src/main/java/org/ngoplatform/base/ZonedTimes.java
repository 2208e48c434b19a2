package org.ngoplatform.base;

import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * A moment as people at a place read it: the local date and time there, followed by the place's time zone, e.g.
 * "Mar 29, 2027, 12:00 AM (Europe/Vienna)". Every time of an edition is shown this way, in the edition's zone, so
 * that nobody reads it as their own local time.
 */
public final class ZonedTimes {

    private ZonedTimes() {
    }

    /** Medium date, short time, then the zone. */
    public static String format(Instant at, ZoneId zone, Locale locale) {
        return format(at, zone, locale, FormatStyle.MEDIUM);
    }

    /** {@code dateStyle} date, short time, then the zone. */
    public static String format(Instant at, ZoneId zone, Locale locale, FormatStyle dateStyle) {
        return formatter(zone, locale, dateStyle).format(at);
    }

    /** A formatter of instants for a column of times: medium date, short time, then the zone. */
    public static DateTimeFormatter formatter(ZoneId zone, Locale locale) {
        return formatter(zone, locale, FormatStyle.MEDIUM);
    }

    private static DateTimeFormatter formatter(ZoneId zone, Locale locale, FormatStyle dateStyle) {
        return new DateTimeFormatterBuilder()
                .appendLocalized(dateStyle, FormatStyle.SHORT)
                .appendLiteral(" (").appendLiteral(zone.getId()).appendLiteral(")")
                .toFormatter(locale).withChronology(IsoChronology.INSTANCE).withZone(zone);
    }
}
