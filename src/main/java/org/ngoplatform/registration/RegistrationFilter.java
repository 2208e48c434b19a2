package org.ngoplatform.registration;

/** Organiser grid filter: a status (null: every status) and free text on name, email or organisation. */
public record RegistrationFilter(RegistrationStatus status, String text) {

    public static final RegistrationFilter ALL = new RegistrationFilter(null, null);

    String like() {
        return text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(java.util.Locale.ROOT) + "%";
    }
}
