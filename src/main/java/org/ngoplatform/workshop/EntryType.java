package org.ngoplatform.workshop;

/** The kinds of outcome a group records. */
public enum EntryType {
    KEY_POINT,
    CHALLENGE,
    GOOD_PRACTICE,
    RECOMMENDATION,
    ACTION_POINT,
    DISSENT
}
