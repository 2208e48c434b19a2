package org.ngoplatform.survey;

import org.ngoplatform.base.RejectedException;

/** A rule of the survey feature said no; {@code messageKey} explains it to the person, {@code field} says where. */
public class SurveyRejectedException extends RejectedException {

    public SurveyRejectedException(String field, String messageKey) {
        super(field, messageKey);
    }
}
