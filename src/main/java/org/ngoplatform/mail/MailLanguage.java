package org.ngoplatform.mail;

import org.ngoplatform.base.i18n.MessagesI18NProvider;

import java.util.Locale;

/** The language a mail is written in: the recipient's, when the platform speaks it, otherwise English. */
public final class MailLanguage {

    private MailLanguage() {
    }

    /** {@code language} (e.g. an account's preferred language, {@code "de"}) if supported, else English. */
    public static Locale of(String language) {
        if (language == null || language.isBlank()) {
            return Locale.ENGLISH;
        }
        return supported(Locale.forLanguageTag(language.strip()));
    }

    /** The supported language of {@code locale} (without country), else English. */
    public static Locale supported(Locale locale) {
        if (locale == null) {
            return Locale.ENGLISH;
        }
        return MessagesI18NProvider.LOCALES.stream().filter(l -> l.getLanguage().equals(locale.getLanguage()))
                .findFirst().orElse(Locale.ENGLISH);
    }
}
