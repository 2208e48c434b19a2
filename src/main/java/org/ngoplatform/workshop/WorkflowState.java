package org.ngoplatform.workshop;

/** Where a group's outcomes are: facilitators edit drafts; organisers approve and lock. */
public enum WorkflowState {
    DRAFT,
    SUBMITTED,
    APPROVED,
    LOCKED;

    public boolean editable() {
        return this == DRAFT;
    }
}
