package org.ngoplatform.survey.respond;

/**
 * Who submitted a response to an identified survey: the signed-in respondent's account, or (no account) the email
 * address of the personal invitation the response came by ({@code survey_invitation_response}); one of them is set.
 */
public record RespondentIdentity(long responseId, Long accountId, String invitedEmail) {

    public RespondentIdentity(long responseId, long accountId) {
        this(responseId, accountId, null);
    }
}
