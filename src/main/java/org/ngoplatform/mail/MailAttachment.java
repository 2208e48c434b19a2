package org.ngoplatform.mail;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A text file a mail carries (a calendar): its file name, its media type without parameters
 * ({@code text/calendar}) and its text, sent as UTF-8. At most {@link #MAX_CHARS} characters, so a mail stays a
 * mail; never on a confidential mail ({@link MailRequested}).
 */
public record MailAttachment(String fileName, String mediaType, String content) {

    /**
     * The most characters an attachment may have (the MEDIUMTEXT column holds more). A programme's {@code .ics}
     * takes about 0.4 KB per session and 0.6 KB for its frame (measured: 1 412 characters for two sessions), so
     * this holds several hundred sessions; the edition event alone is about 850.
     */
    public static final int MAX_CHARS = 200_000;
    static final int FILE_NAME_MAX = 200;
    static final int MEDIA_TYPE_MAX = 100;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-z0-9.+-]+");

    public MailAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        if (fileName.isBlank() || fileName.length() > FILE_NAME_MAX || fileName.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == '/')) {
            throw new IllegalArgumentException("Attachment file name not allowed: " + fileName);
        }
        if (!MEDIA_TYPE.matcher(mediaType).matches() || mediaType.length() > MEDIA_TYPE_MAX) {
            throw new IllegalArgumentException("Attachment media type not allowed: " + mediaType);
        }
        if (!fits(content)) {
            throw new IllegalArgumentException("Attachment " + fileName + " has " + content.length()
                    + " characters, more than " + MAX_CHARS);
        }
    }

    /** Whether a text is short enough to be attached. */
    public static boolean fits(String content) {
        return content != null && content.length() <= MAX_CHARS;
    }

    /** An {@code .ics} calendar. */
    public static MailAttachment calendar(String fileName, String content) {
        return new MailAttachment(fileName, "text/calendar", content);
    }

    @Override
    public String toString() {
        return "MailAttachment[" + fileName + ", " + mediaType + ", " + content.length() + " chars]";
    }
}
