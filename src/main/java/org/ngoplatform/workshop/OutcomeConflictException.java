package org.ngoplatform.workshop;

/**
 * Someone else saved the entry since it was loaded. Carries both versions so the caller can show them side
 * by side: nothing typed is lost. {@code theirs} is null when the entry was deleted meanwhile.
 */
public class OutcomeConflictException extends RuntimeException {

    private final transient EntryDraft mine;
    private final transient EntryView theirs;

    public OutcomeConflictException(EntryDraft mine, EntryView theirs) {
        super("The entry was changed by someone else");
        this.mine = mine;
        this.theirs = theirs;
    }

    public EntryDraft mine() { return mine; }
    public EntryView theirs() { return theirs; }
}
