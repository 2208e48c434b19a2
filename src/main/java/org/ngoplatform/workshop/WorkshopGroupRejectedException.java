package org.ngoplatform.workshop;

/** A refused set-up of a workshop group (bad form, changed meanwhile, places below members, slot conflict). */
public class WorkshopGroupRejectedException extends WorkshopRejectedException {

    public WorkshopGroupRejectedException(String messageKey) {
        super(messageKey);
    }
}
