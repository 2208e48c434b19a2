package org.ngoplatform.privacy;

/** A privacy request that breaks a rule; {@code messageKey} is a translation key for the person. */
public class PrivacyRejectedException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public PrivacyRejectedException(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() { return field; }
    public String messageKey() { return messageKey; }
}
