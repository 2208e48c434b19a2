package org.ngoplatform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.RejectedException;
import org.ngoplatform.base.ui.Failures;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.MyRegistration;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.registration.RegistrationStatus;
import org.ngoplatform.registration.SeatCount;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.respond.SurveyRespondentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The app dies in the middle of a survey submission or a registration: nothing of it may stay in the database,
 * and the person can simply try again (resume code, one-time token, seat all still work).
 * <p>
 * To MariaDB a crashed or killed app is a client connection that vanishes with its transaction open, so the
 * test cuts the connection pool's proxy ({@link ProxiedDatabase}) while the transaction is provably half
 * written: a trigger installed on the late-written table sleeps for this test's rows only, the test waits
 * (over a direct connection) until the statement sleeps, reads the uncommitted rows, cuts, and waits for the
 * server's rollback. That is what a {@code kill -9} of the JVM looks like on the database side, without a child
 * JVM to start and steer into the same instant.
 */
@ProxiedDatabaseTest
// Runs as a nested class of org.ngoplatform.ProxiedDatabaseGroupTest (one test JVM, one context start per suite).
public abstract class CrashMidTransactionTest {

    private static final int SLEEP_SECONDS = 3;

    @Autowired SurveyRespondentService respondent;
    @Autowired SurveyTestData surveys;
    @Autowired RegistrationService registrations;
    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;

