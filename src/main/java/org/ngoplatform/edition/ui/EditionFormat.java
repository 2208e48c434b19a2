package org.ngoplatform.edition.ui;

import org.ngoplatform.base.Countries;
import org.ngoplatform.edition.EditionSummary;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

final class EditionFormat {

    private EditionFormat() {
    }

    static String place(EditionSummary e, Locale locale) {
        return e.city() + ", " + Countries.name(e.countryCode(), locale);
    }

    static String when(EditionSummary e, Locale locale) {
        if (e.startsOn() == null) {
            return String.valueOf(e.year());
        }
        var fmt = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        if (e.endsOn() == null || e.endsOn().equals(e.startsOn())) {
            return fmt.format(e.startsOn());
        }
        return fmt.format(e.startsOn()) + " – " + fmt.format(e.endsOn());
    }
}
