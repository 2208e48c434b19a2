package org.ngoplatform.survey.results;

/**
 * Who submitted a response to an identified survey, as the identity columns of the exports show it: a signed-in
 * respondent's account name and email, or for a response that came by a personal invitation link (no account) the
 * email address the invitation was sent to, without a name.
 */
record Respondent(String displayName, String email) {
}
