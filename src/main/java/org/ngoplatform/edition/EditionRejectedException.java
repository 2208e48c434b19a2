package org.ngoplatform.edition;

/** An organiser's edition change broke a rule; {@code field} names the form field, {@code messageKey} the text. */
public class EditionRejectedException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public EditionRejectedException(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() { return field; }
    public String messageKey() { return messageKey; }
}
