package org.ngoplatform.mail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.TestMail;
import org.ngoplatform.base.i18n.Translator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.internet.MimeMessage;
import javax.sql.DataSource;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sender's transaction holds a mail's row lock while the SMTP server takes the mail, then writes the attempt.
 * A statement that locks the outbox's due-index entry first and the row second (as a bulk delete by recipient and
 * state does) makes a deadlock of that write, and MariaDB rolls the sender back: the mail was handed over, so the
 * attempt must be written again, or the next run sends it a second time (seen in a suite run, 2026-12-07: a test's
 * clean-up delete against the scheduled sender).
 */
@IntegrationTest
class MailOutboxDeadlockTest {

    @Autowired OutboxMailRepository mails;
    @Autowired JdbcClient jdbcClient;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired Translator translator;
    @Autowired JavaMailSender smtp;
    @Autowired PlatformTransactionManager txManager;
    @Autowired DataSource dataSource;
    @Autowired MailOutbox outbox;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String recipient = "t-deadlock-" + run + "@test.ngo-platform.local";
    /** Own threads: the common pool may have only one, and the sender blocks in it. */
    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void cleanUp() {
        threads.shutdownNow();
        jdbc.update("delete from mail_outbox where recipient = ?", recipient);
    }

    @Test
    void a_mail_whose_delivery_write_loses_a_deadlock_is_written_again_and_not_sent_twice() throws Exception {
        // Queued and held back an hour from the scheduled sender; this test's sender reads a clock two hours ahead.
        new TransactionTemplate(txManager).executeWithoutResult(s -> outbox.queue(recipient, "Deadlock " + run, "One mail", false));
        jdbc.update("update mail_outbox set next_attempt_at = ? where recipient = ?",
                LocalDateTime.now(java.time.ZoneOffset.UTC).plusHours(1), recipient);
        long id = jdbc.queryForObject("select id from mail_outbox where recipient = ?", Long.class, recipient);
        LocalDateTime due = jdbc.queryForObject("select next_attempt_at from mail_outbox where id = ?", LocalDateTime.class, id);

        CountDownLatch handing = new CountDownLatch(1);
        CountDownLatch handOver = new CountDownLatch(1);
        var held = new StaticListableBeanFactory();
        held.addBean("smtp", new HeldSmtp(smtp, handing, handOver));
        MailOutbox sender = new MailOutbox(mails, jdbcClient, events, translator, held.getBeanProvider(JavaMailSender.class),
                txManager, Clock.offset(Clock.systemUTC(), Duration.ofHours(2)), "NGO Platform <no-reply@ngo-platform.local>",
                false, Duration.ofDays(30));

        CompletableFuture<Boolean> sending = CompletableFuture.supplyAsync(() -> sender.send(id), threads);
        assertThat(handing.await(30, TimeUnit.SECONDS)).as("the sender reached the SMTP server").isTrue();

        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Integer> locking = CompletableFuture.supplyAsync(() -> lockIndexEntryThenRow(id, due, waiting), threads);
        assertThat(waiting.await(30, TimeUnit.SECONDS)).as("the other statement waits for the sender's row").isTrue();
        long deadlocksBefore = deadlocks();

        handOver.countDown();

        assertThat(locking.get(60, TimeUnit.SECONDS)).as("the other statement went through, with the mail still queued").isEqualTo(1);
        assertThat(sending.get(60, TimeUnit.SECONDS)).as("delivered").isTrue();
        assertThat(deadlocks()).as("MariaDB saw the deadlock").isGreaterThan(deadlocksBefore);
        assertThat(jdbc.queryForMap("select delivery, attempts from mail_outbox where id = ?", id))
                .containsEntry("delivery", "SENT").containsEntry("attempts", 1);

        // the next run of the sender has nothing to send again
        assertThat(OutboxTestSupport.deliverDueTo(sender, jdbc, recipient)).isZero();
        assertThat(TestMail.bodiesTo(recipient, 1)).as("mails received (GreenMail stores one before the send returns)").hasSize(1);
    }

    /**
     * The other statement, in a transaction of its own that it rolls back: heavier than the sender (30 rows written
     * before it, so MariaDB picks the sender as the victim), it locks the mail's entry in the due index, then waits for
     * the row the sender holds ({@code waiting} counts down once it does); how many rows it locked in the end.
     */
    private int lockIndexEntryThenRow(long id, LocalDateTime due, CountDownLatch waiting) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long connectionId;
                try (ResultSet r = c.createStatement().executeQuery("select connection_id()")) {
                    r.next();
                    connectionId = r.getLong(1);
                }
                try (PreparedStatement weight = c.prepareStatement("insert into mail_outbox (recipient, subject, body, "
                        + "confidential, created_at, attempts, next_attempt_at, delivery, version) "
                        + "values (?, 'Weight', '', false, ?, 8, ?, 'FAILED', 0)")) {
                    for (int i = 0; i < 30; i++) {
                        weight.setString(1, "t-weight-" + run + "@test.ngo-platform.local");
                        weight.setObject(2, due);
                        weight.setObject(3, due);
                        weight.executeUpdate();
                    }
                }
                CompletableFuture.runAsync(() -> awaitLockWait(connectionId, waiting), threads);
                try (PreparedStatement lock = c.prepareStatement("select id from mail_outbox force index (ix_mail_outbox_due) "
                        + "where delivery = 'QUEUED' and next_attempt_at = ? and id = ? for update")) {
                    lock.setObject(1, due);
                    lock.setLong(2, id);
                    int rows = 0;
                    try (ResultSet r = lock.executeQuery()) {
                        while (r.next()) rows++;
                    }
                    return rows;
                }
            } finally {
                c.rollback();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long deadlocks() {
        return jdbc.queryForObject("select variable_value from information_schema.global_status where variable_name = 'INNODB_DEADLOCKS'",
                Long.class);
    }

    /** Counts down once the connection's transaction waits for a lock. */
    private void awaitLockWait(long connectionId, CountDownLatch waiting) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            Integer n = jdbc.queryForObject("select count(*) from information_schema.innodb_trx "
                    + "where trx_mysql_thread_id = ? and trx_state = 'LOCK WAIT'", Integer.class, connectionId);
            if (n != null && n > 0) {
                waiting.countDown();
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The test's SMTP server, reached only once the test lets the sender through. */
    private record HeldSmtp(JavaMailSender smtp, CountDownLatch handing, CountDownLatch handOver) implements JavaMailSender {

        private void hold() {
            handing.countDown();
            try {
                if (!handOver.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never let through");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void send(SimpleMailMessage... messages) throws MailException {
            hold();
            smtp.send(messages);
        }

        @Override
        public MimeMessage createMimeMessage() {
            return smtp.createMimeMessage();
        }

        @Override
        public MimeMessage createMimeMessage(InputStream contentStream) throws MailException {
            return smtp.createMimeMessage(contentStream);
        }

        @Override
        public void send(MimeMessage... mimeMessages) throws MailException {
            hold();
            smtp.send(mimeMessages);
        }
    }
}
