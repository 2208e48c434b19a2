package org.ngoplatform.survey.design;

import org.ngoplatform.survey.SurveyRejectedException;

/** A change to a survey's settings, status, pages or questions that the survey's rules refuse. */
public class SurveyDesignRejectedException extends SurveyRejectedException {

    public SurveyDesignRejectedException(String field, String messageKey, Object... params) {
        super(field, messageKey, params);
    }
}
