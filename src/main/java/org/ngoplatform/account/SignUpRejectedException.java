package org.ngoplatform.account;

import org.ngoplatform.base.RejectedException;

/** A sign-up the rules refuse; {@link #field()} names the form field, {@link #messageKey()} the reason. */
public class SignUpRejectedException extends RejectedException {

    public SignUpRejectedException(String field, String messageKey) {
        super(field, messageKey);
    }
}
