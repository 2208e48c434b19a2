package org.ngoplatform;

import org.junit.jupiter.api.Test;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.mail.OutboxTestSupport;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance stopped while its scheduler sends mails (one half of a rolling update) lets go of the sending job's
 * lock as it stops, so the instance that stays sends the rest at its next turn instead of after the lock's ten-minute
 * guard ({@code base.ScheduledJobLocks}); the mails it had not reached stay queued. One instance of the application on
 * a MariaDB database of its own ({@code <test database>_stop}), started as {@link TwoInstancesTest} starts its two.
 */
class InstanceShutdownTest {

    @Test
    void an_instance_stopped_while_sending_releases_the_mail_lock_and_leaves_the_rest_queued() {
        String url = TwoInstancesTest.ownDatabase(TestDatabase.url(), "_stop");
        String subject = "Stopped mid-run " + UUID.randomUUID().toString().substring(0, 8);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, TestDatabase.user(), TestDatabase.password()));
        // this test's own database: what an earlier run left queued would be sent first, and a lock that an earlier
        // run left held (a run stopped without this fix, or killed) would keep the scheduler from sending at all
        if (jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = database() "
                + "and table_name = 'mail_outbox'", Integer.class) > 0) {
            jdbc.update("delete from mail_outbox where delivery = 'QUEUED'");
            jdbc.update("delete from base_job_lock");
        }
        ConfigurableApplicationContext app = TwoInstancesTest.startInstance("stop", url, "--ngo.mail.send-interval=PT0.5S");
        try {
            MailOutbox outbox = app.getBean(MailOutbox.class);
            // as many as one run of the scheduler sends (~50 s at GreenMail's ~50 ms a mail)
            new TransactionTemplate(app.getBean(PlatformTransactionManager.class)).executeWithoutResult(s -> {
                for (int i = 0; i < 1000; i++) {
                    OutboxTestSupport.queueWritten(outbox, "t-stop-" + i + "@test.ngo-platform.local", subject, "Body " + i, false);
                }
            });
            await().atMost(Duration.ofMinutes(2)).until(() -> sent(jdbc, subject) >= 20);
            assertThat(lockHeldFor(jdbc)).as("the scheduler's run holds the lock while it sends")
                    .isGreaterThan(Duration.ofMinutes(1).toSeconds());
        } finally {
            app.close();
        }

        assertThat(lockHeldFor(jdbc)).as("seconds the sending lock is still held after the instance stopped")
                .isLessThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where subject = ? and delivery not in ('QUEUED', 'SENT')",
                Integer.class, subject)).as("mails failed or lost by the stop").isZero();
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where subject = ? and delivery = 'QUEUED'",
                Integer.class, subject)).as("mails the stopped instance had not reached, still queued").isPositive();
    }

    private static int sent(JdbcTemplate jdbc, String subject) {
        return jdbc.queryForObject("select count(*) from mail_outbox where subject = ? and delivery = 'SENT'", Integer.class, subject);
    }

    /** Seconds from now (the database's clock, as ShedLock's) until the mail job's lock runs out; 0 or less: free. */
    private static long lockHeldFor(JdbcTemplate jdbc) {
        Long seconds = jdbc.queryForObject("select timestampdiff(second, utc_timestamp(3), lock_until) from base_job_lock "
                + "where name = 'mail.sendDue'", Long.class);
        return seconds == null ? 0 : seconds;
    }
}
