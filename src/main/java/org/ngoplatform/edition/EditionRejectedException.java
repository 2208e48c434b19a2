package org.ngoplatform.edition;

import org.ngoplatform.base.RejectedException;

/** An organiser's edition change broke a rule; {@code field} names the form field, {@code messageKey} the text. */
public class EditionRejectedException extends RejectedException {

    public EditionRejectedException(String field, String messageKey) {
        super(field, messageKey);
    }
}
