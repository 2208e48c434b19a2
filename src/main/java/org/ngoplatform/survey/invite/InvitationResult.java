package org.ngoplatform.survey.invite;

/** What an invitation run did: new people invited, addresses already invited (skipped), repeats merged in the list. */
public record InvitationResult(int invited, int already, int duplicates) {
}
