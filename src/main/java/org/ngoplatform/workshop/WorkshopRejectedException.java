package org.ngoplatform.workshop;

/**
 * A change to the workshop the rules do not allow (bad input, wrong state); {@code messageKey} is in
 * messages-workshop. Views that show any such refusal the same way catch this; each subclass names what it refuses.
 */
public abstract class WorkshopRejectedException extends RuntimeException {

    private final String messageKey;

    protected WorkshopRejectedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    /** With an English {@code detail} for logs and tests (ids, counts); users see the text of {@code messageKey}. */
    protected WorkshopRejectedException(String messageKey, String detail) {
        super(detail);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
