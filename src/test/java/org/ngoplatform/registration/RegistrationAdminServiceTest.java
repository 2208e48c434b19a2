package org.ngoplatform.registration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditEvent;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.privacy.MyDataService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Organisers acting on someone's registration. */
@IntegrationTest
@RecordApplicationEvents
class RegistrationAdminServiceTest {

    @Autowired RegistrationService registrations;
    @Autowired RegistrationAdminService registrationAdmin;
    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;
    @Autowired AuditLog audit;
    @Autowired ApplicationEvents events;
    @Autowired MyDataService myData;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private MyRegistration register(AccountPrincipal who, long editionId) {
        AccountFixtures.signIn(who);
        return registrations.register(editionId, EditionFixtures.request("La Strada Poland", "Lawyer"));
    }

    private List<AccountPrincipal> people(int n) {
        List<AccountPrincipal> list = new ArrayList<>();
        for (int i = 0; i < n; i++) list.add(accounts.create(Role.PARTICIPANT));
        return list;
    }

    @Test
    void organiser_cancels_and_promotes_with_a_reason_in_the_audit_log_without_overbooking() {
        EditionSummary edition = editions.open(1);
        List<AccountPrincipal> p = people(3);
        p.forEach(x -> register(x, edition.id()));
        AccountFixtures.signIn(p.get(2));
        long third = registrations.mineFor(edition.id()).orElseThrow().id();
        AccountFixtures.signIn(p.get(0));
        long first = registrations.mineFor(edition.id()).orElseThrow().id();

        accounts.signIn(Role.ORGANISER);
        registrationAdmin.promoteByOrganiser(third, "Speaker at the plenary");
        assertThat(registrations.confirmedAccountIds(edition.id())).containsExactlyInAnyOrder(p.get(0).accountId(), p.get(2).accountId());
        assertThat(registrations.seats(edition.id()).capacity()).isEqualTo(2);

        registrationAdmin.cancelByOrganiser(first, "Asked by phone");
        assertThat(registrations.confirmedAccountIds(edition.id())).containsExactlyInAnyOrder(p.get(1).accountId(), p.get(2).accountId());
        assertThat(audit.forSubject("registration:" + third)).extracting(AuditEvent::getDetails).contains("Speaker at the plenary");
        assertThat(audit.forSubject("registration:" + first)).extracting(AuditEvent::getAction).contains("REGISTRATION_CANCELLED");
        assertThat(events.stream(RegistrationCancelled.class)).anyMatch(e -> e.registrationId() == first);
        assertThatThrownBy(() -> registrationAdmin.cancelByOrganiser(third, " ")).isInstanceOf(RegistrationRejectedException.class);
    }

    @Test
    void the_organisers_list_finds_a_participant_by_email_and_shows_the_stand_in_once_they_erased_their_account() {
        EditionSummary edition = editions.open(5);
        AccountPrincipal person = accounts.create(Role.PARTICIPANT);
        long id = register(person, edition.id()).id();

        accounts.signIn(Role.ORGANISER);
        RegistrationFilter byEmail = new RegistrationFilter(null, person.getUsername().toUpperCase(Locale.ROOT));
        assertThat(registrationAdmin.page(edition.id(), byEmail, 0, 10)).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(id);
            assertThat(row.name()).isEqualTo(person.displayName());
            assertThat(row.organisation()).isEqualTo("La Strada Poland");
            assertThat(row.countryCode()).isEqualTo("EE");
        });
        assertThat(registrationAdmin.countsByCountry(edition.id())).extracting(RegistrationCount::key).containsExactly("EE");

        AccountFixtures.signIn(person);
        myData.eraseMine();

        accounts.signIn(Role.ORGANISER);
        assertThat(registrationAdmin.count(edition.id(), byEmail)).isZero();
        assertThat(registrationAdmin.page(edition.id(), RegistrationFilter.ALL, 0, 10)).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo(MyDataService.ERASED_NAME);
            assertThat(row.email()).isEqualTo("erased-" + person.accountId() + "@erased.invalid");
            assertThat(row.organisation()).isEqualTo("La Strada Poland");
            assertThat(row.countryCode()).isEqualTo("EE");
        });
    }

    @Test
    void registrations_per_day_are_days_of_the_edition_s_zone_not_of_utc() {
        EditionSummary edition = editions.open(10); // Europe/Tallinn: UTC+2 in March
        List<AccountPrincipal> p = people(3);
        p.forEach(x -> register(x, edition.id()));
        // stored as UTC wall time, as Hibernate writes instants here
        String[] arrivals = {"2026-03-01T21:59:00", "2026-03-01T22:00:00", "2026-03-01T23:30:00"};
        for (int i = 0; i < 3; i++) {
            jdbc.update("update registration set created_at = ? where edition_id = ? and account_id = ?",
                    java.time.LocalDateTime.parse(arrivals[i]), edition.id(), p.get(i).accountId());
        }

        accounts.signIn(Role.ORGANISER);
        assertThat(registrationAdmin.receivedPerDay(edition.id())).containsExactly(
                new RegistrationDay(java.time.LocalDate.of(2026, 3, 1), 1),
                new RegistrationDay(java.time.LocalDate.of(2026, 3, 2), 2));
    }
}
