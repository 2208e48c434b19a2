package org.ngoplatform.registration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.ngoplatform.account.MailContact;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionStatus;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.MailWritten;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
    // No @Transactional here: every method runs in the caller's transaction, checked by requireTransaction().

    private final JdbcClient jdbc;
    private final EditionService editions;
    private final SeatAllocator seats;
    private final RegistrationCalendar calendars;
    private final Translator translator;
    private final ApplicationEventPublisher events;

    /**
     * Per edition, the edition as this instance's last registration found it under the lock, and whether that
     * registration had to wait: what the next confirmation is written ahead for. A hint only, like the unlocked read
     * and count it replaces (two statements a registration, docs/performance.md "Issue 15 §2, fifth step"): a
     * confirmation written ahead is used only if the edition under the lock has the version it was written for
     * ({@link #notifySeated}), so an edition changed since (here or on another instance) costs one mail written under
     * the lock, and a seat freed since in a full edition a confirmation written under the lock instead of ahead.
     */
    private final Cache<Long, LastLocked> lastLocked = Caffeine.newBuilder().maximumSize(1_000).build();

    private record LastLocked(EditionSummary edition, boolean full) {
    }

    NewRegistrations(JdbcClient jdbc, EditionService editions, SeatAllocator seats, RegistrationCalendar calendars,
                     Translator translator, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.editions = editions;
        this.seats = seats;
        this.calendars = calendars;
        this.translator = translator;
        this.events = events;
    }

    /** A confirmation written before the edition's lock, for the edition as it was read then. */
    record Confirmation(EditionSummary edition, MailWritten mail) {
    }

    /**
     * The confirmation mail to {@code to} for the edition as the last registration found it under the lock (for the
     * first of this instance, as it is now, read without the lock); empty when that registration had to wait (the
     * edition was full), when the edition has no capacity set, or is a draft.
     */
    Optional<Confirmation> confirmationAhead(MailContact to, long editionId, boolean hasSessions) {
        requireTransaction();
        LastLocked last = lastLocked.getIfPresent(editionId);
        if (last == null) {
            return editions.findForNewSeat(editionId).flatMap(e -> confirmationAhead(to, e, hasSessions));
        }
        return last.full() || last.edition().status() == EditionStatus.DRAFT ? Optional.empty()
                : confirmationAhead(to, last.edition(), hasSessions);
    }

    /**
     * The confirmation mail to {@code to} for {@code edition} (read without the lock); empty when the edition has no
     * capacity set (whether a seat is free is decided under the lock).
     */
    Optional<Confirmation> confirmationAhead(MailContact to, EditionSummary edition, boolean hasSessions) {
        requireTransaction();
        if (edition.capacity() == null) {
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
    void notifySeated(Registration r, MailContact to, EditionSummary locked, Optional<Confirmation> ahead, boolean hasSessions) {
        requireTransaction();
        // Written only when it changed (another version of the edition, or it just filled up): Caffeine's put into a
        // bounded cache (write buffer, eviction bookkeeping) was 1.6 % of the registration threads' CPU samples, under
        // the lock, although the entry stays the same between two changes of the edition (docs/performance.md,
        // "Registration", seventh step). The version tells the edition's states apart, as for the confirmation ahead.
        boolean full = r.getStatus() != RegistrationStatus.CONFIRMED;
        LastLocked last = lastLocked.getIfPresent(locked.id());
        if (last == null || last.full() != full || last.edition().version() != locked.version()) {
            lastLocked.put(locked.id(), new LastLocked(locked, full));
        }
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
    void insert(Registration r) {
        requireTransaction();
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

    /**
     * What {@code @Transactional(propagation = MANDATORY)} checked, without its proxy: these methods run inside the
     * caller's transaction (the registration's, which holds the edition's lock), never in one of their own. The
     * transaction interceptor's work for each call (a dozen a registration with other modules' methods) was about a tenth
     * of a registration's CPU samples (docs/performance.md, "Issue 15 §2, fifth step").
     */
    static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("No existing transaction found for a seat change (propagation 'mandatory')");
        }
    }

    private static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
