package org.ngoplatform.attendance.ui;

import org.ngoplatform.attendance.CheckInPointSummary;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How a check-in point is named on screen and on the sign-in sheet: its day, and for a session its times and title. */
final class PointLabel {

    private PointLabel() {
    }

    /** A session's times are in the edition's zone, named after them as elsewhere ("10:30–12:30 (Europe/Vienna)"). */
    static String of(CheckInPointSummary p, String zone, Locale locale) {
        String day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(p.point().day());
        if (!p.point().isSession()) {
            return day;
        }
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        return day + ", " + time.format(p.startsAt()) + "–" + time.format(p.endsAt()) + " (" + zone + ") · " + p.sessionTitle();
    }
}
