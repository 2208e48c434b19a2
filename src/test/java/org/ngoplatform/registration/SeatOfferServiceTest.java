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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Waiting-list offers on the real database: who gets them, answers, expiry, capacity, access. */
@IntegrationTest
class SeatOfferServiceTest {

    @Autowired RegistrationService registrations;
    @Autowired RegistrationAdminService admin;
    @Autowired SeatOfferService offers;
    @Autowired SeatOfferExpiry expiry;
    @Autowired SeatOfferFixtures fixtures;
    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void without_an_offer_window_a_freed_seat_is_confirmed_at_once_as_before() {
        EditionSummary edition = editions.open(1);
        AccountPrincipal first = accounts.signIn(Role.PARTICIPANT);
        MyRegistration seat = register(edition);
        AccountPrincipal second = accounts.signIn(Role.PARTICIPANT);
        register(edition);
        AccountFixtures.signIn(first);
        registrations.cancel(seat.id());

        assertThat(registrations.isConfirmed(edition.id(), second.accountId())).isTrue();
        assertThat(offerCount(edition.id())).isZero();
    }

    @Test
    void a_freed_seat_is_offered_to_the_longest_waiting_person_and_held_against_newcomers() {
        EditionSummary edition = fixtures.withOffers(1, 48);
        AccountPrincipal first = accounts.signIn(Role.PARTICIPANT);
        MyRegistration seat = register(edition);
        AccountPrincipal second = accounts.signIn(Role.PARTICIPANT);
        register(edition);
        AccountPrincipal third = accounts.signIn(Role.PARTICIPANT);
        register(edition);
        AccountFixtures.signIn(first);
        Instant before = Instant.now();
        registrations.cancel(seat.id());

        AccountFixtures.signIn(second);
        List<MyOffer> mine = offers.mine();
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().answerable()).isTrue();
        assertThat(Duration.between(before, mine.getFirst().expiresAt())).isBetween(Duration.ofHours(47), Duration.ofHours(49));
        assertThat(registrations.mineFor(edition.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.WAITLISTED);
        AccountFixtures.signIn(third);
        assertThat(offers.mine()).isEmpty();

        AccountPrincipal newcomer = accounts.signIn(Role.PARTICIPANT);
        assertThat(register(edition).status()).as("the open offer holds the seat").isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(registrations.seats(edition.id()).confirmed()).isZero();
        assertThat(newcomer).isNotNull();
    }

    @Test
    void accepting_confirms_the_registration_and_keeps_the_offer_as_accepted() {
        AccountPrincipal me = accounts.signIn(Role.PARTICIPANT);
        long offerId = fixtures.openOfferForCurrentUser();
        long editionId = offers.mine(offerId).orElseThrow().edition().id();

        offers.accept(offerId);

        assertThat(registrations.isConfirmed(editionId, me.accountId())).isTrue();
        assertThat(offers.mine(offerId).orElseThrow().status()).isEqualTo(OfferStatus.ACCEPTED);
        assertThat(offers.mine()).isEmpty();
        assertThatThrownBy(() -> offers.accept(offerId)).as("single use")
                .isInstanceOf(RegistrationRejectedException.class).hasFieldOrPropertyWithValue("messageKey", "offer.closed");
        assertThatThrownBy(() -> offers.decline(offerId)).isInstanceOf(RegistrationRejectedException.class);
    }

