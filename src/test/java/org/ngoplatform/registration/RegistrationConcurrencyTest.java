package org.ngoplatform.registration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.BulkAccounts;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.OutboxTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 people press "register" for 50 seats at the same moment, each in its own thread and transaction on the
 * real MariaDB. The edition row lock must make the outcome exact.
 */
@IntegrationTest
class RegistrationConcurrencyTest {

    @Autowired RegistrationService registrations;
    @Autowired EditionFixtures editions;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void two_hundred_concurrent_registrations_for_fifty_seats_never_overbook_and_keep_every_position() throws Exception {
        EditionSummary edition = editions.open(50);
        List<AccountPrincipal> people = BulkAccounts.participants(context, 200);

        List<MyRegistration> results = runConcurrently(people, p -> registrations.register(edition.id(),
                EditionFixtures.request("La Strada Ukraine", "Hotline counsellor")));

        assertThat(results).hasSize(200);
        assertThat(count(edition.id(), "CONFIRMED")).isEqualTo(50);
        assertThat(count(edition.id(), "WAITLISTED")).isEqualTo(150);
        List<Integer> positions = jdbc.queryForList("select waitlist_position from registration where edition_id = ? "
                + "and status = 'WAITLISTED' order by waitlist_position", Integer.class, edition.id());
        assertThat(positions).containsExactlyElementsOf(IntStream.rangeClosed(1, 150).boxed().toList());

        // who waits first, in order
        List<Long> firstTenWaiting = jdbc.queryForList("select account_id from registration where edition_id = ? "
                + "and status = 'WAITLISTED' order by waitlist_position limit 10", Long.class, edition.id());
        List<Long> cancellingAccounts = jdbc.queryForList("select account_id from registration where edition_id = ? "
                + "and status = 'CONFIRMED' order by id limit 10", Long.class, edition.id());
        List<AccountPrincipal> cancelling = people.stream().filter(p -> cancellingAccounts.contains(p.accountId())).toList();

        assertThat(cancelling).hasSize(10);
        runConcurrently(cancelling, p -> {
            registrations.cancel(registrations.mineFor(edition.id()).orElseThrow().id());
            return p.accountId();
        });

        assertThat(count(edition.id(), "CONFIRMED")).isEqualTo(50);
        assertThat(count(edition.id(), "WAITLISTED")).isEqualTo(140);
        assertThat(count(edition.id(), "CANCELLED")).isEqualTo(10);
        assertThat(registrations.confirmedAccountIds(edition.id())).containsAll(firstTenWaiting)
                .doesNotContainAnyElementsOf(cancellingAccounts);
        List<Integer> after = jdbc.queryForList("select waitlist_position from registration where edition_id = ? "
                + "and status = 'WAITLISTED' order by waitlist_position", Integer.class, edition.id());
        assertThat(after).containsExactlyElementsOf(IntStream.rangeClosed(1, 140).boxed().toList());

        // The ~220 mails of this rush are not what it tests: out of the queue, so that the next test calling
        // MailOutbox.sendDue() (which delivers every due mail, other tests' too) does not deliver them (about 50 s).
        for (AccountPrincipal person : people) {
            OutboxTestSupport.forgetQueued(jdbc, "select id from mail_outbox where recipient = ? and delivery = 'QUEUED'",
                    person.getUsername());
        }
    }

    private long count(long editionId, String status) {
        return jdbc.queryForObject("select count(*) from registration where edition_id = ? and status = ?", Long.class, editionId, status);
    }

    interface Action<T> {
        T run(AccountPrincipal p) throws Exception;
    }

    /** Every person in their own thread, released together by a latch; signed in per thread. */
    static <T> List<T> runConcurrently(List<AccountPrincipal> people, Action<T> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (AccountPrincipal p : people) {
                futures.add(pool.submit(() -> {
                    AccountFixtures.signIn(p);
                    try {
                        start.await();
                        return action.run(p);
                    } finally {
                        AccountFixtures.signOut();
                    }
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
