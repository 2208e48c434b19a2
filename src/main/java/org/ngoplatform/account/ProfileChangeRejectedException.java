package org.ngoplatform.account;

import org.ngoplatform.base.RejectedException;

/** A change of name, organisation, country or language the rules refuse; {@link #field()} names the form field, {@link #messageKey()} the reason. */
public class ProfileChangeRejectedException extends RejectedException {

    public ProfileChangeRejectedException(String field, String messageKey) {
        super(field, messageKey);
    }
}
