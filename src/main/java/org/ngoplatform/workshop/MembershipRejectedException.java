package org.ngoplatform.workshop;

/** A refused join, switch, leave or move between workshop groups (full, closed, plenary, seat not confirmed). */
public class MembershipRejectedException extends WorkshopRejectedException {

    public MembershipRejectedException(String messageKey) {
        super(messageKey);
    }
}
