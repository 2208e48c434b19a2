package org.ngoplatform.base;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
        return DateTimeFormatter.ofLocalizedDateTime(dateStyle, FormatStyle.SHORT).withLocale(locale).withZone(zone)
                .format(at) + " (" + zone.getId() + ")";
    }
}
