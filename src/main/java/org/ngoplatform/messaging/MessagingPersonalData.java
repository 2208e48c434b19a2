package org.ngoplatform.messaging;

import org.ngoplatform.privacy.AccountErasure;
import org.ngoplatform.privacy.MyDataFile;
import org.ngoplatform.privacy.PersonalDataHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;

/**
 * Messaging for the privacy feature: the messages a person received and the invitations to their address in "my
 * data"; on erasure they are unlinked from the messages (a message keeps its counts, not who they were) and their
 * invitations are deleted. The reminder claims (account id, edition, kind) stay: they only keep a reminder single.
 */
@Component
@Order(320)
class MessagingPersonalData implements PersonalDataHolder {

    /** What {@link AccountErasure} counts for this module. */
    static final String MESSAGES = "messages received, unlinked";
    static final String INVITATIONS = "invitations";

    private final MessagingStore store;

    MessagingPersonalData(MessagingStore store) {
        this.store = store;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public void exportMine(MyDataFile file) {
        file.put("messages_received", store.receivedBy(file.accountId()));
        if (file.email() != null) {
            file.put("invitations", store.invitationsTo(file.email().toLowerCase(Locale.ROOT)));
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(AccountErasure erasure) {
        erasure.count(MESSAGES, store.forgetRecipient(erasure.accountId()));
        if (erasure.email() != null) {
            erasure.count(INVITATIONS, store.eraseInvitations(erasure.email().toLowerCase(Locale.ROOT)));
        }
    }
}
