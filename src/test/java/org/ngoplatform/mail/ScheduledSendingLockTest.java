package org.ngoplatform.mail;

import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduled sender runs on one instance at a time: while another instance holds the job's lock (ShedLock's row in
 * {@code base_job_lock}) this one skips its turn; once the lock is free it sends and holds the lock itself.
 */
@IntegrationTest
class ScheduledSendingLockTest {

    @Autowired MailOutbox outbox;
    @Autowired PlatformTransactionManager txManager;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_scheduled_sender_skips_its_turn_while_another_instance_holds_the_lock_and_sends_once_it_is_free() {
        String recipient = "t-lock-" + UUID.randomUUID().toString().substring(0, 8) + "@test.ngo-platform.local";
        new TransactionTemplate(txManager).executeWithoutResult(s -> outbox.queue(recipient, "Locked", "Waits for the lock", false));
        try {
            // (ShedLock remembers that the row exists and from then on only updates it: the row is taken over, never deleted)
            jdbc.update("insert into base_job_lock (name, lock_until, locked_at, locked_by) "
                    + "values ('mail.sendDue', UTC_TIMESTAMP(3) + INTERVAL 1 MINUTE, UTC_TIMESTAMP(3), 'the-other-instance') "
                    + "on duplicate key update lock_until = values(lock_until), locked_at = values(locked_at), locked_by = values(locked_by)");

            outbox.sendDueOnSchedule();
            assertThat(delivery(recipient)).as("skipped while the other instance holds the lock").isEqualTo("QUEUED");
        } finally {
            jdbc.update("update base_job_lock set lock_until = UTC_TIMESTAMP(3) where name = 'mail.sendDue' and locked_by = 'the-other-instance'");
        }

        // A run delivers at most 1,000 due mails, oldest first, and other tests' due mails may be ahead of this one:
        // turns until it is out (a turn is skipped while this instance's scheduler runs, which delivers it then).
        await().atMost(5, TimeUnit.MINUTES).pollInterval(200, TimeUnit.MILLISECONDS).until(() -> {
            outbox.sendDueOnSchedule();
            return !delivery(recipient).equals("QUEUED");
        });
        // this instance ran it (or its own scheduler did in between): either way the mail went out once
        assertThat(TestMail.bodiesTo(recipient, 1)).containsExactly("Waits for the lock");
        assertThat(jdbc.queryForObject("select locked_by from base_job_lock where name = 'mail.sendDue'", String.class))
                .isNotEqualTo("the-other-instance");
    }

    private String delivery(String recipient) {
        return jdbc.queryForObject("select delivery from mail_outbox where recipient = ?", String.class, recipient);
    }
}
