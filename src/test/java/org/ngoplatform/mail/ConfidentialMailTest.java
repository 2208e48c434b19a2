package org.ngoplatform.mail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.TestMail;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.PasswordResetService;
import org.ngoplatform.account.Role;
import org.ngoplatform.account.SignUpRequest;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confidential mails (password-reset links, "you already have an account") reach their owner but never an
 * organiser's screen or the log, and lose their text once delivered; finished mails are purged after a while.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ConfidentialMailTest {

    private static final Pattern LINK = Pattern.compile("/reset-password/([A-Za-z0-9_-]{20,})");

    @Autowired MailOutbox outbox;
    @Autowired OutboxMailRepository repository;
    @Autowired PasswordResetService resets;
    @Autowired AccountService accountService;
    @Autowired AccountFixtures accounts;
    @Autowired EditionFixtures editions;
    @Autowired RegistrationService registrations;
    @Autowired Translator translator;
    @Autowired PlatformTransactionManager txManager;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void a_reset_mail_brings_its_owner_a_working_link_but_organisers_never_read_it_and_its_text_is_erased_once_sent() {
        AccountPrincipal person = accounts.create(Role.PARTICIPANT);
        String email = person.getUsername();
        AccountFixtures.signOut();
        resets.requestReset(email, "192.0.2." + (1 + (int) (Math.random() * 250)));
        long id = jdbc.queryForObject("select id from mail_outbox where recipient = ?", Long.class, email);
        assertThat(jdbc.queryForObject("select confidential from mail_outbox where id = ?", Boolean.class, id)).isTrue();

        accounts.signIn(Role.ORGANISER);
        OutboxMailSummary listed = summary(id);
        assertThat(listed.confidential()).isTrue();
        assertThat(listed.body()).isNull();
        assertThat(listed.subject()).isEqualTo("NGO Platform: choose a new password");
        AccountFixtures.signOut();

        OutboxTestSupport.deliverDueTo(outbox, jdbc, email);

        // the owner still gets the link, and it works
        String delivered = TestMail.bodiesTo(email, 1).getLast();
        Matcher link = LINK.matcher(delivered);
        assertThat(link.find()).as("a reset link in %s", delivered).isTrue();
        String secret = link.group(1);
        assertThat(resets.isUsable(secret)).isTrue();
        // ... but the outbox keeps only who, what subject and how it went
        Map<String, Object> row = jdbc.queryForMap(
                "select recipient, subject, body, delivery, sent_at, last_attempt_at from mail_outbox where id = ?", id);
        assertThat(row.get("recipient")).isEqualTo(email);
        assertThat(row.get("subject")).isEqualTo("NGO Platform: choose a new password");
        assertThat(row.get("delivery")).isEqualTo("SENT");
        assertThat(row.get("sent_at")).isNotNull().isEqualTo(row.get("last_attempt_at"));
        assertThat(row.get("body")).isEqualTo("");
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where body like ?", Integer.class, "%" + secret + "%"))
                .isZero();

        accounts.signIn(Role.ORGANISER);
        OutboxMailSummary after = summary(id);
        assertThat(after.delivery()).isEqualTo(OutboxMail.Delivery.SENT);
        assertThat(after.confidential()).isTrue();
        assertThat(after.body()).isNull();
    }

    @Test
    void a_confidential_mail_waiting_for_delivery_keeps_its_text_for_the_sender_but_page_never_returns_it() {
        String secret = "S3cret" + UUID.randomUUID().toString().replace("-", "");
        String confidentialTo = unique("held-confidential");
        String ordinaryTo = unique("held-ordinary");
        String ordinaryText = "Ordinary text " + UUID.randomUUID();
        try {
            queueHeldBack(new Written(confidentialTo, "Choose a new password", "Link: /reset-password/" + secret, true),
                    new Written(ordinaryTo, "Your seat", ordinaryText, false));
            assertThat(jdbc.queryForObject("select body from mail_outbox where recipient = ?", String.class, confidentialTo))
                    .as("kept until delivered").contains(secret);

            accounts.signIn(Role.ORGANISER);
            OutboxMailSummary hidden = summary(idOf(confidentialTo));
            assertThat(hidden.confidential()).isTrue();
            assertThat(hidden.body()).isNull();
            assertThat(hidden.toString()).doesNotContain(secret);
            assertThat(hidden.delivery()).isEqualTo(OutboxMail.Delivery.QUEUED);
            OutboxMailSummary shown = summary(idOf(ordinaryTo));
            assertThat(shown.confidential()).isFalse();
            assertThat(shown.body()).isEqualTo(ordinaryText);
        } finally {
            jdbc.update("delete from mail_outbox where recipient in (?, ?)", confidentialTo, ordinaryTo);
        }
    }

    @Test
    void the_sign_up_notice_to_an_existing_account_is_confidential_the_welcome_mail_is_not() {
        String email = unique("signup");
        assertThat(accountService.signUp(signUp(email, "First"))).isPresent();
        assertThat(accountService.signUp(signUp(email, "Second"))).isEmpty();

        assertThat(jdbc.queryForList("select subject, confidential from mail_outbox where recipient = ? order by id", email))
                .extracting(r -> r.get("subject") + " " + r.get("confidential"))
                .containsExactly("NGO Platform: your account is ready false",
                        "NGO Platform: someone tried to create an account with your email true");
    }

    @Test
    void registration_mails_stay_readable_for_organisers_after_delivery() {
        EditionSummary edition = editions.open(5);
        AccountPrincipal p = accounts.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
        AccountFixtures.signOut();
        OutboxTestSupport.deliverDueTo(outbox, jdbc, p.getUsername());
        assertThat(TestMail.bodiesTo(p.getUsername(), 1)).hasSize(1);

        long id = idOf(p.getUsername());
        Map<String, Object> row = jdbc.queryForMap("select body, delivery, confidential from mail_outbox where id = ?", id);
        assertThat(row.get("delivery")).isEqualTo("SENT");
        assertThat(row.get("confidential")).isEqualTo(false);
        assertThat((String) row.get("body")).contains("/editions/" + edition.id());
        accounts.signIn(Role.ORGANISER);
        assertThat(summary(id).body()).isEqualTo(row.get("body"));
    }

    @Test
    void without_smtp_only_recipient_and_subject_are_logged_and_a_confidential_text_only_when_a_developer_asks(
            CapturedOutput output) {
        // a day ahead: these instances see the test's mails as due, the application's own sender does not
        Clock ahead = Clock.fixed(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC);
        MailOutbox quiet = withoutSmtp(ahead, false);
        MailOutbox verbose = withoutSmtp(ahead, true);
        String hiddenSecret = "Hidden" + UUID.randomUUID().toString().replace("-", "");
        String shownSecret = "Shown" + UUID.randomUUID().toString().replace("-", "");
        String ordinaryText = "Ordinary " + UUID.randomUUID();
        String hiddenTo = unique("log-hidden");
        String shownTo = unique("log-shown");
        String ordinaryTo = unique("log-ordinary");
        String hiddenSubject = "Reset " + UUID.randomUUID();
        TransactionTemplate tx = new TransactionTemplate(txManager);
        tx.executeWithoutResult(s -> {
            quiet.queue(hiddenTo, hiddenSubject, "Link: /reset-password/" + hiddenSecret, true);
            quiet.queue(shownTo, "Reset for a developer", "Link: /reset-password/" + shownSecret, true);
            quiet.queue(ordinaryTo, "Ordinary subject", ordinaryText, false);
        });

        assertThat(quiet.send(idOf(hiddenTo))).isTrue();
        assertThat(output.getOut()).contains(hiddenTo).contains(hiddenSubject).doesNotContain(hiddenSecret);
        assertThat(quiet.send(idOf(ordinaryTo))).isTrue();
        assertThat(output.getOut()).contains(ordinaryTo).doesNotContain(ordinaryText); // bodies only at DEBUG
        assertThat(verbose.send(idOf(shownTo))).isTrue();
        assertThat(output.getOut()).contains(shownTo).contains("/reset-password/" + shownSecret);

        Map<String, String> bodies = Map.of(
                hiddenTo, jdbc.queryForObject("select body from mail_outbox where recipient = ? and delivery = 'LOGGED'", String.class, hiddenTo),
                shownTo, jdbc.queryForObject("select body from mail_outbox where recipient = ? and delivery = 'LOGGED'", String.class, shownTo),
                ordinaryTo, jdbc.queryForObject("select body from mail_outbox where recipient = ? and delivery = 'LOGGED'", String.class, ordinaryTo));
        assertThat(bodies).containsEntry(hiddenTo, "").containsEntry(shownTo, "").containsEntry(ordinaryTo, ordinaryText);
    }

    @Test
    void at_debug_level_ordinary_texts_are_logged_and_confidential_ones_still_are_not(CapturedOutput output) {
        Clock ahead = Clock.fixed(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC);
        MailOutbox quiet = withoutSmtp(ahead, false);
        String secret = "Debug" + UUID.randomUUID().toString().replace("-", "");
        String ordinaryText = "Ordinary at debug " + UUID.randomUUID();
        String confidentialTo = unique("debug-hidden");
        String ordinaryTo = unique("debug-ordinary");
        new TransactionTemplate(txManager).executeWithoutResult(s -> {
            quiet.queue(confidentialTo, "Reset", "Link: /reset-password/" + secret, true);
            quiet.queue(ordinaryTo, "Ordinary", ordinaryText, false);
        });
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel(MailOutbox.class.getName(), LogLevel.DEBUG);
        try {
            assertThat(quiet.send(idOf(confidentialTo))).isTrue();
            assertThat(quiet.send(idOf(ordinaryTo))).isTrue();
        } finally {
            logging.setLogLevel(MailOutbox.class.getName(), null);
        }
        assertThat(output.getOut()).contains(ordinaryText).contains(confidentialTo).doesNotContain(secret);
    }

    @Test
    void the_purge_deletes_only_delivered_and_failed_mails_whose_last_attempt_is_older_than_the_period() {
        // Times before now only, so the purge removes nothing that the real policy would keep.
        Instant base = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MILLIS);
        MutableClock clock = new MutableClock(base);
        MailOutbox purger = withoutSmtp(clock, false);
        String to = unique("purge");

        OutboxMail loggedLongAgo = new OutboxMail(to, "logged long ago", "text", false, base.minus(Duration.ofDays(40)));
        loggedLongAgo.delivered(base.minus(Duration.ofDays(31)), true);
        OutboxMail sentLately = new OutboxMail(to, "sent lately", "text", true, base.minus(Duration.ofDays(35)));
        sentLately.delivered(base.minus(Duration.ofDays(29)), false);
        OutboxMail failedLongAgo = failed(to, "failed long ago", base.minus(Duration.ofDays(31)));
        OutboxMail failedLately = failed(to, "failed lately", base.minus(Duration.ofDays(29)));
        OutboxMail stillQueued = new OutboxMail(to, "still queued", "text", false, base.minus(Duration.ofDays(40)));
        stillQueued.failed(base.minus(Duration.ofDays(40)), "server down");
        TransactionTemplate tx = new TransactionTemplate(txManager);
        tx.executeWithoutResult(s -> {
            repository.saveAll(List.of(loggedLongAgo, sentLately, failedLongAgo, failedLately, stillQueued));
            repository.flush();
            // held back from the application's own sender, which would deliver it now
            jdbc.update("update mail_outbox set next_attempt_at = ? where id = ?",
                    Timestamp.from(Instant.now().plus(Duration.ofDays(1))), stillQueued.getId());
        });
        assertThat(failedLongAgo.getDelivery()).isEqualTo(OutboxMail.Delivery.FAILED);
        assertThat(failedLongAgo.getBody()).as("a confidential mail given up keeps no text").isEmpty();
        assertThat(stillQueued.getBody()).isEqualTo("text");
        assertThat(stillQueued.getDelivery()).isEqualTo(OutboxMail.Delivery.QUEUED);
        try {
            assertThat((int) tx.execute(s -> purger.purgeDelivered())).isGreaterThanOrEqualTo(2);
            assertThat(subjectsTo(to)).containsExactlyInAnyOrder("sent lately", "failed lately", "still queued");

            clock.advance(Duration.ofDays(1).minusMinutes(1));
            tx.execute(s -> purger.purgeDelivered());
            assertThat(subjectsTo(to)).as("a minute short of 30 days").containsExactlyInAnyOrder("sent lately", "failed lately", "still queued");

            clock.advance(Duration.ofMinutes(2));
            assertThat((int) tx.execute(s -> purger.purgeDelivered())).isGreaterThanOrEqualTo(2);
            assertThat(subjectsTo(to)).containsExactly("still queued");
        } finally {
            jdbc.update("delete from mail_outbox where recipient = ?", to);
        }
    }

    // ------------------------------------------------------------------ helpers

    private MailOutbox withoutSmtp(Clock clock, boolean logConfidentialBodies) {
        ObjectProvider<JavaMailSender> none = new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
        return new MailOutbox(repository, org.springframework.jdbc.core.simple.JdbcClient.create(jdbc), event -> { }, translator, none, txManager, clock, "NGO Platform <no-reply@ngo-platform.local>",
                logConfidentialBodies, Duration.ofDays(30));
    }

    private static OutboxMail failed(String to, String subject, Instant lastAttempt) {
        OutboxMail mail = new OutboxMail(to, subject, "text", true, lastAttempt.minus(Duration.ofDays(1)));
        for (int i = 0; i < OutboxMail.MAX_ATTEMPTS; i++) {
            mail.failed(lastAttempt, "550 mailbox unavailable");
        }
        return mail;
    }

    private record Written(String recipient, String subject, String body, boolean confidential) {
    }

    /** Queues mails whose text is written, but not due before tomorrow, so only this test sees them. */
    private void queueHeldBack(Written... mails) {
        new TransactionTemplate(txManager).executeWithoutResult(s -> {
            for (Written mail : mails) {
                outbox.queue(mail.recipient(), mail.subject(), mail.body(), mail.confidential());
                jdbc.update("update mail_outbox set next_attempt_at = ? where recipient = ?",
                        Timestamp.from(Instant.now().plus(Duration.ofDays(1))), mail.recipient());
            }
        });
    }

    private OutboxMailSummary summary(long id) {
        long count = outbox.count();
        for (int offset = 0; offset < count; offset += 50) {
            for (OutboxMailSummary s : outbox.page(offset, 50)) {
                if (s.id() == id) {
                    return s;
                }
            }
        }
        throw new AssertionError("mail " + id + " not listed");
    }

    private long idOf(String recipient) {
        return jdbc.queryForObject("select id from mail_outbox where recipient = ?", Long.class, recipient);
    }

    private List<String> subjectsTo(String recipient) {
        return jdbc.queryForList("select subject from mail_outbox where recipient = ?", String.class, recipient);
    }

    private static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 12) + "@test.ngo-platform.local";
    }

    private static SignUpRequest signUp(String email, String name) {
        var r = new SignUpRequest();
        r.setEmail(email);
        r.setDisplayName(name);
        r.setOrganisationName("La Strada Poland");
        r.setCountryCode("PL");
        r.setPassword(AccountFixtures.PASSWORD);
        r.setPrivacyConsent(true);
        return r;
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;
        MutableClock(Instant start) { this.now = start; }
        void advance(Duration d) { now = now.plus(d); }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
