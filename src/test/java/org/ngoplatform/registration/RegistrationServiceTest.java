package org.ngoplatform.registration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionRejectedException;
import org.ngoplatform.edition.EditionSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
@RecordApplicationEvents
class RegistrationServiceTest {

    @Autowired RegistrationService registrations;
    @Autowired RegistrationAdminService registrationAdmin;
    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;
    @Autowired ApplicationEvents events;

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
    void confirms_up_to_capacity_then_waitlists_with_positions() {
        EditionSummary edition = editions.open(2);
        List<AccountPrincipal> p = people(4);

        assertThat(register(p.get(0), edition.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(register(p.get(1), edition.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        MyRegistration third = register(p.get(2), edition.id());
        MyRegistration fourth = register(p.get(3), edition.id());

        assertThat(third.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(third.waitlistPosition()).isEqualTo(1);
        assertThat(fourth.waitlistPosition()).isEqualTo(2);
        SeatCount seats = registrations.seats(edition.id());
        assertThat(seats.confirmed()).isEqualTo(2);
        assertThat(seats.waitlisted()).isEqualTo(2);
        assertThat(seats.seatsLeft()).isZero();
        assertThat(registrations.isConfirmed(edition.id(), p.get(0).accountId())).isTrue();
        assertThat(registrations.isConfirmed(edition.id(), p.get(2).accountId())).isFalse();
        assertThat(registrations.confirmedAccountIds(edition.id()))
                .containsExactlyInAnyOrder(p.get(0).accountId(), p.get(1).accountId());
    }

    @Test
    void cancelling_a_confirmed_seat_promotes_the_longest_waiting_and_publishes_the_event() {
        EditionSummary edition = editions.open(1);
        List<AccountPrincipal> p = people(3);
        MyRegistration first = register(p.get(0), edition.id());
        register(p.get(1), edition.id());
        register(p.get(2), edition.id());

        AccountFixtures.signIn(p.get(0));
        registrations.cancel(first.id());

        assertThat(registrations.confirmedAccountIds(edition.id())).containsExactly(p.get(1).accountId());
        AccountFixtures.signIn(p.get(2));
        assertThat(registrations.mineFor(edition.id()).orElseThrow().waitlistPosition()).isEqualTo(1);
        assertThat(events.stream(RegistrationCancelled.class))
                .contains(new RegistrationCancelled(first.id(), edition.id(), p.get(0).accountId()));
    }

    @Test
    void a_waiting_person_who_cancels_leaves_no_gap() {
        EditionSummary edition = editions.open(1);
        List<AccountPrincipal> p = people(4);
        p.forEach(x -> register(x, edition.id()));
        AccountFixtures.signIn(p.get(2));
        registrations.cancel(registrations.mineFor(edition.id()).orElseThrow().id());

        AccountFixtures.signIn(p.get(1));
        assertThat(registrations.mineFor(edition.id()).orElseThrow().waitlistPosition()).isEqualTo(1);
        AccountFixtures.signIn(p.get(3));
        assertThat(registrations.mineFor(edition.id()).orElseThrow().waitlistPosition()).isEqualTo(2);
        assertThat(registrations.confirmedAccountIds(edition.id())).containsExactly(p.get(0).accountId());
    }

    @Test
    void raising_capacity_promotes_in_order_and_capacity_cannot_fall_below_confirmed() {
        EditionSummary edition = editions.open(1);
        List<AccountPrincipal> p = people(4);
        p.forEach(x -> register(x, edition.id()));

        editions.changeCapacity(edition.id(), 3);

        assertThat(registrations.confirmedAccountIds(edition.id()))
                .containsExactlyInAnyOrder(p.get(0).accountId(), p.get(1).accountId(), p.get(2).accountId());
        AccountFixtures.signIn(p.get(3));
        assertThat(registrations.mineFor(edition.id()).orElseThrow().waitlistPosition()).isEqualTo(1);
        assertThatThrownBy(() -> editions.changeCapacity(edition.id(), 2))
                .isInstanceOf(EditionRejectedException.class)
                .hasMessageContaining("edition.capacity.below-confirmed");
        assertThat(registrations.seats(edition.id()).capacity()).isEqualTo(3);
    }

    @Test
    void cannot_register_twice() {
        EditionSummary edition = editions.open(5);
        AccountPrincipal p = accounts.create(Role.PARTICIPANT);
        register(p, edition.id());

        assertThatThrownBy(() -> register(p, edition.id()))
                .isInstanceOf(RegistrationRejectedException.class).hasMessageContaining("registration.already");
        assertThat(registrations.seats(edition.id()).confirmed()).isEqualTo(1);
    }

    @Test
    void cannot_register_before_registration_opens_or_after_it_closes() {
        EditionSummary notYet = editions.notYetOpen(5);
        EditionSummary closed = editions.open(5);
        editions.closeWindow(closed.id());
        AccountPrincipal p = accounts.create(Role.PARTICIPANT);

        assertThatThrownBy(() -> register(p, notYet.id()))
                .isInstanceOf(RegistrationRejectedException.class).hasMessageContaining("registration.not-open");
        assertThatThrownBy(() -> register(p, closed.id()))
                .isInstanceOf(RegistrationRejectedException.class).hasMessageContaining("registration.not-open");
        AccountFixtures.signIn(p);
        assertThat(registrations.mine()).isEmpty();
    }

    @Test
    void edits_are_accepted_while_open_and_rejected_after_closing() {
        EditionSummary edition = editions.open(5);
        AccountPrincipal p = accounts.create(Role.PARTICIPANT);
        MyRegistration mine = register(p, edition.id());

        RegistrationRequest change = mine.toRequest();
        change.setJobTitle("Social worker");
        change.setDietaryNeeds("Vegetarian");
        MyRegistration changed = registrations.update(mine.id(), change);
        assertThat(changed.jobTitle()).isEqualTo("Social worker");
        assertThat(changed.dietaryNeeds()).isEqualTo("Vegetarian");

        editions.closeWindow(edition.id());
        AccountFixtures.signIn(p);
        RegistrationRequest late = changed.toRequest();
        late.setJobTitle("Director");
        assertThatThrownBy(() -> registrations.update(mine.id(), late))
                .isInstanceOf(RegistrationRejectedException.class).hasMessageContaining("registration.closed");
        assertThat(registrations.mineFor(edition.id()).orElseThrow().jobTitle()).isEqualTo("Social worker");
    }

    @Test
    void dates_far_from_the_meeting_and_missing_consent_are_rejected_without_a_write() {
        EditionSummary edition = editions.open(5);
        AccountPrincipal p = accounts.create(Role.PARTICIPANT);
        AccountFixtures.signIn(p);
        RegistrationRequest r = EditionFixtures.request("KOK", "Researcher");
        r.setArrivalOn(edition.startsOn().minusDays(10));
        assertThatThrownBy(() -> registrations.register(edition.id(), r))
                .isInstanceOf(RegistrationRejectedException.class).hasMessageContaining("arrivalOn");
        RegistrationRequest noConsent = EditionFixtures.request("KOK", "Researcher");
        noConsent.setPrivacyConsent(false);
        assertThatThrownBy(() -> registrations.register(edition.id(), noConsent))
                .isInstanceOf(RegistrationRejectedException.class);
        assertThat(registrations.mine()).isEmpty();
    }

    @Test
    void someone_else_cannot_cancel_my_registration() {
        EditionSummary edition = editions.open(5);
        MyRegistration mine = register(accounts.create(Role.PARTICIPANT), edition.id());
        AccountFixtures.signIn(accounts.create(Role.PARTICIPANT));

        assertThatThrownBy(() -> registrations.cancel(mine.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registrationAdmin.cancelByOrganiser(mine.id(), "x")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void participant_list_shows_opted_in_confirmed_people_to_confirmed_participants_only() {
        EditionSummary edition = editions.open(2, true);
        List<AccountPrincipal> p = people(3);
        AccountFixtures.signIn(p.get(0));
        RegistrationRequest optIn = EditionFixtures.request("La Strada Moldova", "Psychologist");
        optIn.setListOptIn(true);
        registrations.register(edition.id(), optIn);
        register(p.get(1), edition.id());
        register(p.get(2), edition.id());

        AccountFixtures.signIn(p.get(1));
        assertThat(registrations.participantList(edition.id()))
                .containsExactly(new ParticipantSummary(p.get(0).displayName(), "La Strada Moldova"));
        AccountFixtures.signIn(p.get(2));
        assertThatThrownBy(() -> registrations.participantList(edition.id())).isInstanceOf(AccessDeniedException.class);

        EditionSummary hidden = editions.open(2, false);
        register(p.get(2), hidden.id());
        assertThatThrownBy(() -> registrations.participantList(hidden.id())).isInstanceOf(AccessDeniedException.class);
    }
}
