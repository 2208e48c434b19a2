package org.ngoplatform.survey;

import org.ngoplatform.base.RejectedException;

/**
 * A rule of the survey feature said no; {@code messageKey} explains it to the person, {@code field} says where. Thrown as
 * what it refuses: a design change ({@code design.SurveyDesignRejectedException}), an answer or response
 * ({@code respond.ResponseRejectedException}), a results filter ({@code results.ResultsFilterRejectedException});
 * views that show any refusal the same way catch this base class.
 */
public abstract class SurveyRejectedException extends RejectedException {

    private final Object[] params;

    protected SurveyRejectedException(String field, String messageKey, Object... params) {
        super(field, messageKey);
        this.params = params.clone();
    }

    /** What fills the message's placeholders (e.g. the codes of the questions concerned); often none. */
    public Object[] params() {
        return params.clone();
    }
}
