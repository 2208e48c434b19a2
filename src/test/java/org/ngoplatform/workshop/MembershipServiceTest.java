package org.ngoplatform.workshop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.BulkAccounts;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.MyRegistration;
import org.ngoplatform.registration.RegistrationAdminService;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.registration.RegistrationStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class MembershipServiceTest {

    @Autowired AccountFixtures fixtures;
    @Autowired EditionFixtures editionFixtures;
    @Autowired RegistrationService registrations;
    @Autowired RegistrationAdminService registrationAdmin;
    @Autowired WorkshopService workshops;
    @Autowired MembershipService memberships;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private long group(long editionId, String title, String slot, Integer capacity, AccountPrincipal facilitator) {
        return editionFixtures.asOrganiser(() -> {
            GroupForm form = new GroupForm();
            form.setTitle(title);
            form.setSessionSlot(slot);
            form.setCapacity(capacity);
            long id = workshops.createGroup(editionId, form).id();
            if (facilitator != null) {
                workshops.addFacilitator(id, facilitator.accountId());
            }
            return id;
        });
    }

    private long plenary(long editionId, AccountPrincipal facilitator) {
        return editionFixtures.asOrganiser(() -> {
            GroupForm form = new GroupForm();
            form.setTitle("Joint Actions");
            form.setSessionSlot("Day 2");
            form.setPlenary(true);
            long id = workshops.createGroup(editionId, form).id();
            workshops.addFacilitator(id, facilitator.accountId());
            return id;
        });
    }

    /** A new participant with a confirmed seat, left signed in. */
    private AccountPrincipal confirmed(long editionId, String organisation) {
        AccountPrincipal p = fixtures.signIn(Role.PARTICIPANT);
        MyRegistration r = registrations.register(editionId, EditionFixtures.request(organisation, "Social worker"));
        assertThat(r.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        return p;
    }

    private static String rejection(Runnable action) {
        try {
            action.run();
        } catch (WorkshopRejectedException rejected) {
            return rejected.messageKey();
        }
        throw new AssertionError("expected a rejection");
    }

    private long members(long groupId) {
        return jdbc.queryForObject("select count(*) from workshop_membership where group_id = ?", Long.class, groupId);
    }

    @Test
    void confirmed_participant_joins_switches_within_a_slot_and_leaves() {
        EditionSummary e = editionFixtures.open(50);
        long a = group(e.id(), "Monitoring", "Day 1 morning", 2, null);
        long b = group(e.id(), "Data protection", "Day 1 morning", 2, null);
        long c = group(e.id(), "Demand", "Day 1 afternoon", 2, null);
        confirmed(e.id(), "La Strada Poland");

        memberships.join(a);
        memberships.join(c);
        assertThat(memberships.mine(e.id()).groupIds()).containsExactlyInAnyOrder(a, c);
        assertThat(memberships.mine(e.id()).confirmed()).isTrue();

        memberships.join(b); // a switch: one group per slot
        assertThat(memberships.mine(e.id()).groupIds()).containsExactlyInAnyOrder(b, c);
        assertThat(memberships.memberCounts(e.id())).containsEntry(b, 1L).containsEntry(c, 1L).doesNotContainKey(a);

        memberships.join(b); // joining one's own group again changes nothing
        assertThat(members(b)).isEqualTo(1);

        memberships.leave(c);
        assertThat(memberships.mine(e.id()).groupIds()).containsExactly(b);
        assertThat(members(c)).isZero();
    }

    @Test
    void one_group_per_slot_is_also_held_by_the_database() {
        EditionSummary e = editionFixtures.open(50);
        long a = group(e.id(), "A", "Day 1", 5, null);
        long b = group(e.id(), "B", "Day 1", 5, null);
        AccountPrincipal p = confirmed(e.id(), "KOK");
        memberships.join(a);
        assertThatThrownBy(() -> jdbc.update("insert into workshop_membership (group_id, account_id, edition_id, session_slot, joined_at) "
                + "values (?, ?, ?, 'Day 1', CURRENT_TIMESTAMP)", b, p.accountId(), e.id()))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(memberships.mine(e.id()).groupIds()).containsExactly(a);
    }

    @Test
    void a_full_group_refuses_and_a_switch_into_it_keeps_the_old_place() {
        EditionSummary e = editionFixtures.open(50);
        long small = group(e.id(), "Small", "Day 2", 1, null);
        long other = group(e.id(), "Other", "Day 2", 5, null);
        confirmed(e.id(), "KOK");
        memberships.join(small);
        confirmed(e.id(), "KOK");
        memberships.join(other);

        assertThat(rejection(() -> memberships.join(small))).isEqualTo("membership.full");
        assertThat(memberships.mine(e.id()).groupIds()).containsExactly(other);
        assertThat(members(small)).isEqualTo(1);
    }

    @Test
    void waitlisted_cancelled_and_unregistered_people_are_refused() {
        EditionSummary e = editionFixtures.open(1);
        long g = group(e.id(), "Any", "Day 1", 10, null);
        confirmed(e.id(), "KOK"); // takes the only seat

        fixtures.signIn(Role.PARTICIPANT);
        MyRegistration waiting = registrations.register(e.id(), EditionFixtures.request("KOK", "Lawyer"));
        assertThat(waiting.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(rejection(() -> memberships.join(g))).isEqualTo("membership.not-confirmed");
        assertThat(memberships.mine(e.id()).confirmed()).isFalse();

        registrations.cancel(waiting.id());
        assertThat(rejection(() -> memberships.join(g))).isEqualTo("membership.not-confirmed");

        fixtures.signIn(Role.PARTICIPANT);
        assertThat(rejection(() -> memberships.join(g))).isEqualTo("membership.not-confirmed");

        AccountPrincipal stranger = fixtures.create(Role.PARTICIPANT);
        editionFixtures.asOrganiser(() -> {
            assertThat(rejection(() -> memberships.move(stranger.accountId(), g))).isEqualTo("membership.not-confirmed");
            return null;
        });
        assertThat(members(g)).isZero();
    }

    @Test
    void nobody_joins_a_plenary_everyone_belongs_to_it() {
        EditionSummary e = editionFixtures.open(50);
        AccountPrincipal facilitator = fixtures.create(Role.FACILITATOR);
        long p = plenary(e.id(), facilitator);
        AccountPrincipal one = confirmed(e.id(), "KOK");
        assertThat(rejection(() -> memberships.join(p))).isEqualTo("membership.plenary");

        AccountFixtures.signIn(facilitator);
        assertThat(memberships.roster(p)).extracting(MembershipService.MemberSummary::accountId).containsExactly(one.accountId());
    }

    @Test
    void a_hundred_concurrent_joins_for_ten_places_give_exactly_ten_members() throws Exception {
        EditionSummary e = editionFixtures.open(100);
        long g = group(e.id(), "Popular", "Day 1", 10, null);
        List<AccountPrincipal> people = BulkAccounts.participants(context, 100);
        for (AccountPrincipal p : people) {
            AccountFixtures.signIn(p);
            registrations.register(e.id(), EditionFixtures.request("La Strada Ukraine", "Hotline counsellor"));
        }
        AccountFixtures.signOut();

        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        List<String> outcomes = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> futures = new ArrayList<>();
            for (AccountPrincipal p : people) {
                futures.add(pool.submit(() -> {
                    AccountFixtures.signIn(p);
                    try {
                        start.await();
                        memberships.join(g);
                        return "joined";
                    } catch (MembershipRejectedException rejected) {
                        return rejected.messageKey();
                    } finally {
                        AccountFixtures.signOut();
                    }
                }));
            }
            start.countDown();
            for (Future<String> f : futures) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes).hasSize(100);
        assertThat(outcomes).filteredOn("joined"::equals).hasSize(10);
        assertThat(outcomes).filteredOn("membership.full"::equals).hasSize(90);
        assertThat(members(g)).isEqualTo(10);
    }

    @Test
    void cancelling_the_registration_removes_the_memberships_in_that_edition_only() {
        EditionSummary e = editionFixtures.open(50);
        EditionSummary other = editionFixtures.open(50);
        long a = group(e.id(), "A", "Day 1", 10, null);
        long c = group(e.id(), "C", "Day 2", 10, null);
        long elsewhere = group(other.id(), "Elsewhere", "Day 1", 10, null);
        AccountPrincipal p = fixtures.signIn(Role.PARTICIPANT);
        MyRegistration r = registrations.register(e.id(), EditionFixtures.request("La Strada Poland", "Lawyer"));
        registrations.register(other.id(), EditionFixtures.request("La Strada Poland", "Lawyer"));
        memberships.join(a);
        memberships.join(c);
        memberships.join(elsewhere);

        registrations.cancel(r.id());

        assertThat(memberships.mine(e.id()).groupIds()).isEmpty();
        assertThat(memberships.memberCounts(e.id())).doesNotContainKeys(a, c);
        assertThat(memberships.mine(other.id()).groupIds()).containsExactly(elsewhere);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'MEMBERSHIP_RELEASED' and details like ?",
                Long.class, "account:" + p.accountId() + ",%")).isEqualTo(1);
    }

    @Test
    void an_organisers_cancellation_also_releases_the_places() {
        EditionSummary e = editionFixtures.open(50);
        long a = group(e.id(), "A", "Day 1", 10, null);
        confirmed(e.id(), "KOK");
        long registrationId = registrations.mineFor(e.id()).orElseThrow().id();
        memberships.join(a);

        editionFixtures.asOrganiser(() -> {
            registrationAdmin.cancelByOrganiser(registrationId, "Asked by phone to cancel");
            return null;
        });

        assertThat(members(a)).isZero();
    }

    @Test
    void organiser_moves_people_between_groups_and_it_is_audited() {
        EditionSummary e = editionFixtures.open(50);
        long a = group(e.id(), "A", "Day 1", 10, null);
        long b = group(e.id(), "B", "Day 1", 1, null);
        AccountPrincipal p = confirmed(e.id(), "KOK");
        memberships.join(a);
        AccountPrincipal q = confirmed(e.id(), "KOK");
        assertThatThrownBy(() -> memberships.move(p.accountId(), b)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> memberships.remove(p.accountId(), a)).isInstanceOf(AccessDeniedException.class);

        editionFixtures.asOrganiser(() -> {
            memberships.move(p.accountId(), b);
            assertThat(rejection(() -> memberships.move(q.accountId(), b))).isEqualTo("membership.full");
            memberships.move(q.accountId(), a); // an assignment of someone without a group
            return null;
        });
        AccountFixtures.signIn(p);
        assertThat(memberships.mine(e.id()).groupIds()).containsExactly(b);
        AccountFixtures.signIn(q);
        assertThat(memberships.mine(e.id()).groupIds()).containsExactly(a);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'MEMBERSHIP_MOVED' and subject = ?",
                Long.class, "workshop-group:" + b)).isEqualTo(1);

        editionFixtures.asOrganiser(() -> {
            memberships.remove(q.accountId(), a);
            return null;
        });
        assertThat(members(a)).isZero();
    }

    @Test
    void rosters_with_organisations_are_for_the_groups_facilitators_and_organisers_only() {
        EditionSummary e = editionFixtures.open(50);
        AccountPrincipal facilitator = fixtures.create(Role.FACILITATOR);
        AccountPrincipal otherFacilitator = fixtures.create(Role.FACILITATOR);
        long a = group(e.id(), "A", "Day 1", 10, facilitator);
        long b = group(e.id(), "B", "Day 1", 10, otherFacilitator);
        AccountPrincipal p = confirmed(e.id(), "La Strada Poland");
        memberships.join(a);

        // the participant: size and facilitators' names, never the members
        assertThatThrownBy(() -> memberships.roster(a)).isInstanceOf(AccessDeniedException.class);
        assertThat(memberships.memberCounts(e.id())).containsEntry(a, 1L);
        assertThat(workshops.group(a).facilitatorNames()).hasSize(1);

        fixtures.signIn(Role.ANALYST);
        assertThatThrownBy(() -> memberships.roster(a)).isInstanceOf(AccessDeniedException.class);

        AccountFixtures.signIn(otherFacilitator);
        assertThatThrownBy(() -> memberships.roster(a)).isInstanceOf(AccessDeniedException.class);
        assertThat(memberships.roster(b)).isEmpty();

        AccountFixtures.signIn(facilitator);
        assertThat(memberships.roster(a)).containsExactly(new MembershipService.MemberSummary(p.accountId(), p.displayName(), "La Strada Poland"));

        editionFixtures.asOrganiser(() -> {
            assertThat(memberships.roster(a)).extracting(MembershipService.MemberSummary::accountId).containsExactly(p.accountId());
            return null;
        });

        AccountFixtures.signOut();
        assertThatThrownBy(() -> memberships.roster(a)).isInstanceOf(org.springframework.security.core.AuthenticationException.class);
    }

    @Test
    void group_changes_keep_members_consistent() {
        EditionSummary e = editionFixtures.open(50);
        long a = group(e.id(), "A", "Day 1", 10, null);
        long b = group(e.id(), "B", "Day 2", 10, null);
        long c = group(e.id(), "C", "Day 3", 10, null);
        confirmed(e.id(), "KOK");
        memberships.join(a);
        memberships.join(b);
        confirmed(e.id(), "KOK");
        memberships.join(a);

        editionFixtures.asOrganiser(() -> {
            GroupForm form = GroupForm.of(workshops.group(a));
            form.setCapacity(1);
            assertThat(rejection(() -> workshops.updateGroup(a, workshops.group(a).version(), form))).isEqualTo("group.capacity-below-members");

            GroupForm toDay2 = GroupForm.of(workshops.group(a));
            toDay2.setSessionSlot("Day 2");
            assertThat(rejection(() -> workshops.updateGroup(a, workshops.group(a).version(), toDay2))).isEqualTo("group.slot-conflict");
            assertThat(workshops.group(a).sessionSlot()).isEqualTo("Day 1");

            GroupForm toDay3 = GroupForm.of(workshops.group(a));
            toDay3.setSessionSlot("Day 3");
            workshops.updateGroup(a, workshops.group(a).version(), toDay3);
            return null;
        });
        assertThat(jdbc.queryForList("select distinct session_slot from workshop_membership where group_id = ?", String.class, a))
                .containsExactly("Day 3");
        // now in Day 3 the member of a cannot also join c; switching moves them
        memberships.join(c);
        assertThat(memberships.mine(e.id()).groupIds()).containsExactly(c);

        editionFixtures.asOrganiser(() -> {
            GroupForm toPlenary = GroupForm.of(workshops.group(b));
            toPlenary.setPlenary(true);
            workshops.updateGroup(b, workshops.group(b).version(), toPlenary);
            return null;
        });
        assertThat(members(b)).isZero();
    }

    @Test
    void nothing_changes_in_a_past_edition() {
        EditionSummary e = editionFixtures.open(50);
        long a = group(e.id(), "A", "Day 1", 10, null);
        confirmed(e.id(), "KOK");
        memberships.join(a);
        jdbc.update("update edition set status = 'ARCHIVED' where id = ?", e.id());

        assertThat(rejection(() -> memberships.leave(a))).isEqualTo("membership.closed");
        assertThat(rejection(() -> memberships.join(a))).isEqualTo("membership.closed");
        assertThat(members(a)).isEqualTo(1);
    }
}
