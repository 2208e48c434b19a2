package org.ngoplatform.registration;

import org.ngoplatform.account.MailContact;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.MailWritten;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The write side of a new registration ({@link RegistrationService#register}), shaped for the edition's row lock:
 * what can be done before the lock is done there, what must be done under it is one statement each.
 * <ul>
 *   <li>{@link #confirmationAhead}: the confirmation mail (text and calendar) written before the lock, when the
 *       edition still has free seats; used under the lock if the registration is confirmed and the edition unchanged,
 *       else the mail is written under the lock as before ({@link SeatAllocator#notify}).</li>
 *   <li>{@link #insert}: the registration inserted in plain SQL.</li>
 * </ul>
 * Why (docs/performance.md, "Registration", JFR profiles of issue 15): under the lock Hibernate's persist of the
 * registration (identity insert, bean validation, property extraction) and the seat mail's text and calendar took
 * about a fifth of a registration's CPU time while every other registration of the edition waited.
 */
@Component
class NewRegistrations {

    private final JdbcClient jdbc;
    private final SeatAllocator seats;
    private final RegistrationCalendar calendars;
    private final Translator translator;
    private final ApplicationEventPublisher events;

    NewRegistrations(JdbcClient jdbc, SeatAllocator seats, RegistrationCalendar calendars, Translator translator,
                     ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.seats = seats;
        this.calendars = calendars;
        this.translator = translator;
        this.events = events;
    }

    /** A confirmation written before the edition's lock, for the edition as it was read then. */
    record Confirmation(EditionSummary edition, MailWritten mail) {
    }

    /**
     * The confirmation mail to {@code to} for {@code edition} (read without the lock), if the edition has free seats
     * now (a hint only: the seat is given under the lock); empty when the registration will likely wait.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Confirmation> confirmationAhead(MailContact to, EditionSummary edition, boolean hasSessions) {
        if (edition.capacity() == null || jdbc.sql("SELECT COUNT(*) FROM registration WHERE edition_id = ? AND status = 'CONFIRMED'")
                .param(edition.id()).query(Long.class).single() >= edition.capacity()) {
            return Optional.empty();
        }
        var mail = MailWritten.of(seats.seatMail(to, edition, "confirmed", null), translator)
                .withAttachment(calendars.forNewMail(edition, seats.editionUrl(edition.id()), hasSessions).orElse(null));
        return Optional.of(new Confirmation(edition, mail));
    }

    /**
     * Queues the seat mail of a registration just seated under the lock: the confirmation written ahead when it was
     * confirmed and the edition is the one it was written for (same version), else written now to {@code to} (the
     * person's mail contact, read before the lock).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void notifySeated(Registration r, MailContact to, EditionSummary locked, Optional<Confirmation> ahead, boolean hasSessions) {
        if (r.getStatus() == RegistrationStatus.CONFIRMED && ahead.isPresent()
                && ahead.get().edition().version() == locked.version()) {
            MailWritten mail = ahead.get().mail();
            events.publishEvent(mail.withAttachment(RegistrationCalendar.numbered(mail.attachment(), r.getId())));
        } else {
            seats.notify(to, r, locked, r.getStatus() == RegistrationStatus.CONFIRMED ? "confirmed" : "waitlisted", hasSessions);
        }
    }

    /**
     * Inserts a new registration (seated, described, consented) in plain SQL in the caller's transaction and gives it
     * its id; a second registration of the person for the edition fails on the unique key
     * ({@code DuplicateKeyException}, a {@code DataIntegrityViolationException}) as Hibernate's insert did. The same
     * row Hibernate wrote: every column of {@link Registration}, instants as UTC wall-clock time
     * ({@code hibernate.jdbc.time_zone=UTC}), version 0. The entity's bean validation runs before the lock
     * ({@link RegistrationService#register}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void insert(Registration r) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO registration (edition_id, account_id, organisation_id, participant_name, participant_email, "
                        + "country_code, organisation_name, job_title, arrival_on, departure_on, dietary_needs, accessibility_needs, "
                        + "visa_letter, consent_at, consent_version, list_opt_in, status, waitlist_position, created_at, updated_at, "
                        + "confirmed_at, cancelled_at, cancel_reason, version) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(r.getEditionId(), r.getAccountId(), r.getOrganisationId(), r.getParticipantName(), r.getParticipantEmail(),
                        r.getCountryCode(), r.getOrganisationName(), r.getJobTitle(), r.getArrivalOn(), r.getDepartureOn(),
                        r.getDietaryNeeds(), r.getAccessibilityNeeds(), r.isVisaLetter(), utc(r.getConsentAt()), r.getConsentVersion(),
                        r.isListOptIn(), r.getStatus().name(), r.getWaitlistPosition(), utc(r.getCreatedAt()), utc(r.getUpdatedAt()),
                        utc(r.getConfirmedAt()), utc(r.getCancelledAt()), r.getCancelReason())
                .update(keys, "id");
        r.insertedAs(keys.getKeyAs(Number.class).longValue());
    }

    private static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
