package org.ngoplatform.base.i18n;

import java.util.Locale;
import java.util.Optional;

/** Remembers the signed-in person's UI language; implemented by the account feature. */
public interface LanguagePreference {

    /** The current person's saved language, if signed in and chosen. */
    Optional<Locale> load();

    /** Saves the language for the current person; does nothing for anonymous visitors. */
    void save(Locale locale);
}
