package org.ngoplatform.workshop;

/**
 * Someone else saved the entry since it was loaded. Carries both versions so the caller can show them side
 * by side: nothing typed is lost. {@code theirs} is null when the entry was deleted meanwhile.
 */
public class OutcomeConflictException extends RuntimeException {

    private final transient EntryDraft mine;
    private final transient OutcomeEntrySummary theirs;

    public OutcomeConflictException(EntryDraft mine, OutcomeEntrySummary theirs) {
        super("The entry was changed by someone else");
        this.mine = mine;
        this.theirs = theirs;
    }

    public EntryDraft mine() { return mine; }
    public OutcomeEntrySummary theirs() { return theirs; }
}
