package org.ngoplatform.privacy;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One published version of the privacy notice. {@code body} is the English text, which every version has;
 * {@code translations} holds the optional texts in other languages, keyed by language code ("de", "ru").
 */
public record PrivacyNotice(long id, String versionLabel, String body, Instant publishedAt,
                            Map<String, String> translations) {

    /** Languages a notice can be published in; English is required, the others optional. */
    public static final Set<String> LANGUAGES = Set.of("en", "de", "ru");

    public PrivacyNotice {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /** Whether this version has its own text in the locale's language (English always). */
    public boolean hasText(Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        return "en".equals(language) || translations.containsKey(language);
    }

    /** The text in the locale's language, or the English text when there is none. */
    public String text(Locale locale) {
        return locale == null ? body : translations.getOrDefault(locale.getLanguage(), body);
    }
}
