package org.ngoplatform.base;

/**
 * A service refused a request because a rule of the feature says no. {@link #field()} names the form field
 * the problem belongs to (or a general area), {@link #messageKey()} the translation key that explains it.
 * Views show the message next to the field; nothing was written.
 */
public class RejectedException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public RejectedException(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
