package org.ngoplatform.messaging;

/** What an invitation list did: new invitations sent, addresses already invited (skipped), repeated lines merged. */
public record InvitationResult(int invited, int alreadyInvited, int duplicates) {
}