    @Test
    void declining_cancels_the_registration_keeps_the_offer_and_offers_the_seat_to_the_next_person() {
        EditionSummary edition = fixtures.withOffers(1, 24);
        AccountPrincipal first = accounts.signIn(Role.PARTICIPANT);
        MyRegistration seat = register(edition);
        AccountPrincipal second = accounts.signIn(Role.PARTICIPANT);
        MyRegistration secondReg = register(edition);
        AccountPrincipal third = accounts.signIn(Role.PARTICIPANT);
        register(edition);
        AccountFixtures.signIn(first);
        registrations.cancel(seat.id());

        AccountFixtures.signIn(second);
        long offerId = offers.mine().getFirst().id();
        offers.decline(offerId);

        assertThat(registrations.mineFor(edition.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(offers.mine(offerId).orElseThrow().status()).isEqualTo(OfferStatus.DECLINED);
        AccountFixtures.signIn(third);
        assertThat(offers.mine()).hasSize(1);
        editions.asOrganiser(() -> {
            assertThat(offers.history(edition.id(), 0, 10)).extracting(SeatOfferSummary::registrationId, SeatOfferSummary::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(registrationOf(edition.id(), third.accountId()), OfferStatus.OPEN),
                            org.assertj.core.groups.Tuple.tuple(secondReg.id(), OfferStatus.DECLINED));
            assertThat(offers.countHistory(edition.id())).isEqualTo(2);
            return null;
        });
    }

    @Test
    void an_overdue_offer_expires_once_moves_its_person_to_the_end_and_passes_to_the_next() {
        EditionSummary edition = fixtures.withOffers(1, 48);
        AccountPrincipal first = accounts.signIn(Role.PARTICIPANT);
        MyRegistration seat = register(edition);
        AccountPrincipal late = accounts.signIn(Role.PARTICIPANT);
        register(edition);
        AccountPrincipal next = accounts.signIn(Role.PARTICIPANT);
        register(edition);
        AccountPrincipal last = accounts.signIn(Role.PARTICIPANT);
        register(edition);
        AccountFixtures.signIn(first);
        registrations.cancel(seat.id());
        AccountFixtures.signIn(late);
        long offerId = offers.mine().getFirst().id();
        overdue(offerId);

        assertThatThrownBy(() -> offers.accept(offerId)).as("past its deadline")
                .isInstanceOf(RegistrationRejectedException.class).hasFieldOrPropertyWithValue("messageKey", "offer.expired");
        assertThat(expiry.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(expiry.expireDue()).as("nothing left to expire: idempotent").isZero();

        assertThat(offers.mine(offerId).orElseThrow().status()).isEqualTo(OfferStatus.EXPIRED);
        assertThat(registrations.mineFor(edition.id()).orElseThrow().waitlistPosition()).as("to the end of the list").isEqualTo(3);
        AccountFixtures.signIn(next);
        assertThat(offers.mine()).hasSize(1);
        assertThat(registrations.mineFor(edition.id()).orElseThrow().waitlistPosition()).isEqualTo(1);
        AccountFixtures.signIn(last);
        assertThat(registrations.mineFor(edition.id()).orElseThrow().waitlistPosition()).isEqualTo(2);
        assertThat(offerCount(edition.id())).isEqualTo(2);
    }

    @Test
    void cancelling_while_holding_an_offer_withdraws_it_and_the_seat_goes_on() {
        EditionSummary edition = fixtures.withOffers(1, 48);
        AccountPrincipal first = accounts.signIn(Role.PARTICIPANT);
        MyRegistration seat = register(edition);
        accounts.signIn(Role.PARTICIPANT);
        MyRegistration holder = register(edition);
        AccountPrincipal next = accounts.signIn(Role.PARTICIPANT);
        register(edition);
        AccountFixtures.signIn(first);
        registrations.cancel(seat.id());
        long offerId = jdbc.queryForObject("select id from registration_offer where registration_id = ?", Long.class, holder.id());

        editions.asOrganiser(() -> {
            admin.cancelByOrganiser(holder.id(), "Asked us by phone");
            return null;
        });

        assertThat(jdbc.queryForObject("select status from registration_offer where id = ?", String.class, offerId)).isEqualTo("WITHDRAWN");
        AccountFixtures.signIn(next);
        assertThat(offers.mine()).hasSize(1);
    }

    @Test
    void capacity_cannot_fall_below_confirmed_seats_plus_open_offers_and_raising_it_offers_more_seats() {
        EditionSummary edition = fixtures.withOffers(2, 48);
        AccountPrincipal first = accounts.signIn(Role.PARTICIPANT);
        MyRegistration seat = register(edition);
        accounts.signIn(Role.PARTICIPANT);
        register(edition);
        accounts.signIn(Role.PARTICIPANT);
        register(edition);
        accounts.signIn(Role.PARTICIPANT);
        register(edition);
        AccountFixtures.signIn(first);
        registrations.cancel(seat.id());
        // one confirmed, one open offer, one waiting
        assertThatThrownBy(() -> editions.changeCapacity(edition.id(), 1)).isInstanceOf(EditionRejectedException.class);

        editions.changeCapacity(edition.id(), 3);

        assertThat(jdbc.queryForObject("select count(*) from registration_offer where edition_id = ? and status = 'OPEN'",
                Integer.class, edition.id())).isEqualTo(2);
        assertThat(registrations.seats(edition.id()).confirmed()).isEqualTo(1);
    }

    @Test
    void an_organiser_seating_the_offer_holder_out_of_turn_withdraws_the_offer_without_growing_capacity() {
        EditionSummary edition = fixtures.withOffers(1, 48);
        AccountPrincipal first = accounts.signIn(Role.PARTICIPANT);
        MyRegistration seat = register(edition);
        accounts.signIn(Role.PARTICIPANT);
        MyRegistration holder = register(edition);
        AccountFixtures.signIn(first);
        registrations.cancel(seat.id());

        editions.asOrganiser(() -> {
            admin.promoteByOrganiser(holder.id(), "Speaker");
            return null;
        });

        assertThat(jdbc.queryForObject("select capacity from edition where id = ?", Integer.class, edition.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from registration_offer where registration_id = ?", String.class, holder.id()))
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void nobody_sees_or_answers_someone_elses_offer() {
        accounts.signIn(Role.PARTICIPANT);
        long offerId = fixtures.openOfferForCurrentUser();

        accounts.signIn(Role.PARTICIPANT);
        assertThat(offers.mine(offerId)).isEmpty();
        assertThatThrownBy(() -> offers.accept(offerId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> offers.decline(offerId)).isInstanceOf(AccessDeniedException.class);
        accounts.signIn(Role.ORGANISER);
        assertThatThrownBy(() -> offers.accept(offerId)).as("not even an organiser").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_offer_window_outside_one_hour_to_two_weeks_is_refused_and_nothing_changes() {
        EditionSummary edition = editions.open(3);
        editions.asOrganiser(() -> {
            assertThatThrownBy(() -> offers.changeOfferWindow(edition.id(), 0)).isInstanceOf(RegistrationRejectedException.class);
            assertThatThrownBy(() -> offers.changeOfferWindow(edition.id(), 337)).isInstanceOf(RegistrationRejectedException.class);
            assertThat(offers.offerWindow(edition.id())).isEmpty();
            offers.changeOfferWindow(edition.id(), 72);
            assertThat(offers.offerWindow(edition.id())).contains(72);
            offers.changeOfferWindow(edition.id(), null);
            assertThat(offers.offerWindow(edition.id())).isEmpty();
            return null;
        });
    }

    private MyRegistration register(EditionSummary edition) {
        return registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
    }

    private void overdue(long offerId) {
        jdbc.update("update registration_offer set expires_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))), offerId);
    }

    private long offerCount(long editionId) {
        return jdbc.queryForObject("select count(*) from registration_offer where edition_id = ?", Long.class, editionId);
    }

    private long registrationOf(long editionId, long accountId) {
        return jdbc.queryForObject("select id from registration where edition_id = ? and account_id = ?", Long.class, editionId, accountId);
    }
}
