package org.ngoplatform.messaging;

import java.util.List;

/** An invitation list holds wrong addresses: nothing was written; {@link #mistakes()} names the first few. */
public class InvitationsRejectedException extends MessagingRejectedException {

    private final List<String> mistakes;
    private final int count;

    public InvitationsRejectedException(List<String> mistakes) {
        super("invitations", "messaging.invitations.invalid");
        this.count = mistakes.size();
        this.mistakes = List.copyOf(mistakes.subList(0, Math.min(mistakes.size(), InvitationList.SHOWN_MISTAKES)));
    }

    /** The first few wrong entries, as written (cut to 80 characters). */
    public List<String> mistakes() {
        return mistakes;
    }

    /** How many entries were wrong in all. */
    public int count() {
        return count;
    }
}
