package org.ngoplatform.programme;

import org.ngoplatform.base.RejectedException;

/**
 * A programme change broke a rule of {@link ProgrammeRules}; {@code field} names the form field, {@code messageKey}
 * the text in messages-programme. A clash names the session already in that room ({@link #clashWith()}), so the
 * message can say which.
 */
public class ProgrammeRejectedException extends RejectedException {

    private final SessionSummary clashWith;

    public ProgrammeRejectedException(String field, String messageKey) {
        this(field, messageKey, null);
    }

    public ProgrammeRejectedException(String field, String messageKey, SessionSummary clashWith) {
        super(field, messageKey);
        this.clashWith = clashWith;
    }

    /** The other session in the same room at the same time, for {@code programme.room.clash}; otherwise null. */
    public SessionSummary clashWith() {
        return clashWith;
    }
}
