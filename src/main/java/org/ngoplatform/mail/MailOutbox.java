package org.ngoplatform.mail;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.ngoplatform.base.OffsetPageable;
import org.ngoplatform.base.i18n.Translator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every mail the platform sends (accounts, registrations, privacy), written from a {@link MailTemplate} in the
 * recipient's language. Mails are queued in the caller's transaction (so a mail exists exactly when the change
 * does) and delivered afterwards by a scheduled sender that retries with back-off: a mail
 * failure never rolls back or loses the change. Without {@code spring.mail.host} mails are only written to
 * the log (recipient and subject; bodies at DEBUG) and listed in the organisers' outbox view.
 * <p>
 * Confidential mails (password-reset links, sign-up notices) never show their body to organisers, are logged
 * only with {@code ngo.mail.log-confidential-bodies=true} (for trying password reset locally without SMTP), and
 * lose their body in the transaction that delivers them. Delivered and failed mails are deleted
 * {@code ngo.mail.keep-delivered} (default 30 days) after their last attempt.
 * <p>
 * A mail may carry one text attachment ({@link MailAttachment}, never a confidential one): it is then sent as a
 * MIME multipart, the text first and the file after it; it stays in the row and leaves with it.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final OutboxMailRepository mails;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Translator translator;
    private final ObjectProvider<JavaMailSender> sender;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String from;
    private final boolean logConfidentialBodies;
    private final Duration keepDelivered;
    /** {@link #recordAgain}'s tries: three, 100 ms apart and more. */
    private static final RetryTemplate RECORD_AGAIN = new RetryTemplate(RetryPolicy.builder()
            .includes(PessimisticLockingFailureException.class).maxRetries(2).delay(Duration.ofMillis(100)).build());
    /** Runs of {@link #sendDue()} under way on this instance. */
    private final AtomicInteger runs = new AtomicInteger();
    /** This instance is shutting down: a run under way stops after the mail it is sending. */
    private volatile boolean stopping;

    MailOutbox(OutboxMailRepository mails, JdbcClient jdbc, ApplicationEventPublisher events, Translator translator, ObjectProvider<JavaMailSender> sender, PlatformTransactionManager txManager,
               Clock clock, @Value("${ngo.mail.from:NGO Platform <no-reply@ngo-platform.local>}") String from,
               @Value("${ngo.mail.log-confidential-bodies:false}") boolean logConfidentialBodies,
               @Value("${ngo.mail.keep-delivered:P30D}") Duration keepDelivered) {
        if (keepDelivered.isNegative() || keepDelivered.isZero()) {
            throw new IllegalArgumentException("ngo.mail.keep-delivered must be positive: " + keepDelivered);
        }
        this.mails = mails;
        this.jdbc = jdbc;
        this.events = events;
        this.translator = translator;
        this.sender = sender;
        this.tx = new TransactionTemplate(txManager);
        this.tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.from = from;
        this.logConfidentialBodies = logConfidentialBodies;
        this.keepDelivered = keepDelivered;
    }

    /**
     * Writes a mail a feature asks for from its template, in the recipient's language, and queues it in the
     * publisher's transaction (features publish {@link MailRequested}; nothing calls the outbox to queue).
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MailRequested mail) {
        MailWritten text = MailWritten.of(mail, translator);
        long id = insert(new OutboxMail(text.recipient(), text.subject(), text.body(), text.confidential(), text.attachment(), clock.instant()));
        if (mail.reference() != null) {
            events.publishEvent(new MailQueued(id, mail.reference()));
        }
    }

    /**
     * Queues a mail a feature wrote ahead ({@link MailWritten#of}) in the publisher's transaction, as it is (it carries
     * no {@link MailReference}: a feature that needs {@link MailQueued} publishes a {@link MailRequested}).
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MailWritten mail) {
        insert(new OutboxMail(mail.recipient(), mail.subject(), mail.body(), mail.confidential(), mail.attachment(), clock.instant()));
    }

    /**
     * Queues a new mail in the caller's transaction with one plain-SQL {@code INSERT}; its id. The row Hibernate's
     * persist wrote: every column of {@link OutboxMail}, instants as UTC wall-clock time
     * ({@code hibernate.jdbc.time_zone=UTC}), version 0. Why not {@code mails.save}: mails of a registration are queued
     * under the edition's row lock, and Hibernate's persist of the mail (identity insert, bean validation, property
     * extraction) was 10.6 % of a registration's CPU samples there (docs/performance.md, "Registration", issue 15 §2).
     * Subject and body are already cut by {@link OutboxMail}, an attachment is checked by {@link MailAttachment}; a
     * recipient longer than its column goes through Hibernate as before, so it fails the same bean validation.
     */
    private long insert(OutboxMail m) {
        if (m.getRecipient() == null || m.getRecipient().length() > OutboxMail.RECIPIENT_MAX) {
            return mails.save(m).getId();
        }
        LocalDateTime at = LocalDateTime.ofInstant(m.getCreatedAt(), ZoneOffset.UTC);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO mail_outbox (recipient, subject, body, confidential, attachment_name, attachment_type, "
                        + "attachment_content, created_at, attempts, next_attempt_at, last_error, sent_at, last_attempt_at, "
                        + "delivery, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, NULL, NULL, NULL, ?, 0)")
                .params(m.getRecipient(), m.getSubject(), m.getBody(), m.isConfidential(),
                        m.attachmentName(), m.attachmentType(), m.attachmentContent(),
                        at, LocalDateTime.ofInstant(m.getNextAttemptAt(), ZoneOffset.UTC), m.getDelivery().name())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** A mail whose text is already written (tests of delivery and confidentiality use it). */
    @Transactional(propagation = Propagation.MANDATORY)
    void queue(String recipient, String subject, String body, boolean confidential) {
        insert(new OutboxMail(recipient, subject, body, confidential, clock.instant()));
    }

    /**
     * The scheduled sender: skips its turn while a run is under way on this instance (a direct {@link #sendDue()} call
     * drains the same queue), and runs on one instance at a time ({@code base.ScheduledJobLocks}).
     */
    @Scheduled(initialDelayString = "${ngo.mail.send-interval:PT10S}", fixedDelayString = "${ngo.mail.send-interval:PT10S}")
    @SchedulerLock(name = "mail.sendDue", lockAtMostFor = "PT10M", lockAtLeastFor = "PT2S")
    void sendDueOnSchedule() {
        if (runs.get() > 0) {
            return;
        }
        sendDue();
    }

    /**
     * Delivers what is due, each mail in its own transaction holding that mail's row lock while it is sent. Never
     * waits for another run: runs may overlap (a test's call and the scheduler, or two instances), and what keeps a
     * mail from going out twice is the row lock taken by {@code findForUpdate} and the re-check under it (a mail
     * another run delivered meanwhile is no longer {@code QUEUED}).
     */
    public int sendDue() {
        runs.incrementAndGet();
        try {
            int delivered = 0;
            // Batches of 50 until nothing is due (a failed mail moves its next attempt into the future); capped per run.
            for (int batch = 0; batch < 20 && !stopping; batch++) {
                List<Long> due = tx.execute(s -> mails.dueIds(clock.instant(), OffsetPageable.of(0, 50)));
                if (due == null || due.isEmpty()) {
                    break;
                }
                for (Long id : due) {
                    if (stopping) {
                        break;
                    }
                    if (send(id)) delivered++;
                }
            }
            return delivered;
        } finally {
            runs.decrementAndGet();
        }
    }

    /**
     * The instance is stopping (a rolling update, a restart): a run under way ends after the mail it is sending, so
     * the stop does not wait for a whole run (up to 1,000 mails: ~50 s to the test mail server, minutes to a remote
     * relay, past the grace period after which a container is killed and its lock stays held for
     * {@code lockAtMostFor}), and the scheduler's lock is released while the database is still reachable. What is
     * left stays queued for the next run, on another instance or after the restart ({@code InstanceShutdownTest}).
     */
    @EventListener
    void on(ContextClosedEvent closing) {
        stopping = true;
    }

    /**
     * Delivers one mail if it is (still) due, in its own transaction; whether it was delivered now.
     * <p>
     * The transaction holds the mail's row lock from before the SMTP call until the attempt is written, and MariaDB may
     * choose it as a deadlock's victim when it writes: a statement that locks entries of the due index before their
     * rows (none of the app's own; a clean-up by hand or by a test, such as {@code delete ... where recipient = ? and
     * delivery = 'QUEUED'}) waits for this row while holding the index entry this update needs.
     * A victim after the SMTP server took the mail would leave it queued, to be sent again by the next run: so the
     * attempt is written once more in a new transaction ({@link #recordAgain}). A lock failure before anything was sent
     * leaves the mail queued for the next run and lets this run go on with the others.
     */
    boolean send(long id) {
        AtomicReference<Attempt> made = new AtomicReference<>();
        try {
            return Boolean.TRUE.equals(tx.execute(s -> deliver(id, made)));
        } catch (PessimisticLockingFailureException e) {
            Attempt attempt = made.get();
            if (attempt == null) {
                log.warn("Mail {} not tried now, its row is locked ({}); the next run tries it", id, e.getMessage());
                return false;
            }
            return recordAgain(id, attempt, e);
        }
    }

    /** What one attempt at a mail came to: sent, only logged (no SMTP host), or failed with this error. */
    private record Attempt(Instant at, boolean delivered, boolean logOnly, String error) {
    }

    private boolean deliver(long id, AtomicReference<Attempt> made) {
        OutboxMail mail = mails.findForUpdate(id).orElse(null);
        // Re-checked under the row lock: another sender (instance or run) may have tried it since it was listed.
        if (mail == null || mail.getDelivery() != OutboxMail.Delivery.QUEUED || mail.getNextAttemptAt().isAfter(clock.instant())) {
            return false;
        }
        Attempt attempt = attempt(mail);
        made.set(attempt);
        return record(mail, attempt);
    }

    /** Hands the mail to the SMTP server (or to the log without one); what came of it. */
    private Attempt attempt(OutboxMail mail) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            log.info("Mail (no SMTP host configured) to {}: {}", mail.getRecipient(), mail.getSubject());
            if (!mail.isConfidential()) {
                log.debug("Body of mail {}:\n{}", mail.getId(), mail.getBody());
            } else if (logConfidentialBodies) {
                log.info("Confidential body of mail {} (ngo.mail.log-confidential-bodies=true):\n{}", mail.getId(), mail.getBody());
            }
            return new Attempt(clock.instant(), true, true, null);
        }
        try {
            var attachment = mail.getAttachment();
            if (attachment.isEmpty()) {
                var message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(mail.getRecipient());
                message.setSubject(mail.getSubject());
                message.setText(mail.getBody());
                smtp.send(message);
            } else {
                smtp.send(withAttachment(smtp, mail, attachment.get()));
            }
            return new Attempt(clock.instant(), true, false, null);
        } catch (RuntimeException e) {
            log.warn("Mail {} to {} failed (attempt {}): {}", mail.getId(), mail.getRecipient(), mail.getAttempts() + 1, e.getMessage());
            return new Attempt(clock.instant(), false, false, e.getMessage());
        }
    }

    /** Writes the attempt into the locked mail (and says so to its followers after the commit); whether it was delivered. */
    private boolean record(OutboxMail mail, Attempt attempt) {
        if (attempt.delivered()) {
            mail.delivered(attempt.at(), attempt.logOnly());
        } else {
            mail.failed(attempt.at(), attempt.error());
        }
        if (mail.getDelivery() != OutboxMail.Delivery.QUEUED) {
            events.publishEvent(new MailDelivered(mail.getId(), mail.getDelivery()));
        }
        return attempt.delivered();
    }

    /**
     * Writes an attempt whose first write was rolled back ({@link #send}) again, in new transactions, up to three times
     * (the lock that beat it belongs to a statement that ends by itself). A mail no longer queued (deleted with its
     * recipient's data, or recorded meanwhile) is left as it is.
     */
    private boolean recordAgain(long id, Attempt attempt, PessimisticLockingFailureException first) {
        try {
            return RECORD_AGAIN.execute(() -> Boolean.TRUE.equals(tx.execute(s -> mails.findForUpdate(id)
                    .filter(mail -> mail.getDelivery() == OutboxMail.Delivery.QUEUED)
                    .map(mail -> record(mail, attempt))
                    .orElse(false))));
        } catch (RetryException e) {
            Throwable last = e.getLastException();
            if (last instanceof PessimisticLockingFailureException) {
                log.warn("Mail {} was handed over but its delivery could not be written ({}; first {}): it may be sent again",
                        id, last.getMessage(), first.getMessage());
                return false;
            }
            throw last instanceof RuntimeException runtime ? runtime : new IllegalStateException(last);
        }
    }

    /** A multipart mail: the text as in a plain mail, then the file as UTF-8 text of its media type. */
    private MimeMessage withAttachment(JavaMailSender smtp, OutboxMail mail, MailAttachment file) {
        try {
            MimeMessage message = smtp.createMimeMessage();
            var helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.getRecipient());
            helper.setSubject(mail.getSubject());
            helper.setText(mail.getBody(), false);
            helper.addAttachment(file.fileName(), new ByteArrayResource(file.content().getBytes(StandardCharsets.UTF_8)),
                    file.mediaType() + "; charset=UTF-8");
            return message;
        } catch (MessagingException e) {
            throw new MailPreparationException("Mail " + mail.getId() + " could not be written", e);
        }
    }

    /**
     * Deletes delivered (sent or only logged) and failed mails whose last attempt is older than
     * {@code ngo.mail.keep-delivered}; queued mails stay. Runs as a scheduled job without a signed-in person.
     */
    @Transactional
    public int purgeDelivered() {
        Instant before = clock.instant().minus(keepDelivered);
        int purged = mails.deleteFinishedBefore(before);
        if (purged > 0) {
            log.info("Purged {} delivered or failed mails last tried before {}", purged, before);
        }
        return purged;
    }

    /** The scheduled purge, on one instance at a time ({@code base.ScheduledJobLocks}); direct calls are not locked. */
    @Scheduled(initialDelayString = "${ngo.mail.purge-interval:PT1H}", fixedDelayString = "${ngo.mail.purge-interval:PT1H}")
    @SchedulerLock(name = "mail.purgeDelivered", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void purgeOnSchedule() {
        tx.executeWithoutResult(s -> purgeDelivered());
    }

    /** The newest mails first; confidential bodies are never included. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<OutboxMailSummary> page(int offset, int limit) {
        return mails.recent(OffsetPageable.of(offset, limit)).stream().map(OutboxMailSummary::of).toList();
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public long count() {
        return mails.count();
    }

    /** Mails given up on after their last retry, still in the outbox (they leave it with the delivered ones). */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public long failedCount() {
        return mails.countByDelivery(OutboxMail.Delivery.FAILED);
    }
}
