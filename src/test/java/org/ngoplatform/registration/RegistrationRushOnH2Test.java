package org.ngoplatform.registration;

import org.ngoplatform.EditionFixtures;
import org.ngoplatform.H2DefaultTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.BulkAccounts;
import org.ngoplatform.edition.EditionSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default (H2, with exactly the app's URL settings from {@code application.properties}; only the
 * file moves to a temporary folder: {@link H2DefaultTest}) takes a registration rush like MariaDB does: a registration
 * waits for the edition lock held by others instead of failing after H2's default of one second.
 */
@H2DefaultTest
// Runs as a nested class of org.ngoplatform.H2DefaultGroupTest (one test JVM, one context start per suite).
public abstract class RegistrationRushOnH2Test {

    @Autowired RegistrationService registrations;
    @Autowired EditionFixtures editions;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired RegistrationAdminService registrationAdmin;
    @Autowired AccountFixtures accounts;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twenty_people_registering_at_once_for_ten_seats_are_all_answered() throws Exception {
        EditionSummary edition = editions.open(10);
        List<AccountPrincipal> people = BulkAccounts.participants(context, 20);

        List<MyRegistration> results = RegistrationConcurrencyTest.runConcurrently(people, p -> registrations.register(
                edition.id(), EditionFixtures.request("La Strada Ukraine", "Hotline counsellor")));

        assertThat(results).hasSize(20);
        assertThat(count(edition.id(), "CONFIRMED")).isEqualTo(10);
        assertThat(count(edition.id(), "WAITLISTED")).isEqualTo(10);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void a_registration_waits_seconds_for_the_edition_lock_held_by_a_slow_one() throws Exception {
        EditionSummary edition = editions.open(10);
        AccountPrincipal person = BulkAccounts.participants(context, 1).getFirst();
        CountDownLatch locked = new CountDownLatch(1);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread slow = new Thread(() -> {
            try {
                transactions.executeWithoutResult(tx -> {
                    jdbc.queryForList("select id from edition where id = ? for update", edition.id());
                    locked.countDown();
                    try {
                        Thread.sleep(3_000); // a slow seat change on a loaded machine, three times H2's default wait
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Throwable t) {
                failed.set(t);
                locked.countDown();
            }
        }, "slow-seat-change");
        slow.start();
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

        AccountFixtures.signIn(person);
        MyRegistration mine = registrations.register(edition.id(), EditionFixtures.request("La Strada Ukraine", "Hotline counsellor"));
        slow.join(30_000);

        assertThat(failed.get()).isNull();
        assertThat(mine).isNotNull();
        assertThat(count(edition.id(), "CONFIRMED")).isEqualTo(1);
    }

    @Test
    void the_dashboard_s_counts_per_day_organisation_and_visa_letter_run_on_h2_too() {
        EditionSummary edition = editions.open(10);
        AccountFixtures.signIn(BulkAccounts.participants(context, 1).getFirst());
        RegistrationRequest request = EditionFixtures.request("La Strada Ukraine", "Hotline counsellor");
        request.setVisaLetter(true);
        registrations.register(edition.id(), request);

        accounts.signIn(org.ngoplatform.account.Role.ORGANISER);
        assertThat(registrationAdmin.receivedPerDay(edition.id())).extracting(RegistrationDay::count).containsExactly(1L);
        assertThat(registrationAdmin.countsByOrganisation(edition.id(), 5)).containsExactly(new RegistrationCount("La Strada Ukraine", 1));
        assertThat(registrationAdmin.visaLettersRequested(edition.id())).isEqualTo(1);
    }

    private long count(long editionId, String status) {
        return jdbc.queryForObject("select count(*) from registration where edition_id = ? and status = ?", Long.class, editionId, status);
    }
}
