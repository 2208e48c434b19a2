package org.ngoplatform.registration;

import org.ngoplatform.base.RejectedException;

/** A registration request broke a rule; {@code field} names the form field, {@code messageKey} the text. */
public class RegistrationRejectedException extends RejectedException {

    public RegistrationRejectedException(String field, String messageKey) {
        super(field, messageKey);
    }
}
