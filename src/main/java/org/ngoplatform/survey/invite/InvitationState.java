package org.ngoplatform.survey.invite;

/**
 * Where a personal link stands: sent, opened by the respondent, used for the one response it allows. For an anonymous
 * survey the moves are kept without a time (see V27), and views show OPENED and USED alike ({@link ShownStatus}).
 */
public enum InvitationState {
    INVITED, OPENED, USED
}
