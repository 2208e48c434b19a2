package org.ngoplatform.registration;

/** A registration request broke a rule; {@code field} names the form field, {@code messageKey} the text. */
public class RegistrationRejectedException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public RegistrationRejectedException(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() { return field; }
    public String messageKey() { return messageKey; }
}
