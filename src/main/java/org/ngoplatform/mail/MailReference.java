package org.ngoplatform.mail;

import java.util.Objects;

/**
 * A sender's name for one mail it queues (e.g. {@code messaging-recipient:42}), handed back with the outbox id in
 * {@link MailQueued} so the sender can follow the mail's delivery ({@link MailDelivered}). Not stored by the outbox.
 */
public record MailReference(String value) {

    public MailReference {
        Objects.requireNonNull(value, "value");
    }
}
