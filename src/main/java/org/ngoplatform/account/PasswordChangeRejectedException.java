package org.ngoplatform.account;

import org.ngoplatform.base.RejectedException;

/** A password change the rules refuse; {@link #field()} names the form field, {@link #messageKey()} the reason. */
public class PasswordChangeRejectedException extends RejectedException {

    public PasswordChangeRejectedException(String field, String messageKey) {
        super(field, messageKey);
    }
}
