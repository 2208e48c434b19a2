package org.ngoplatform.registration;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Every registration of an edition, for a feature that writes to registrants (messaging's messages and reminders)
 * inside its own transaction, like {@code account.MailContacts}: the caller decides who may cause the mails (an
 * organiser, a scheduled job) and computes the audience here, on the server, never from a list a client sent.
 */
@Component
public class Registrants {

    private final RegistrationRepository registrations;

    Registrants(RegistrationRepository registrations) {
        this.registrations = registrations;
    }

    /** The edition's registrations of every status, in the order of their ids. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<RegistrantSummary> of(long editionId) {
        return registrations.registrants(editionId);
    }
}
