package org.ngoplatform.account;

/** A sign-up the rules refuse; {@link #field()} names the form field, {@link #messageKey()} the reason. */
public class SignUpRejectedException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public SignUpRejectedException(String field, String messageKey) {
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
