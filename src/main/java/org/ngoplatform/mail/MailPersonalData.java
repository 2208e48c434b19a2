package org.ngoplatform.mail;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * The outbox's mails to one address, for the privacy feature's "my data" download (subject and dates, never the
 * text) and erasure (every mail to the address deleted, also any queued during the erasure itself). An API that
 * privacy calls inside its own transaction, rather than an implementation of privacy's holder interface: privacy
 * sends mail (retention warnings), so mail must not depend on privacy.
 */
@Component
public class MailPersonalData {

    private final OutboxMailRepository mails;

    MailPersonalData(OutboxMailRepository mails) {
        this.mails = mails;
    }

    /** A mail to the person as "my data" shows it. */
    public record MailToPerson(String subject, Instant createdAt, Instant sentAt) {
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public List<MailToPerson> mailsTo(String recipient) {
        return mails.findByRecipientOrderByIdAsc(recipient).stream()
                .map(m -> new MailToPerson(m.getSubject(), m.getCreatedAt(), m.getSentAt()))
                .toList();
    }

    /** Deletes every mail to the address, whatever its delivery state. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.MANDATORY)
    public int eraseAllTo(String recipient) {
        return mails.deleteAllTo(recipient);
    }
}
