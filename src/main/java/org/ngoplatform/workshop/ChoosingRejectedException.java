package org.ngoplatform.workshop;

/**
 * A refused step of ranked choosing: opening it (deadline), a ranking (after the deadline, a group of another slot,
 * not confirmed), a preview, move or publication (already published, rankings changed meanwhile). {@link #field()}
 * names the form field the message belongs next to ({@code closesAt}, {@code ranking}), or null for the form.
 */
public class ChoosingRejectedException extends WorkshopRejectedException {

    private final String field;

    public ChoosingRejectedException(String field, String messageKey) {
        super(messageKey, (field == null ? "" : field + ": ") + messageKey);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
