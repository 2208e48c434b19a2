package org.ngoplatform.messaging;

import org.ngoplatform.account.MailContact;
import org.ngoplatform.account.MailContacts;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionStatus;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.MailAttachment;
import org.ngoplatform.mail.MailRequested;
import org.ngoplatform.mail.MailTemplate;
import org.ngoplatform.registration.RegistrantSummary;
import org.ngoplatform.registration.Registrants;
import org.ngoplatform.registration.RegistrationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The automatic mails of an edition, run by a daily job ({@link ReminderSchedule}) without a signed-in person:
 * <ul>
 * <li>the reminder to every confirmed participant once the edition is at most its set number of days away (the
 * calendar their confirmation carried attached: the programme's {@code .ics} when it has sessions, else the edition as one event);</li>
 * <li>"are you still interested?" to everyone on the waiting list once registration has closed (for
 * {@link #WAITING_LIST_WINDOW} after closing, so an old closed edition is not asked on the first run).</li>
 * </ul>
 * Each person gets each kind at most once per edition: a claim row ({@code messaging_reminder}, unique per edition,
 * person and kind) is written in the same transaction as the mail, so a second run, a retry or another instance finds
 * it and skips. Each run's mails are kept as one message with its counts. Every mail is in the recipient's language.
 */
@Component
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    static final Duration WAITING_LIST_WINDOW = Duration.ofDays(14);

    private final MessagingStore store;
    private final EditionService editions;
    private final Registrants registrants;
    private final MailContacts contacts;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String publicUrl;

    Reminders(MessagingStore store, EditionService editions, Registrants registrants, MailContacts contacts,
              ApplicationEventPublisher events, AuditLog audit, PlatformTransactionManager txManager,
              Clock clock, @Value("${ngo.public-url:http://localhost:8080}") String publicUrl) {
        this.store = store;
        this.editions = editions;
        this.registrants = registrants;
        this.contacts = contacts;
        this.events = events;
        this.audit = audit;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Everything due now, one edition per transaction; the number of mails queued. */
    public int runDue() {
        int queued = 0;
        List<Long> ids = new ArrayList<>(store.editionsWithReminders());
        for (EditionSummary e : editions.upcoming()) {
            if (!ids.contains(e.id())) ids.add(e.id());
        }
        for (long id : ids) {
            try {
                queued += runFor(id);
            } catch (RuntimeException e) {
                log.warn("Automatic mails of edition {} failed: {}", id, e.toString());
            }
        }
        return queued;
    }

    /** What is due now for one edition, in one transaction; the number of mails queued. */
    public int runFor(long editionId) {
        Integer n = tx.execute(s -> {
            Optional<EditionSummary> found = editions.find(editionId);
            if (found.isEmpty() || found.get().status() == EditionStatus.DRAFT || found.get().status() == EditionStatus.ARCHIVED) {
                return 0;
            }
            EditionSummary edition = found.get();
            List<RegistrantSummary> all = registrants.of(editionId);
            return reminders(edition, all) + stillInterested(edition, all);
        });
        return n == null ? 0 : n;
    }

    private int reminders(EditionSummary edition, List<RegistrantSummary> all) {
        Integer days = store.settings(edition.id()).reminderDays();
        if (days == null || edition.startsOn() == null) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(edition.timeZone())));
        if (today.isBefore(edition.startsOn().minusDays(days)) || !today.isBefore(edition.startsOn())) {
            return 0;
        }
        String editionUrl = publicUrl + "/editions/" + edition.id();
        return send(edition, all, RegistrationStatus.CONFIRMED, MessageKind.REMINDER, MailTemplate.MESSAGING_REMINDER, (r, locale) ->
                new MailRequested(r.email().strip(), locale, MailTemplate.MESSAGING_REMINDER,
                        registrants.seatCalendar(edition, r.accountId(), editionUrl).orElse(null),
                        r.name(), edition.title(), dates(edition, locale), publicUrl + "/editions/" + edition.id(),
                        publicUrl + "/editions/" + edition.id() + "/programme"));
    }

    private int stillInterested(EditionSummary edition, List<RegistrantSummary> all) {
        Instant now = clock.instant();
        Instant closes = edition.registrationClosesAt();
        if (closes == null || closes.isAfter(now) || closes.isBefore(now.minus(WAITING_LIST_WINDOW))
                || (edition.endsOn() != null && edition.endsOn().isBefore(LocalDate.now(clock.withZone(ZoneId.of(edition.timeZone())))))) {
            return 0;
        }
        return send(edition, all, RegistrationStatus.WAITLISTED, MessageKind.STILL_INTERESTED, MailTemplate.MESSAGING_STILL_INTERESTED,
                (r, locale) -> new MailRequested(r.email().strip(), locale, MailTemplate.MESSAGING_STILL_INTERESTED,
                        r.name(), edition.title(), r.waitlistPosition() == null ? "" : r.waitlistPosition(),
                        publicUrl + "/my/registrations"));
    }

    private interface Writer {
        MailRequested write(RegistrantSummary r, Locale locale);
    }

    private int send(EditionSummary edition, List<RegistrantSummary> all, RegistrationStatus status, MessageKind kind,
                     MailTemplate template, Writer writer) {
        Set<Long> done = store.reminded(edition.id(), kind);
        List<RegistrantSummary> due = all.stream().filter(r -> r.status() == status && !done.contains(r.accountId())
                && r.email() != null && !r.email().isBlank()).toList();
        if (due.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<RegistrantSummary> claimed = due.stream().filter(r -> store.claimReminder(edition.id(), r.accountId(), kind, now)).toList();
        if (claimed.isEmpty()) {
            return 0;
        }
        long messageId = store.insertMessage(edition.id(), kind, "", "", AudienceText.of(status), claimed.size(), null, now);
        for (RegistrantSummary r : claimed) {
            Locale locale = contacts.of(r.accountId()).map(MailContact::locale).orElse(Locale.ENGLISH);
            long recipient = store.insertRecipient(messageId, r.accountId(), r.email().strip());
            events.publishEvent(writer.write(r, locale).withReference(MailDeliveryFollower.reference(recipient)));
        }
        audit.record(kind == MessageKind.REMINDER ? "MESSAGE_REMINDERS_SENT" : "MESSAGE_WAITING_LIST_ASKED",
                "edition:" + edition.id(), "message=" + messageId + ", recipients=" + claimed.size());
        return claimed.size();
    }

    private static String dates(EditionSummary edition, Locale locale) {
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        return f.format(edition.startsOn()) + (edition.endsOn() == null || edition.endsOn().equals(edition.startsOn())
                ? "" : " – " + f.format(edition.endsOn()));
    }
}
