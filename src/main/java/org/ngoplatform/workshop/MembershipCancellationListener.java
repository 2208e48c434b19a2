package org.ngoplatform.workshop;

import org.ngoplatform.registration.RegistrationCancelled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A cancelled registration gives up the person's group places in that edition, synchronously inside the
 * cancelling transaction (which holds the edition lock): the cancellation and the release commit together.
 */
@Component
class MembershipCancellationListener {

    private final MembershipService memberships;

    MembershipCancellationListener(MembershipService memberships) {
        this.memberships = memberships;
    }

    @EventListener
    void on(RegistrationCancelled cancelled) {
        memberships.release(cancelled.editionId(), cancelled.accountId());
    }
}
