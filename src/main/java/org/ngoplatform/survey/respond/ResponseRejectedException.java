package org.ngoplatform.survey.respond;

import org.ngoplatform.survey.SurveyRejectedException;

/** Answering a survey that the survey's state refuses: closed, full, already submitted, unknown resume code. */
public class ResponseRejectedException extends SurveyRejectedException {

    public ResponseRejectedException(String field, String messageKey) {
        super(field, messageKey);
    }
}
