package org.ngoplatform.survey.invite;

import java.util.List;

/** A list holds wrong lines: nothing was written; {@link #mistakes()} names the first few with their line numbers. */
public class AddressesRejectedException extends InvitationRejectedException {

    private final List<AddressList.Mistake> mistakes;
    private final int count;

    public AddressesRejectedException(List<AddressList.Mistake> mistakes) {
        super("addresses", "survey.invite.invalid", mistakes.size());
        this.count = mistakes.size();
        this.mistakes = List.copyOf(mistakes.subList(0, Math.min(mistakes.size(), AddressList.SHOWN_MISTAKES)));
    }

    public List<AddressList.Mistake> mistakes() {
        return mistakes;
    }

    public int count() {
        return count;
    }
}
