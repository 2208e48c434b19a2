package org.ngoplatform.survey;

import java.util.Arrays;
import java.util.List;

/**
 * Draft → open → closed → archived. A closed survey may be opened again. The one place these moves are
 * decided: the entity refuses any other move, and the editor offers exactly {@link #nextStates()}.
 */
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

    /** The states this one may move to, in declaration order (empty for archived). */
    public List<SurveyStatus> nextStates() {
        return Arrays.stream(values()).filter(this::canMoveTo).toList();
    }

    /** Settings and structure may still change: anything but archived. */
    public boolean isEditable() {
        return this != ARCHIVED;
    }

    /** Respondents can reach the survey by its link: open, or closed (they are told it is closed). */
    public boolean isPublished() {
        return this == OPEN || this == CLOSED;
    }
}
