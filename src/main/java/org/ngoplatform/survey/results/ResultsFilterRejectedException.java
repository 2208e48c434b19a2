package org.ngoplatform.survey.results;

import org.ngoplatform.survey.SurveyRejectedException;

/** A results filter or export that names a question or option the survey does not have. */
public class ResultsFilterRejectedException extends SurveyRejectedException {

    public ResultsFilterRejectedException(String field, String messageKey) {
        super(field, messageKey);
    }
}
