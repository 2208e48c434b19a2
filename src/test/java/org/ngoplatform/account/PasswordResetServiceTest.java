package org.ngoplatform.account;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ngoplatform.HostileInput;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.TestMail;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.mail.OutboxTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Password reset by an emailed one-time link: hashed, expiring, single use, and silent about who has an account. */
@IntegrationTest
class PasswordResetServiceTest {

    private static final Pattern LINK = Pattern.compile("/reset-password/([A-Za-z0-9_-]{20,})");
    private static final String NEW_PASSWORD = "Vilnius 2024 network!";

    @Autowired PasswordResetService resets;
    @Autowired AccountFixtures fixtures;
    @Autowired AccountRepository accounts;
    @Autowired PasswordResetTokenRepository tokens;
    @Autowired PasswordEncoder encoder;
    @Autowired ApplicationEventPublisher events;
    @Autowired AuditLog audit;
    @Autowired LoginThrottle loginThrottle;
    @Autowired MailOutbox outbox;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager txManager;

    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-28T10:00:00Z");
        void advance(Duration d) { now = now.plus(d); }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private static String address() {
        return "10.7." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "-" + UUID.randomUUID();
    }

    /** The secret in the newest mail to {@code recipient}, as it arrives (the outbox erases it once delivered). */
    private String linkIn(String recipient) {
        OutboxTestSupport.deliverDueTo(outbox, jdbc, recipient);
        var bodies = TestMail.bodiesTo(recipient, mailsTo(recipient));
        assertThat(bodies).as("mails delivered to %s", recipient).hasSize(mailsTo(recipient));
        String body = bodies.getLast();
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as("a reset link in %s", body).isTrue();
        return m.group(1);
    }

    private int mailsTo(String recipient) {
        return jdbc.queryForObject("select count(*) from mail_outbox where recipient = ?", Integer.class, recipient);
    }

    private String hashOf(long accountId) {
        return jdbc.queryForObject("select password_hash from account where id = ?", String.class, accountId);
    }

    @Test
    void a_known_email_receives_a_link_by_mail_and_the_link_sets_a_new_password() throws Exception {
        AccountPrincipal person = fixtures.create(Role.PARTICIPANT);
        String email = person.getUsername();

        assertThat(resets.requestReset(email.toUpperCase(), address())).isEqualTo(PasswordResetService.RequestOutcome.SENT_IF_EXISTS);
        String secret = linkIn(email);

        MimeMessage mail = Arrays.stream(TestMail.server().getReceivedMessages())
                .filter(m -> recipients(m).contains(email)).reduce((a, b) -> b).orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("NGO Platform: choose a new password");
        assertThat((String) mail.getContent()).contains("/reset-password/" + secret).contains("30 minutes");
        // Only a hash of the secret is stored.
        assertThat(jdbc.queryForList("select token_hash from password_reset_token where account_id = ?", String.class, person.accountId()))
                .containsExactly(PasswordResetService.hash(secret)).doesNotContain(secret);

        assertThat(resets.isUsable(secret)).isTrue();
        resets.resetPassword(secret, NEW_PASSWORD);

        assertThat(encoder.matches(NEW_PASSWORD, hashOf(person.accountId()))).isTrue();
        assertThat(jdbc.queryForList("select action from audit_event where subject = ?", String.class, "account:" + person.accountId()))
                .contains("PASSWORD_RESET_REQUESTED", "PASSWORD_RESET");
    }

    @Test
    void a_link_works_only_once() {
        AccountPrincipal person = fixtures.create(Role.FACILITATOR);
        resets.requestReset(person.getUsername(), address());
        String secret = linkIn(person.getUsername());
        resets.resetPassword(secret, NEW_PASSWORD);
        String hashAfterFirstUse = hashOf(person.accountId());

        assertThat(resets.isUsable(secret)).isFalse();
        assertThatThrownBy(() -> resets.resetPassword(secret, "Another 2026 password!"))
                .isInstanceOfSatisfying(PasswordResetRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("reset.link-invalid"));
        assertThat(hashOf(person.accountId())).isEqualTo(hashAfterFirstUse);
    }

    @Test
    void a_new_request_leaves_the_link_already_sent_usable_and_using_one_spends_them_all() {
        AccountPrincipal person = fixtures.create(Role.PARTICIPANT);
        resets.requestReset(person.getUsername(), address());
        String older = linkIn(person.getUsername());
        resets.requestReset(person.getUsername(), address());
        String newer = linkIn(person.getUsername());

        assertThat(newer).isNotEqualTo(older);
        assertThat(resets.isUsable(older)).as("a new request must not void a link already sent").isTrue();
        assertThat(resets.isUsable(newer)).isTrue();
        resets.resetPassword(older, NEW_PASSWORD);
        assertThat(resets.isUsable(newer)).as("once the password is reset, other links stop working").isFalse();
    }

    @Test
    void a_stranger_asking_again_and_again_cannot_block_the_owner_s_reset() {
        AccountPrincipal person = fixtures.create(Role.PARTICIPANT);
        String stranger = address();
        resets.requestReset(person.getUsername(), address());
        String owners = linkIn(person.getUsername());
        for (int i = 0; i < 6; i++) {
            resets.requestReset(person.getUsername(), stranger);
        }
        assertThat(resets.isUsable(owners)).as("the owner's link still works").isTrue();
        assertThat(mailsTo(person.getUsername())).as("mails to one person are limited").isEqualTo(3);

        assertThat(resets.requestReset(person.getUsername(), address()))
                .as("the owner's own request is not refused").isEqualTo(PasswordResetService.RequestOutcome.SENT_IF_EXISTS);
        String latest = linkIn(person.getUsername());
        assertThat(resets.isUsable(latest)).isTrue();
        resets.resetPassword(owners, NEW_PASSWORD);
        assertThat(encoder.matches(NEW_PASSWORD, hashOf(person.accountId()))).isTrue();
    }

