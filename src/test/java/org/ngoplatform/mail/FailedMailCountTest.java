package org.ngoplatform.mail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The number of failed mails the dashboard shows is the outbox's own count of mails given up on. */
@IntegrationTest
class FailedMailCountTest {

    @Autowired MailOutbox outbox;
    @Autowired AccountFixtures accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager txManager;

    private final String recipient = "failed-" + UUID.randomUUID() + "@example.org";

    @AfterEach
    void cleanUp() {
        AccountFixtures.signOut();
        jdbc.update("delete from mail_outbox where recipient = ?", recipient);
    }

    @Test
    void a_mail_given_up_on_counts_as_failed_and_a_queued_one_does_not() {
        accounts.signIn(Role.ORGANISER);
        long before = outbox.failedCount();
        new TransactionTemplate(txManager).executeWithoutResult(s -> {
            OutboxTestSupport.queueWritten(outbox, recipient, "One", "Body", false);
            OutboxTestSupport.queueWritten(outbox, recipient, "Two", "Body", false);
            // held back from the background sender, so only this test changes their state
            jdbc.update("update mail_outbox set next_attempt_at = ? where recipient = ?",
                    java.sql.Timestamp.from(java.time.Instant.now().plus(java.time.Duration.ofDays(1))), recipient);
        });
        assertThat(outbox.failedCount()).isEqualTo(before);

        jdbc.update("update mail_outbox set delivery = 'FAILED' where recipient = ? and subject = 'One'", recipient);

        assertThat(outbox.failedCount()).isEqualTo(before + 1);
    }
}
