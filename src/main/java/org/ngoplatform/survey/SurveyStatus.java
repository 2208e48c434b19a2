package org.ngoplatform.survey;

/** Draft → open → closed → archived. A closed survey may be opened again. */
public enum SurveyStatus {
    DRAFT, OPEN, CLOSED, ARCHIVED;

    public boolean canMoveTo(SurveyStatus next) {
        return switch (this) {
            case DRAFT -> next == OPEN;
            case OPEN -> next == CLOSED;
            case CLOSED -> next == OPEN || next == ARCHIVED;
            case ARCHIVED -> false;
        };
    }
}
