package org.ngoplatform.registration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.MailContacts;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The confirmation a registration writes before it takes the edition's row lock ({@link NewRegistrations}) is the
 * mail queued only when the edition under the lock is the one it was written for; the calendar then carries the
 * inserted registration's UID.
 */
@IntegrationTest
class NewRegistrationsTest {

    @Autowired NewRegistrations newRegistrations;
    @Autowired MailContacts contacts;
    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager txManager;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void a_confirmation_written_ahead_is_queued_with_the_registrations_uid_when_the_edition_is_unchanged() {
        EditionSummary edition = editions.open(3);
        AccountPrincipal p = accounts.signIn(Role.PARTICIPANT);
        EditionSummary aheadOf = copyNamed(edition, "Aheadtown", edition.version());

        Map<String, Object> mail = seatAndQueue(p, aheadOf, edition, 424242);

        assertThat((String) mail.get("subject")).contains("Aheadtown");
        assertThat((String) mail.get("attachment_content")).contains("\r\nUID:registration-424242@ngo-platform\r\n")
                .doesNotContain("unnumbered");
    }

    @Test
    void a_confirmation_written_for_an_older_version_of_the_edition_is_written_again_under_the_lock() {
        EditionSummary edition = editions.open(3);
        AccountPrincipal p = accounts.signIn(Role.PARTICIPANT);
        EditionSummary stale = copyNamed(edition, "Staletown", edition.version() - 1);

        Map<String, Object> mail = seatAndQueue(p, stale, edition, 434343);

        assertThat((String) mail.get("subject")).contains(edition.city()).doesNotContain("Staletown");
        assertThat((String) mail.get("attachment_content")).contains("UID:registration-434343@ngo-platform");
    }

    /** Writes the confirmation ahead for {@code aheadOf}, then queues the seat mail of a confirmed registration under {@code locked}. */
    private Map<String, Object> seatAndQueue(AccountPrincipal p, EditionSummary aheadOf, EditionSummary locked, long registrationId) {
        new TransactionTemplate(txManager).executeWithoutResult(s -> {
            var ahead = newRegistrations.confirmationAhead(contacts.of(p.accountId()).orElseThrow(), aheadOf, false);
            assertThat(ahead).isPresent();
            Registration r = new Registration(locked.id(), p.accountId(), Instant.now());
            r.confirm(Instant.now());
            r.insertedAs(registrationId);
            newRegistrations.notifySeated(r, contacts.of(p.accountId()).orElseThrow(), locked, ahead, false);
        });
        return jdbc.queryForMap("select subject, attachment_content from mail_outbox where recipient = ?", p.getUsername());
    }

    private static EditionSummary copyNamed(EditionSummary e, String city, long version) {
        return new EditionSummary(e.id(), city, e.countryCode(), e.year(), e.venue(), e.startsOn(), e.endsOn(), e.timeZone(),
                e.description(), e.capacity(), e.registrationOpensAt(), e.registrationClosesAt(), e.status(),
                e.participantListVisible(), version);
    }
}
