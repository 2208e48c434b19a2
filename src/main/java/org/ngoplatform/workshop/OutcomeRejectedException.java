package org.ngoplatform.workshop;

/** A change the rules do not allow (bad input, wrong state); {@code messageKey} is in messages-workshop. */
public class OutcomeRejectedException extends RuntimeException {

    private final String messageKey;

    public OutcomeRejectedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
