package org.ngoplatform.messaging;

import org.ngoplatform.mail.MailDelivered;
import org.ngoplatform.mail.MailQueued;
import org.ngoplatform.mail.MailReference;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps each recipient's mail state from the outbox's own events: the outbox id when the mail is queued (in the
 * sending transaction), its final state after the delivering transaction committed (in a transaction of its own, so
 * nothing here can undo a delivery). The counts of a message are read from these rows, so they outlive the outbox's
 * purge of delivered mails.
 */
@Component
class MailDeliveryFollower {

    private static final String PREFIX = "messaging-recipient:";

    private final MessagingStore store;

    MailDeliveryFollower(MessagingStore store) {
        this.store = store;
    }

    static MailReference reference(long recipientId) {
        return new MailReference(PREFIX + recipientId);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MailQueued queued) {
        String ref = queued.reference().value();
        if (ref.startsWith(PREFIX)) {
            store.mailQueued(Long.parseLong(ref.substring(PREFIX.length())), queued.mailId());
        }
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(MailDelivered delivered) {
        store.mailDelivered(delivered.mailId(), delivered.delivery().name());
    }
}
