package org.ngoplatform.registration;

import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.MailAttachment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Every registration of an edition, for a feature that writes to registrants (messaging's messages and reminders)
 * inside its own transaction, like {@code account.MailContacts}: the caller decides who may cause the mails (an
 * organiser, a scheduled job) and computes the audience here, on the server, never from a list a client sent.
 */
@Component
public class Registrants {

    private final RegistrationRepository registrations;
    private final RegistrationCalendar calendars;

    Registrants(RegistrationRepository registrations, RegistrationCalendar calendars) {
        this.registrations = registrations;
        this.calendars = calendars;
    }

    /** The edition's registrations of every status, in the order of their ids. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<RegistrantSummary> of(long editionId) {
        return registrations.registrants(editionId);
    }

    /**
     * The calendar a mail about someone's seat carries, as their confirmation carried it: the programme's {@code .ics}
     * when the edition has sessions, otherwise the edition as one event under the registration's own UID (so a
     * calendar updates the event it already holds); empty without a registration, while the edition has no start
     * day, or when the file is too long to attach.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<MailAttachment> seatCalendar(EditionSummary edition, long accountId, String editionUrl) {
        return registrations.findByEditionIdAndAccountId(edition.id(), accountId)
                .flatMap(r -> calendars.forMail(r, edition, editionUrl));
    }
}
