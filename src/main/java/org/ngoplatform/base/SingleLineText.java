package org.ngoplatform.base;

/**
 * The one rule for single-line text people type about themselves or their organisation (names, organisation
 * names): no control characters (C0 and C1, so no NUL, tab or line break) and no invisible text-direction
 * controls (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, marks U+200E, U+200F, U+061C),
 * which would let "Mallory \u202Egnp.exe" show as "Mallory exe.png". Right-to-left scripts themselves are fine.
 */
public final class SingleLineText {

    /** Translation key (messages and ValidationMessages) of the refusal shown next to the field. */
    public static final String MESSAGE_KEY = "validation.control-characters";

    private SingleLineText() {
    }

    /** Whether {@code text} holds a character this rule refuses; null holds none. */
    public static boolean hasForbiddenCharacters(String text) {
        return text != null && text.chars().anyMatch(SingleLineText::forbidden);
    }

    static boolean forbidden(int c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    /**
     * User text placed inside a longer translated sentence, wrapped in a first-strong isolate (U+2068 … U+2069) so
     * that its direction never reorders the sentence around it. Elements showing user text on their own get the
     * same from the stylesheet ({@code unicode-bidi: isolate} on grid cells and {@code .user-text}).
     */
    public static String isolate(String userText) {
        return userText == null ? null : "\u2068" + userText + "\u2069";
    }
}
