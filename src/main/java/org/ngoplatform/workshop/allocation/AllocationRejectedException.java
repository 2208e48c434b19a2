package org.ngoplatform.workshop.allocation;

import org.ngoplatform.workshop.WorkshopRejectedException;

/**
 * Refused allocation input (a ranking that is empty, names a group twice or a group of another slot; duplicate
 * participants or groups; a negative capacity) or a refused move by hand (group full, not of this slot, person
 * unknown). {@link #messageKey()} is in messages-workshop for users; {@link #getMessage()} names the ids.
 */
public class AllocationRejectedException extends WorkshopRejectedException {

    public AllocationRejectedException(String messageKey, String detail) {
        super(messageKey, detail);
    }
}