    /** Straight to MariaDB, past the proxy: triggers, the process list and the final checks. */
    private final DriverManagerDataSource real = new DriverManagerDataSource(TestDatabase.url(), TestDatabase.user(),
            TestDatabase.password());
    private final JdbcTemplate direct = new JdbcTemplate(real);

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void a_crash_during_survey_submission_leaves_nothing_and_the_resume_code_and_token_still_work() throws Exception {
        var survey = surveys.openSurvey();
        var saved = respondent.saveDraft(survey.key(), null, Map.of("role", AnswerValue.ofOptions("ngo"),
                "years", AnswerValue.ofNumber(7)), 1);
        long draftId = direct.queryForObject("SELECT id FROM survey_draft WHERE survey_id = ?", Long.class, survey.id());
        String token = respondent.newSubmissionToken();
        var answers = new HashMap<>(SurveyTestData.complete("ngo", 7, true));

        // Deleting the draft is the last write of a submission: token, response, answers are all written by then.
        String trigger = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        direct.execute("CREATE TRIGGER " + trigger + " BEFORE DELETE ON survey_draft FOR EACH ROW "
                + "BEGIN IF OLD.survey_id = " + survey.id() + " THEN DO SLEEP(" + SLEEP_SECONDS + "), '" + trigger + "'; END IF; END");
        Throwable failure;
        try {
            var submission = CompletableFuture.runAsync(() -> respondent.submit(survey.key(), token, answers, saved.resumeCode()));
            long thread = awaitSleeping(trigger);
            assertThat(uncommitted("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?", survey.id()))
                    .as("the response is written, not committed").isEqualTo(1);
            assertThat(uncommitted("SELECT COUNT(*) FROM survey_used_token WHERE token_hash = ?", sha256(token))).isEqualTo(1);
            assertThat(uncommitted("SELECT COUNT(*) FROM survey_draft_answer WHERE draft_id = ?", draftId))
                    .as("the draft's answers are deleted, not committed").isZero();

            crash();

            failure = failureOf(submission);
            awaitRolledBack(thread, "SELECT COUNT(*) FROM survey_response WHERE survey_id = ?", survey.id());
        } finally {
            direct.execute("DROP TRIGGER IF EXISTS " + trigger);
        }
        assertThat(Failures.isDatabaseUnavailable(failure)).as("the submission failed with its connection: %s", chain(failure)).isTrue();

        assertThat(count("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?", survey.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM survey_answer a JOIN survey_question q ON q.id = a.question_id "
                + "JOIN survey_version v ON v.id = q.version_id WHERE v.survey_id = ?", survey.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM survey_used_token WHERE token_hash = ?", sha256(token))).isZero();
        assertThat(count("SELECT COUNT(*) FROM survey_draft_answer WHERE draft_id = ?", draftId))
                .as("the draft keeps its answers").isEqualTo(2);

        // The respondent comes back with the code saved before the crash and submits with the same token.
        var resumed = awaitDatabase(() -> respondent.resumeWithCode(survey.key(), saved.resumeCode()));
        assertThat(resumed.answers()).containsEntry("years", AnswerValue.ofNumber(7)).containsKey("role");
        assertThat(resumed.pageIndex()).isEqualTo(1);
        respondent.submit(survey.key(), token, answers, saved.resumeCode());

        assertThat(count("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?", survey.id())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM survey_draft WHERE survey_id = ?", survey.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM survey_used_token WHERE token_hash = ?", sha256(token))).isEqualTo(1);
        assertThatThrownBy(() -> respondent.submit(survey.key(), token, answers, null))
                .as("the token is used up now").isInstanceOf(RejectedException.class);
    }

    @Test
    void a_crash_during_registration_leaves_no_registration_mail_or_seat_and_the_person_can_register_again() throws Exception {
        EditionSummary edition = editions.open(3);
        AccountPrincipal person = accounts.create(Role.PARTICIPANT);
        String email = person.getUsername();
        String organisation = "Crash Test Org " + UUID.randomUUID().toString().substring(0, 8);
        SeatCount before = registrations.seats(edition.id());

        // The confirmation mail is queued last, after the seat, the registration row and a new organisation.
        String trigger = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        direct.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON mail_outbox FOR EACH ROW "
                + "BEGIN IF NEW.recipient = '" + email + "' THEN DO SLEEP(" + SLEEP_SECONDS + "), '" + trigger + "'; END IF; END");
        Throwable failure;
        try {
            var registering = CompletableFuture.runAsync(() -> {
                AccountFixtures.signIn(person);
                try {
                    registrations.register(edition.id(), EditionFixtures.request(organisation, "Lawyer"));
                } finally {
                    AccountFixtures.signOut();
                }
            });
            long thread = awaitSleeping(trigger);
            assertThat(uncommitted("SELECT COUNT(*) FROM registration WHERE edition_id = ? AND account_id = ?",
                    edition.id(), person.accountId())).as("the registration is written, not committed").isEqualTo(1);
            assertThat(uncommitted("SELECT COUNT(*) FROM organisation WHERE name = ?", organisation)).isEqualTo(1);

            crash();

            failure = failureOf(registering);
            awaitRolledBack(thread, "SELECT COUNT(*) FROM registration WHERE edition_id = ?", edition.id());
        } finally {
            direct.execute("DROP TRIGGER IF EXISTS " + trigger);
        }
        assertThat(Failures.isDatabaseUnavailable(failure)).as("the registration failed with its connection: %s", chain(failure)).isTrue();

        assertThat(count("SELECT COUNT(*) FROM registration WHERE edition_id = ?", edition.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", email)).isZero();
        assertThat(count("SELECT COUNT(*) FROM organisation WHERE name = ?", organisation)).isZero();
        assertThat(awaitDatabase(() -> registrations.seats(edition.id()))).isEqualTo(before);

        AccountFixtures.signIn(person);
        MyRegistration mine = registrations.register(edition.id(), EditionFixtures.request(organisation, "Lawyer"));
        assertThat(mine.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(count("SELECT COUNT(*) FROM registration WHERE edition_id = ? AND account_id = ?", edition.id(),
                person.accountId())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", email)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM organisation WHERE name = ?", organisation)).isEqualTo(1);
        SeatCount after = registrations.seats(edition.id());
        assertThat(after.confirmed()).isEqualTo(before.confirmed() + 1);
        assertThat(after.waitlisted()).isEqualTo(before.waitlisted());
    }

    // ---- the crash ------------------------------------------------------------------------------------------

    /** Every connection of the app's pool drops at once, as when its process dies; the database stays up. */
    private static void crash() {
        CuttableTcpProxy proxy = ProxiedDatabase.proxy();
        proxy.cut();
        proxy.restore();
    }

    /** Waits until the trigger sleeps (the process list shows its {@code DO SLEEP(..), 'trigger'}); its thread id. */
    private long awaitSleeping(String trigger) {
        AtomicReference<Long> thread = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(() -> {
            List<Long> ids = direct.queryForList("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() "
                    + "AND STATE = 'User sleep' AND INFO LIKE ?", Long.class, "%'" + trigger + "'%");
            if (ids.size() == 1) {
                thread.set(ids.getFirst());
            }
            return thread.get() != null;
        });
        return thread.get();
    }

    /** The server finishes the sleeping statement, finds its client gone and rolls back; wait for that. */
    private void awaitRolledBack(long thread, String countSql, Object... params) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(count("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?", thread)).isZero();
            assertThat(uncommitted(countSql, params)).isZero();
        });
    }

    private static Throwable failureOf(CompletableFuture<Void> action) throws Exception {
        try {
            action.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the transaction survived the crash");
    }

    private static String chain(Throwable failure) {
        var sb = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(sb.isEmpty() ? "" : " <- ").append(t);
        }
        return sb.toString();
    }

    /** The pool reconnects by itself once its broken connections are found out. */
    private static <T> T awaitDatabase(java.util.function.Supplier<T> call) {
        AtomicReference<T> result = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> result.set(call.get()));
        return result.get();
    }

    // ---- direct reads ------------------------------------------------------------------------------------------

    private long count(String sql, Object... params) {
        return direct.queryForObject(sql, Long.class, params);
    }

    /** Reads what open transactions wrote but did not commit. */
    private long uncommitted(String sql, Object... params) throws SQLException {
        try (Connection c = real.getConnection()) {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
