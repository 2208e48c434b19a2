package org.ngoplatform.workshop;

/** A refused joint action (bad form, unknown organisation, sources not approved, action gone). */
public class JointActionRejectedException extends WorkshopRejectedException {

    public JointActionRejectedException(String messageKey) {
        super(messageKey);
    }
}
