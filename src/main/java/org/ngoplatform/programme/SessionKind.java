package org.ngoplatform.programme;

/** What a session of the programme is; a workshop slot is where an edition's workshop groups meet. */
public enum SessionKind {
    PLENARY, WORKSHOP_SLOT, BREAK, SOCIAL, OTHER
}
