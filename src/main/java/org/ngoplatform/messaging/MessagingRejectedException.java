package org.ngoplatform.messaging;

import org.ngoplatform.base.RejectedException;

/** A message, invitation list or setting broke a rule; {@code field} names the form field, {@code messageKey} the text. */
public class MessagingRejectedException extends RejectedException {

    public MessagingRejectedException(String field, String messageKey) {
        super(field, messageKey);
    }
}
