package org.ngoplatform.visaletter;

import org.ngoplatform.base.RejectedException;

/**
 * A visa letter request or template the rules refuse; {@link #field()} names the form field, the message key is in
 * messages-visaletter, {@link #param()} fills its placeholder (the unknown placeholder's name). Nothing was written.
 */
public class VisaLetterRejectedException extends RejectedException {

    private final String param;

    public VisaLetterRejectedException(String field, String messageKey) {
        this(field, messageKey, null);
    }

    public VisaLetterRejectedException(String field, String messageKey, String param) {
        super(field, messageKey);
        this.param = param;
    }

    /** What fills the message's placeholder, or null. */
    public String param() {
        return param;
    }

    /** The message's parameters: none, or the one {@link #param()}. */
    public Object[] params() {
        return param == null ? new Object[0] : new Object[] {param};
    }
}
