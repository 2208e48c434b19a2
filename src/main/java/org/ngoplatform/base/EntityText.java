package org.ngoplatform.base;

/** The length guards entities apply to text, whatever the form and the service already checked. */
public final class EntityText {

    private EntityText() {
    }

    /** Stripped, 1 to {@code max} characters. */
    public static String required(String value, int max, String what) {
        String s = value == null ? "" : value.strip();
        if (s.isEmpty() || s.length() > max) {
            throw new IllegalArgumentException(what + " must be 1.." + max + " characters");
        }
        return s;
    }

    /** Blank becomes null (not given); otherwise stripped and at most {@code max} characters. */
    public static String optional(String value, int max, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (s.length() > max) {
            throw new IllegalArgumentException(what + " must be at most " + max + " characters");
        }
        return s;
    }
}
