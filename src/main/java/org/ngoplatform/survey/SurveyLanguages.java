package org.ngoplatform.survey;

import java.text.Collator;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The languages a survey may be written in: any ISO 639 language Java knows ({@link Locale#getISOLanguages()}: the
 * two-letter codes, e.g. "de", "uk", "sq"), named in the viewer's language by the JDK's own locale data. Hand-written
 * because the JDK already holds the list and the names in every UI language; no library needed.
 */
public final class SurveyLanguages {

    /** Longest code accepted (the column is VARCHAR(8); ISO 639-1 codes have two letters). */
    public static final int CODE_MAX = 8;
    private static final Set<String> KNOWN = Set.copyOf(Arrays.asList(Locale.getISOLanguages()));

    private SurveyLanguages() {
    }

    /** The code in its stored form (lower case, trimmed), or {@code null} when it names no ISO language. */
    public static String normalise(String code) {
        if (code == null || code.length() > 20) {
            return null;
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        return KNOWN.contains(c) ? c : null;
    }

    public static boolean isKnown(String code) {
        return normalise(code) != null;
    }

    /** "German" for an English viewer, "Deutsch" for a German one; the code itself when the JDK has no name. */
    public static String name(String code, Locale viewer) {
        String name = Locale.of(code).getDisplayLanguage(viewer == null ? Locale.ENGLISH : viewer);
        return name == null || name.isBlank() ? code : name.substring(0, 1).toUpperCase(viewer == null ? Locale.ENGLISH : viewer) + name.substring(1);
    }

    /** Every known code, sorted by its name in the viewer's language (for pickers). */
    public static List<String> all(Locale viewer) {
        Collator byName = Collator.getInstance(viewer == null ? Locale.ENGLISH : viewer);   // "Ägyptisch" before "Zulu"
        return KNOWN.stream().sorted(Comparator.comparing((String c) -> name(c, viewer), byName).thenComparing(c -> c)).toList();
    }

    /**
     * The language a respondent starts in: the UI language when the survey offers it, else the first browser
     * language it offers, else the survey's base language. {@code offered} holds the base language first.
     */
    public static String preset(Collection<String> offered, Locale ui, List<Locale> browser) {
        if (ui != null && offered.contains(ui.getLanguage())) {
            return ui.getLanguage();
        }
        for (Locale l : browser) {
            if (offered.contains(l.getLanguage())) {
                return l.getLanguage();
            }
        }
        return offered.iterator().next();
    }
}
