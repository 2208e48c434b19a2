package org.ngoplatform.survey.invite;

import org.ngoplatform.survey.SurveyAnonymity;

/**
 * What the invitations list may say about one person. Identified surveys: invited, started, completed. Anonymous
 * surveys: invited or "link used" only, so the list never says who completed an anonymous survey (docs/security.md).
 */
public enum ShownStatus {
    INVITED, STARTED, COMPLETED, LINK_USED;

    /** The one rule from a stored state to what is shown. */
    public static ShownStatus of(InvitationState state, SurveyAnonymity anonymity) {
        if (state == InvitationState.INVITED) {
            return INVITED;
        }
        if (anonymity == SurveyAnonymity.ANONYMOUS) {
            return LINK_USED;
        }
        return state == InvitationState.USED ? COMPLETED : STARTED;
    }
}
