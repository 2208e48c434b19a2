package org.ngoplatform.workshop;

/** A refused change to a group's outcome entries or their review workflow (bad text, wrong state, entry gone). */
public class OutcomeRejectedException extends WorkshopRejectedException {

    public OutcomeRejectedException(String messageKey) {
        super(messageKey);
    }
}
