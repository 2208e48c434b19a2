package org.ngoplatform.programme.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.ngoplatform.programme.ProgrammeCalendarFile;
import org.ngoplatform.programme.SessionSummary;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How the programme's days and times read, always in the edition's zone and naming it; used by the programme's own
 * views and by a participant's programme (workshop), so both read alike.
 */
public final class ProgrammeFormat {

    private ProgrammeFormat() {
    }

    /** "Monday, 29 March 2027". */
    public static String day(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(day);
    }

    public static String date(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

    /** "09:00–10:30"; an end on a later day carries its date ("22:00 – 29 Mar 2027, 01:00"). */
    public static String times(SessionSummary s, ZoneId zone, Locale locale) {
        var time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        LocalDateTime start = s.localStart(zone);
        LocalDateTime end = s.localEnd(zone);
        if (end.toLocalDate().equals(start.toLocalDate())) {
            return time.format(start) + "–" + time.format(end);
        }
        return time.format(start) + " – " + date(end.toLocalDate(), locale) + ", " + time.format(end);
    }

    /** Times with the zone named: "09:00–10:30 (Europe/Vienna)". */
    public static String timesWithZone(SessionSummary s, ZoneId zone, Locale locale) {
        return times(s, zone, locale) + " (" + zone.getId() + ")";
    }

    /** A link that downloads an {@code .ics}; nothing is sent when the file is no longer there. */
    public static Anchor calendarLink(Supplier<Optional<ProgrammeCalendarFile>> file, String text) {
        DownloadHandler handler = event -> {
            Optional<ProgrammeCalendarFile> found = file.get();
            if (found.isEmpty()) {
                event.getResponse().setStatus(404);
                return;
            }
            byte[] bytes = found.get().content().getBytes(StandardCharsets.UTF_8);
            event.setFileName(found.get().fileName());
            event.setContentType("text/calendar; charset=utf-8");
            event.setContentLength(bytes.length);
            event.getOutputStream().write(bytes);
        };
        return new Anchor(handler, text);
    }
}
