package org.ngoplatform.survey.respond;

import org.ngoplatform.survey.AnswerValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One submitted response as analysts read it; answers keyed by question code, covering every code of every
 * version. The id is internal (it follows submission order): it links identities of identified surveys and is
 * never exported.
 */
public record SubmittedResponse(long id, int versionNumber, String submittedWeek, Map<String, Answer> answers) {

    public SubmittedResponse {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    public enum AnswerState {
        /** The respondent answered. */
        ANSWERED,
        /** The question was shown but left empty (optional questions). */
        UNANSWERED,
        /** The question's condition was not met, so it was never shown. */
        SKIPPED_BY_CONDITION,
        /** The question did not exist in the version this response answered. */
        NOT_IN_VERSION
    }

    /** The answer to one question code, and why there is none when there is none. */
    public record Answer(AnswerState state, AnswerValue value) {
        public boolean answered() {
            return state == AnswerState.ANSWERED;
        }
    }
}
