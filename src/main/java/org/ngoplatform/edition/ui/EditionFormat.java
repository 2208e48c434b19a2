package org.ngoplatform.edition.ui;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.ngoplatform.base.Countries;
import org.ngoplatform.edition.EditionSummary;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * An edition's place and dates as people read them. The home page shows every public edition to every visitor, and
 * working out the country's name and the localized dates anew for each card was ~5 % of an anonymous visit's CPU
 * (docs/performance.md, "Anonymous visits: the next step"): the texts are kept per place or dates and language, at
 * most {@link #KEPT} of each (a page's worth many times over; a locale the app does not offer cannot grow them).
 */
final class EditionFormat {

    static final int KEPT = 2_000;

    private record Place(String city, String countryCode, Locale locale) {
    }

    private record When(int year, LocalDate startsOn, LocalDate endsOn, Locale locale) {
    }

    private static final Cache<Place, String> PLACES = Caffeine.newBuilder().maximumSize(KEPT).executor(Runnable::run).build();
    private static final Cache<When, String> DATES = Caffeine.newBuilder().maximumSize(KEPT).executor(Runnable::run).build();

    private EditionFormat() {
    }

    static String place(EditionSummary e, Locale locale) {
        return PLACES.get(new Place(e.city(), e.countryCode(), locale),
                p -> p.city() + ", " + Countries.name(p.countryCode(), p.locale()));
    }

    static String when(EditionSummary e, Locale locale) {
        return DATES.get(new When(e.year(), e.startsOn(), e.endsOn(), locale), EditionFormat::format);
    }

    private static String format(When w) {
        if (w.startsOn() == null) {
            return String.valueOf(w.year());
        }
        var fmt = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(w.locale());
        if (w.endsOn() == null || w.endsOn().equals(w.startsOn())) {
            return fmt.format(w.startsOn());
        }
        return fmt.format(w.startsOn()) + " – " + fmt.format(w.endsOn());
    }
}
