package org.ngoplatform.survey.invite;

import org.ngoplatform.survey.SurveyRejectedException;

/** Inviting to a survey, or reminding, refused by a rule: nothing was written and no mail queued. */
public class InvitationRejectedException extends SurveyRejectedException {

    private final transient Object[] params;

    public InvitationRejectedException(String field, String messageKey, Object... params) {
        super(field, messageKey);
        this.params = params.clone();
    }

    /** Parameters of the message ({@code {0}}, …). */
    public Object[] params() {
        return params.clone();
    }
}
