package org.ngoplatform.survey.results;

import org.ngoplatform.survey.SurveyRejectedException;

/** Publishing results refused: the survey is not closed (or archived), or there is no such survey. */
public class PublicationRejectedException extends SurveyRejectedException {

    public PublicationRejectedException(String field, String messageKey) {
        super(field, messageKey);
    }
}
