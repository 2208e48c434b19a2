package org.ngoplatform.workshop;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The workshop slot of the programme a group meets in, as workshop pages show it: times are instants, shown in the
 * edition's {@code zone} with the zone named.
 */
public record GroupSlot(long sessionId, String title, Instant startsAt, Instant endsAt, ZoneId zone) {

    /** "Mon, 29 Mar 2027, 09:00–10:30 (Europe/Vienna)". */
    public String when(Locale locale) {
        LocalDateTime start = LocalDateTime.ofInstant(startsAt, zone);
        LocalDateTime end = LocalDateTime.ofInstant(endsAt, zone);
        var day = DateTimeFormatter.ofPattern("EEE", locale).format(start) + ", "
                + DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(start);
        var time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        String endText = end.toLocalDate().equals(start.toLocalDate()) ? time.format(end)
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(end) + ", " + time.format(end);
        return day + ", " + time.format(start) + "–" + endText + " (" + zone.getId() + ")";
    }

    /** {@link #when} followed by the session's title. */
    public String label(Locale locale) {
        return when(locale) + " · " + title;
    }
}
