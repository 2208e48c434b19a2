package org.ngoplatform.edition;

/** An edition moves draft → open → closed → archived. */
public enum EditionStatus {
    DRAFT, OPEN, CLOSED, ARCHIVED;

    public boolean canMoveTo(EditionStatus next) {
        return switch (this) {
            case DRAFT -> next == OPEN || next == ARCHIVED;
            case OPEN -> next == CLOSED;
            case CLOSED -> next == OPEN || next == ARCHIVED;
            case ARCHIVED -> false;
        };
    }
}
