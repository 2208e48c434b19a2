package org.ngoplatform.base;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** ISO 3166 alpha-2 country codes with display names in the user's language. */
public final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    public static boolean isValid(String code) {
        return code != null && CODES.contains(code);
    }

    public static String name(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        return Locale.of("", code).getDisplayCountry(locale == null ? Locale.ENGLISH : locale);
    }

    public static List<String> codesSortedByName(Locale locale) {
        return CODES.stream().sorted(Comparator.comparing(c -> name(c, locale))).toList();
    }
}