    @Test
    void a_link_expires_after_thirty_minutes() {
        MutableClock clock = new MutableClock();
        PasswordResetService timed = new PasswordResetService(accounts, tokens, encoder, events, audit,
                loginThrottle, clock, new StaticListableBeanFactory().getBeanProvider(SharedThrottleStore.class),
                Duration.ofMinutes(30), 3, 10, Duration.ofHours(1), "http://localhost:8080");
        TransactionTemplate tx = new TransactionTemplate(txManager);
        AccountPrincipal person = fixtures.create(Role.PARTICIPANT);
        String before = hashOf(person.accountId());

        tx.executeWithoutResult(s -> timed.requestReset(person.getUsername(), address()));
        String secret = linkIn(person.getUsername());
        clock.advance(Duration.ofMinutes(29));
        assertThat((boolean) tx.execute(s -> timed.isUsable(secret))).isTrue();
        clock.advance(Duration.ofMinutes(1));

        assertThat((boolean) tx.execute(s -> timed.isUsable(secret))).isFalse();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> timed.resetPassword(secret, NEW_PASSWORD)))
                .isInstanceOfSatisfying(PasswordResetRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("reset.link-invalid"));
        assertThat(hashOf(person.accountId())).isEqualTo(before);
    }

    @Test
    void an_unknown_email_gets_the_same_answer_and_no_mail_or_token() {
        String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
        AccountPrincipal known = fixtures.create(Role.PARTICIPANT);
        int tokensBefore = jdbc.queryForObject("select count(*) from password_reset_token", Integer.class);

        var forUnknown = resets.requestReset(unknown, address());
        var forKnown = resets.requestReset(known.getUsername(), address());

        assertThat(forUnknown).isEqualTo(forKnown).isEqualTo(PasswordResetService.RequestOutcome.SENT_IF_EXISTS);
        assertThat(mailsTo(unknown)).isZero();
        assertThat(mailsTo(known.getUsername())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from password_reset_token", Integer.class)).isEqualTo(tokensBefore + 1);
    }

    @Test
    void a_weak_new_password_is_refused_and_the_link_stays_usable() {
        AccountPrincipal person = fixtures.create(Role.PARTICIPANT);
        resets.requestReset(person.getUsername(), address());
        String secret = linkIn(person.getUsername());

        assertThatThrownBy(() -> resets.resetPassword(secret, "short1"))
                .isInstanceOfSatisfying(PasswordResetRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("password.too-short"));
        assertThat(resets.isUsable(secret)).isTrue();
        assertThatThrownBy(() -> resets.resetPassword("made-up-" + UUID.randomUUID(), NEW_PASSWORD))
                .isInstanceOf(PasswordResetRejectedException.class);
        assertThatThrownBy(() -> resets.resetPassword("x".repeat(100_000), NEW_PASSWORD))
                .isInstanceOf(PasswordResetRejectedException.class);
    }

    @Test
    void mails_are_limited_per_email_and_requests_per_address_whether_the_account_exists_or_not() {
        AccountPrincipal person = fixtures.create(Role.PARTICIPANT);
        String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < 3; i++) {
            assertThat(resets.requestReset(person.getUsername(), address())).isEqualTo(PasswordResetService.RequestOutcome.SENT_IF_EXISTS);
            assertThat(resets.requestReset(unknown, address())).isEqualTo(PasswordResetService.RequestOutcome.SENT_IF_EXISTS);
        }
        // Past the per-email limit no further mail goes out, and the answer stays the same for known and unknown
        // emails: refusing would let a stranger block the owner's own requests (the owner still holds the links sent).
        assertThat(resets.requestReset(person.getUsername(), address())).isEqualTo(PasswordResetService.RequestOutcome.SENT_IF_EXISTS);
        assertThat(resets.requestReset(unknown, address())).isEqualTo(PasswordResetService.RequestOutcome.SENT_IF_EXISTS);
        assertThat(mailsTo(person.getUsername())).isEqualTo(3);

        String oneAddress = address();
        for (int i = 0; i < 10; i++) {
            resets.requestReset("nobody-" + UUID.randomUUID() + "@example.org", oneAddress);
        }
        assertThat(resets.requestReset("nobody-" + UUID.randomUUID() + "@example.org", oneAddress))
                .isEqualTo(PasswordResetService.RequestOutcome.THROTTLED);
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (Exception e) {
            return "";
        }
    }

    static java.util.stream.Stream<String> hostile() {
        return HostileInput.texts();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void a_hostile_new_password_is_refused_clearly_or_works_and_a_refusal_keeps_the_link(String text) {
        AccountPrincipal person = fixtures.create(Role.PARTICIPANT);
        resets.requestReset(person.getUsername(), address());
        String secret = linkIn(person.getUsername());
        String before = hashOf(person.accountId());
        boolean accepted = new HostileInput(jdbc).alsoClear(PasswordResetRejectedException.class)
                .acceptedOrClearlyRefused(() -> resets.resetPassword(secret, text), "account", "password_reset_token", "audit_event");
        if (accepted) {
            assertThat(encoder.matches(text, hashOf(person.accountId()))).isTrue();
            assertThat(resets.isUsable(secret)).isFalse();
        } else {
            assertThat(hashOf(person.accountId())).as("password unchanged").isEqualTo(before);
            assertThat(resets.isUsable(secret)).as("the link still works after a refusal").isTrue();
        }
    }
}
