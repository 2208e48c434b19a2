package org.ngoplatform.base.i18n;

import java.util.Locale;

/** Text lookup for code outside the UI (mails, exports); the UI uses {@code getTranslation}. */
public interface Translator {

    String translate(String key, Locale locale, Object... params);
}
