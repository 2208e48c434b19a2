package org.ngoplatform.registration;

import java.util.Locale;

/** Organiser grid filter: a status (null: every status) and free text on name, email or organisation. */
public record RegistrationFilter(RegistrationStatus status, String text) {

    public static final RegistrationFilter ALL = new RegistrationFilter(null, null);

    /** Longest searched column (the email); a longer text cannot match anything. */
    static final int TEXT_MAX = 254;

    boolean matchesNothing() {
        return text != null && text.strip().length() > TEXT_MAX;
    }

    String like() {
        return text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(Locale.ROOT) + "%";
    }
}
