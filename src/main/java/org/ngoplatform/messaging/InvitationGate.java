package org.ngoplatform.messaging;

import org.ngoplatform.registration.RegistrationAdmission;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;

/** Registration's question "may this person register?" for invitation-only editions: only invited addresses may. */
@Component
class InvitationGate implements RegistrationAdmission {

    private final MessagingStore store;

    InvitationGate(MessagingStore store) {
        this.store = store;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public boolean admits(long editionId, String email) {
        if (!store.settings(editionId).invitationOnly()) {
            return true;
        }
        return email != null && store.isInvited(editionId, email.strip().toLowerCase(Locale.ROOT));
    }
}
