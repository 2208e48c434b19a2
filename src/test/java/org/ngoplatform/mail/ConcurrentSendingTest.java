package org.ngoplatform.mail;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs of the sender overlap (a direct call and the scheduler, or two instances): the row lock taken by
 * {@code findForUpdate} and the re-check under it keep every mail from going out twice, and no run waits for another.
 */
@IntegrationTest
class ConcurrentSendingTest {

    @Autowired MailOutbox outbox;
    @Autowired PlatformTransactionManager txManager;
    @Autowired JdbcTemplate jdbc;

    @Test
    void three_overlapping_runs_of_the_sender_deliver_each_queued_mail_exactly_once() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            recipients.add("t-concurrent-" + run + "-" + i + "@test.ngo-platform.local");
        }
        new TransactionTemplate(txManager).executeWithoutResult(s ->
                recipients.forEach(r -> outbox.queue(r, "Overlap " + run, "One mail for " + r, false)));

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            // Rounds of three overlapping runs until these 40 are out: a run delivers at most 1,000 due mails, oldest
            // first, and the database may hold other tests' due mails ahead of them (a backlog of 1,500 took two rounds).
            for (int round = 0; round < 20 && queued(run) > 0; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> runs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        return outbox.sendDue();
                    }));
                }
                start.countDown();
                for (Future<Integer> f : runs) {
                    f.get(5, TimeUnit.MINUTES);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(queued(run)).as("still queued").isZero();

        for (String recipient : recipients) {
            assertThat(TestMail.bodiesTo(recipient, 1)).as(recipient).hasSize(1);
        }
        // late duplicates would have arrived by now: every run has returned, and GreenMail stores a mail before the
        // sender's transaction commits
        long received = Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> subject(m).equals("Overlap " + run)).count();
        assertThat(received).isEqualTo(recipients.size());
        assertThat(jdbc.queryForList("select attempts from mail_outbox where subject = ?", Integer.class, "Overlap " + run))
                .hasSize(recipients.size()).containsOnly(1);
    }

    private int queued(String run) {
        return jdbc.queryForObject("select count(*) from mail_outbox where subject = ? and delivery = 'QUEUED'", Integer.class, "Overlap " + run);
    }

    private static String subject(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (Exception e) {
            return "";
        }
    }
}
