package org.ngoplatform.dashboard.ui;

import java.io.Serializable;

/** The view's {@code getTranslation}, handed to the small components it builds before they are attached. */
@FunctionalInterface
interface Translations extends Serializable {
    String get(String key, Object... params);
}
