package org.ngoplatform.workshop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.ProgrammeFixtures;
import org.ngoplatform.programme.SessionKind;
import org.ngoplatform.programme.SessionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.workshop.allocation.WorkshopAllocator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SATURDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SUNDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.session;

@IntegrationTest
class ChoosingServiceTest {

    private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

    @Autowired AccountFixtures fixtures;
    @Autowired EditionFixtures editionFixtures;
    @Autowired ProgrammeFixtures programmes;
    @Autowired RegistrationService registrations;
    @Autowired WorkshopService workshops;
    @Autowired MembershipService memberships;
    @Autowired ChoosingService choosing;
    @Autowired org.ngoplatform.workshop.RankingService ranking;
    @Autowired MyProgrammeService myProgramme;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.ngoplatform.privacy.MyDataService myData;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /** An edition with two workshop slots; the first holds groups A (2 places), B (1 place), C (no limit). */
    private record Slot(EditionSummary edition, SessionSummary session, SessionSummary other, long a, long b, long c,
                        long otherGroup) {
    }

    private Slot slot() {
        EditionSummary edition = programmes.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        SessionSummary first = programmes.add(edition.id(), session(SessionKind.WORKSHOP_SLOT, "Workshops I", null,
                SPRING_SATURDAY.atTime(10, 0), SPRING_SATURDAY.atTime(12, 0)));
        SessionSummary second = programmes.add(edition.id(), session(SessionKind.WORKSHOP_SLOT, "Workshops II", null,
                SPRING_SUNDAY.atTime(10, 0), SPRING_SUNDAY.atTime(12, 0)));
        return new Slot(edition, first, second, group(edition.id(), "A", first.id(), 2), group(edition.id(), "B", first.id(), 1),
                group(edition.id(), "C", first.id(), null), group(edition.id(), "D", second.id(), 5));
    }

    private long group(long editionId, String title, Long session, Integer capacity) {
        return editionFixtures.asOrganiser(() -> {
            GroupForm form = new GroupForm();
            form.setTitle(title + " " + UUID.randomUUID().toString().substring(0, 6));
            form.setProgrammeSessionId(session);
            form.setRoom("Room " + title);
            form.setCapacity(capacity);
            return workshops.createGroup(editionId, form).id();
        });
    }

    private ChoosingSummary open(Slot s) {
        return editionFixtures.asOrganiser(() -> choosing.open(s.session().id(),
                ChoosingForm.closingAt(LocalDateTime.now(VIENNA).plusDays(2).withNano(0))));
    }

    /** A new participant with a confirmed seat in the edition, left signed in. */
    private AccountPrincipal confirmed(EditionSummary edition) {
        AccountPrincipal p = fixtures.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("KOK", "Counsellor"));
        return p;
    }

    private static String refusal(Runnable action) {
        try {
            action.run();
        } catch (ChoosingRejectedException rejected) {
            return rejected.field() + ":" + rejected.messageKey();
        }
        throw new AssertionError("expected a refusal");
    }

    private long rankingRows(long sessionId) {
        return jdbc.queryForObject("select count(*) from workshop_ranked_choice where session_id = ?", Long.class, sessionId);
    }

    @Test
    void an_organiser_opens_choosing_with_a_deadline_in_the_editions_zone_and_a_published_seed() {
        Slot s = slot();
        LocalDateTime deadline = LocalDateTime.now(VIENNA).plusDays(3).withNano(0);
        ChoosingSummary opened = editionFixtures.asOrganiser(() -> choosing.open(s.session().id(), ChoosingForm.closingAt(deadline)));

        assertThat(opened.closesLocal()).isEqualTo(deadline);
        assertThat(opened.closesAt()).isEqualTo(deadline.atZone(VIENNA).toInstant());
        assertThat(opened.closes(java.util.Locale.UK)).endsWith("(Europe/Vienna)");
        assertThat(opened.seed()).isNotNegative();
        assertThat(opened.published()).isFalse();

        LocalDateTime later = deadline.plusHours(5);
        ChoosingSummary moved = editionFixtures.asOrganiser(() -> choosing.open(s.session().id(), ChoosingForm.closingAt(later)));
        assertThat(moved.closesLocal()).isEqualTo(later);
        assertThat(moved.seed()).as("the seed stays once drawn").isEqualTo(opened.seed());
    }

    @Test
    void a_deadline_in_the_past_after_the_slots_start_or_missing_is_refused_next_to_the_field_and_nothing_is_stored() {
        Slot s = slot();
        EditionSummary empty = programmes.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        SessionSummary groupless = programmes.add(empty.id(), session(SessionKind.WORKSHOP_SLOT, "Empty", null,
                SPRING_SATURDAY.atTime(10, 0), SPRING_SATURDAY.atTime(12, 0)));
        editionFixtures.asOrganiser(() -> {
            assertThat(refusal(() -> choosing.open(s.session().id(), ChoosingForm.closingAt(LocalDateTime.now(VIENNA).minusHours(1)))))
                    .isEqualTo("closesAt:choosing.invalid.closesAt.past");
            assertThat(refusal(() -> choosing.open(s.session().id(), ChoosingForm.closingAt(SPRING_SATURDAY.atTime(10, 1)))))
                    .isEqualTo("closesAt:choosing.invalid.closesAt.after-start");
            assertThat(refusal(() -> choosing.open(s.session().id(), new ChoosingForm())))
                    .isEqualTo("closesAt:choosing.invalid.closesAt.required");
            assertThat(refusal(() -> choosing.open(groupless.id(), ChoosingForm.closingAt(LocalDateTime.now(VIENNA).plusDays(1)))))
                    .isEqualTo("null:choosing.no-groups");
            return null;
        });
        assertThat(jdbc.queryForObject("select count(*) from workshop_choosing where session_id in (?, ?)", Long.class,
                s.session().id(), groupless.id())).isZero();
    }

    @Test
    void a_confirmed_participant_ranks_changes_the_ranking_and_sees_only_their_own() {
        Slot s = slot();
        open(s);
        AccountPrincipal anna = confirmed(s.edition());
        assertThat(ranking.rank(s.session().id(), List.of(s.b(), s.a()))).containsExactly(s.b(), s.a());
        ranking.rank(s.session().id(), List.of(s.c(), s.a(), s.b()));

        MyRanking mine = ranking.mine(s.session().id()).orElseThrow();
        assertThat(mine.ranked()).containsExactly(s.c(), s.a(), s.b());
        assertThat(mine.groups()).extracting(WorkshopGroupSummary::id).containsExactly(s.a(), s.b(), s.c());
        assertThat(mine.changeable()).isTrue();

        confirmed(s.edition());
        assertThat(ranking.mine(s.session().id()).orElseThrow().ranked()).as("another participant sees only their own").isEmpty();
        assertThatThrownBy(() -> choosing.rankingOf(s.session().id(), anna.accountId()))
                .isInstanceOf(AuthorizationDeniedException.class);
        List<Long> seen = editionFixtures.asOrganiser(() -> choosing.rankingOf(s.session().id(), anna.accountId()));
        assertThat(seen).containsExactly(s.c(), s.a(), s.b());
    }

    @Test
    void a_ranking_naming_another_slots_or_editions_group_twice_the_same_or_nothing_is_refused_and_nothing_changes() {
        Slot s = slot();
        Slot elsewhere = slot();
        open(s);
        confirmed(s.edition());
        ranking.rank(s.session().id(), List.of(s.a()));

        assertThat(refusal(() -> ranking.rank(s.session().id(), List.of(s.b(), s.otherGroup()))))
                .isEqualTo("ranking:choosing.invalid.foreign-group");
        assertThat(refusal(() -> ranking.rank(s.session().id(), List.of(elsewhere.a()))))
                .isEqualTo("ranking:choosing.invalid.foreign-group");
        assertThat(refusal(() -> ranking.rank(s.session().id(), List.of(s.b(), s.b()))))
                .isEqualTo("ranking:choosing.invalid.duplicate");
        assertThat(refusal(() -> ranking.rank(s.session().id(), List.of()))).isEqualTo("ranking:choosing.invalid.empty");
        assertThat(refusal(() -> ranking.rank(s.other().id(), List.of(s.otherGroup())))).isEqualTo("ranking:choosing.not-open");

        assertThat(ranking.mine(s.session().id()).orElseThrow().ranked()).containsExactly(s.a());
        assertThat(rankingRows(s.session().id())).isEqualTo(1);
    }

    @Test
    void a_ranking_after_the_deadline_or_without_a_confirmed_seat_is_refused_and_nothing_changes() {
        Slot s = slot();
        open(s);
        fixtures.signIn(Role.PARTICIPANT);
        assertThat(refusal(() -> ranking.rank(s.session().id(), List.of(s.a())))).isEqualTo("ranking:choosing.not-confirmed");
        assertThat(ranking.mine(s.session().id()).orElseThrow().changeable()).isFalse();

        confirmed(s.edition());
        ranking.rank(s.session().id(), List.of(s.a()));
        jdbc.update("update workshop_choosing set closes_at = ? where session_id = ?",
                java.sql.Timestamp.valueOf(LocalDateTime.now().minusMinutes(1)), s.session().id());
        assertThat(refusal(() -> ranking.rank(s.session().id(), List.of(s.b())))).isEqualTo("ranking:choosing.closed");
        assertThat(ranking.mine(s.session().id()).orElseThrow().ranked()).containsExactly(s.a());
        assertThat(ranking.mine(s.session().id()).orElseThrow().changeable()).isFalse();
        assertThat(rankingRows(s.session().id())).isEqualTo(1);
    }

    @Test
    void while_choosing_is_open_nobody_joins_the_slots_groups_first_come_first_served_and_after_publication_they_do() {
        Slot s = slot();
        open(s);
        confirmed(s.edition());
        assertThatThrownBy(() -> memberships.join(s.a())).isInstanceOfSatisfying(MembershipRejectedException.class,
                e -> assertThat(e.messageKey()).isEqualTo("membership.choosing-open"));
        memberships.join(s.otherGroup()); // another slot without choosing: as today

        editionFixtures.asOrganiser(() -> choosing.publish(choosing.preview(s.session().id())));
        AccountPrincipal late = confirmed(s.edition());
        memberships.join(s.a());
        assertThat(memberships.mine(s.edition().id()).groupIds()).containsExactly(s.a());
        assertThat(late).isNotNull();
    }

    @Test
    void the_preview_is_the_optimal_allocation_under_the_seed_next_to_first_come_first_served_on_the_same_rankings() {
        Slot s = slot();
        ChoosingSummary opened = open(s);
        // B has one place: three people want it first; first come first served gives it to the first, who would also
        // have been happy in A, and leaves the third with their second choice only... the optimal one counts choices.
        AccountPrincipal p1 = confirmed(s.edition());
        ranking.rank(s.session().id(), List.of(s.b(), s.a()));
        AccountPrincipal p2 = confirmed(s.edition());
        ranking.rank(s.session().id(), List.of(s.b()));
        AccountPrincipal p3 = confirmed(s.edition());
        ranking.rank(s.session().id(), List.of(s.a(), s.b()));
        AccountPrincipal p4 = confirmed(s.edition());
        ranking.rank(s.session().id(), List.of(s.a()));

        AllocationPreview preview = editionFixtures.asOrganiser(() -> choosing.preview(s.session().id()));

        assertThat(preview.choosing().seed()).isEqualTo(opened.seed());
        // first come, first served: p1 takes B, p2 finds B full (none of their choices), p3 and p4 take A
        assertThat(preview.baseline().score().noneOfChoices()).isEqualTo(1);
        assertThat(preview.baseline().placedOutsideChoices()).containsExactly(p2.accountId());
        // optimal: p2 gets B, p1 moves to A with p3... but A has 2 places, so one of p1/p3/p4 misses A
        assertThat(preview.optimal().score().isWorseThan(preview.baseline().score())).isFalse();
        assertThat(preview.optimal().score().noneOfChoices()).isEqualTo(1);
        assertThat(preview.draft().placements()).hasSize(4);
        assertThat(preview.moved()).isZero();
        assertThat(preview.names()).containsKeys(p1.accountId(), p2.accountId(), p3.accountId(), p4.accountId());
        assertThat(preview.seats()).containsEntry(s.a(), 2).containsEntry(s.b(), 1).containsEntry(s.c(), 4);
        // reproducible: the same seed gives the same allocation
        AllocationPreview again = editionFixtures.asOrganiser(() -> choosing.preview(s.session().id()));
        assertThat(again.draft().placements()).isEqualTo(preview.draft().placements());
        assertThat(again.draft().placements()).isEqualTo(WorkshopAllocator.optimal(preview.draft().problem(), opened.seed()).placements());
    }

    @Test
    void an_organiser_moves_a_person_by_hand_within_capacities_and_a_stale_preview_is_refused() {
        Slot s = slot();
        open(s);
        AccountPrincipal p1 = confirmed(s.edition());
        ranking.rank(s.session().id(), List.of(s.a()));
        AccountPrincipal p2 = confirmed(s.edition());
        ranking.rank(s.session().id(), List.of(s.b()));
        AllocationPreview preview = editionFixtures.asOrganiser(() -> choosing.preview(s.session().id()));
        assertThat(preview.draft().groupOf(p1.accountId())).contains(s.a());

        AllocationPreview moved = editionFixtures.asOrganiser(() -> choosing.move(preview, p1.accountId(), s.c()));
        assertThat(moved.draft().groupOf(p1.accountId())).contains(s.c());
        assertThat(moved.moved()).isEqualTo(1);
        assertThat(moved.draftSummary().placedOutsideChoices()).containsExactly(p1.accountId());
        assertThatThrownBy(() -> editionFixtures.asOrganiser(() -> choosing.move(moved, p1.accountId(), s.b())))
                .isInstanceOfSatisfying(WorkshopRejectedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("allocation.move.full"));

        AccountFixtures.signIn(p2);
        ranking.rank(s.session().id(), List.of(s.c()));
        assertThat(refusal(() -> editionFixtures.asOrganiser(() -> choosing.publish(moved))))
                .isEqualTo("null:choosing.changed-meanwhile");
        assertThat(jdbc.queryForObject("select count(*) from workshop_membership where group_id in (?, ?, ?)", Long.class,
                s.a(), s.b(), s.c())).isZero();
    }

    @Test
    void publishing_writes_the_memberships_mails_each_participant_in_their_language_and_shows_the_group_on_their_programme() {
        Slot s = slot();
        open(s);
        AccountPrincipal anna = confirmed(s.edition());
        ranking.rank(s.session().id(), List.of(s.a()));
        AccountPrincipal boris = confirmed(s.edition());
        jdbc.update("update account set preferred_language = 'ru' where id = ?", boris.accountId());
        ranking.rank(s.session().id(), List.of(s.b(), s.a()));
        AllocationPreview preview = editionFixtures.asOrganiser(() -> choosing.preview(s.session().id()));

        int placed = editionFixtures.asOrganiser(() -> choosing.publish(preview));

        assertThat(placed).isEqualTo(2);
        assertThat(jdbc.queryForList("select account_id from workshop_membership where group_id = ?", Long.class, s.a()))
                .containsExactly(anna.accountId());
        assertThat(jdbc.queryForList("select account_id from workshop_membership where group_id = ?", Long.class, s.b()))
                .containsExactly(boris.accountId());
        String annaSubject = jdbc.queryForObject("select subject from mail_outbox where recipient = ? and subject like '%workshop%'",
                String.class, anna.getUsername());
        assertThat(annaSubject).contains("your workshop group");
        String borisBody = jdbc.queryForObject("select body from mail_outbox where recipient = ? and body like '%/my/programme%'",
                String.class, boris.getUsername());
        assertThat(borisBody).startsWith("Здравствуйте").contains("Room B").contains("(Europe/Vienna)");

        AccountFixtures.signIn(anna);
        MyProgramme mine = myProgramme.mine().stream().filter(p -> p.programme().edition().id() == s.edition().id())
                .findFirst().orElseThrow();
        assertThat(mine.groupsIn(s.session().id())).extracting(WorkshopGroupSummary::id).containsExactly(s.a());
        assertThat(mine.choosingIn(s.session().id()).orElseThrow().published()).isTrue();
        assertThat(refusal(() -> ranking.rank(s.session().id(), List.of(s.c())))).isEqualTo("ranking:choosing.closed");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'WORKSHOP_ALLOCATION_PUBLISHED' and subject = ?",
                Long.class, "edition:" + s.edition().id())).isEqualTo(1);
    }

    @Test
    void allocating_again_after_publication_is_refused_until_an_audited_unpublish_withdraws_its_places() {
        Slot s = slot();
        open(s);
        AccountPrincipal anna = confirmed(s.edition());
        ranking.rank(s.session().id(), List.of(s.a()));
        AllocationPreview preview = editionFixtures.asOrganiser(() -> choosing.preview(s.session().id()));
        editionFixtures.asOrganiser(() -> choosing.publish(preview));

        assertThat(refusal(() -> editionFixtures.asOrganiser(() -> choosing.preview(s.session().id()))))
                .isEqualTo("null:choosing.already-published");
        assertThat(refusal(() -> editionFixtures.asOrganiser(() -> choosing.publish(preview))))
                .isEqualTo("null:choosing.already-published");
        assertThat(refusal(() -> editionFixtures.asOrganiser(() -> choosing.open(s.session().id(),
                ChoosingForm.closingAt(LocalDateTime.now(VIENNA).plusDays(1)))))).isEqualTo("null:choosing.already-published");

        int withdrawn = editionFixtures.asOrganiser(() -> choosing.unpublish(s.session().id()));
        assertThat(withdrawn).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from workshop_membership where account_id = ?", Long.class,
                anna.accountId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'WORKSHOP_ALLOCATION_UNPUBLISHED' and subject = ?",
                Long.class, "edition:" + s.edition().id())).isEqualTo(1);
        assertThat(refusal(() -> editionFixtures.asOrganiser(() -> choosing.unpublish(s.session().id()))))
                .isEqualTo("null:choosing.not-published");
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = ? and subject like '%allocated again%'",
                Long.class, anna.getUsername())).as("told that the place is withdrawn").isEqualTo(1);

        AllocationPreview fresh = editionFixtures.asOrganiser(() -> choosing.preview(s.session().id()));
        assertThat(fresh.draft().placements()).containsEntry(anna.accountId(), s.a());
    }

    @Test
    void members_who_did_not_rank_keep_their_places_and_the_allocation_shares_out_the_rest() {
        Slot s = slot();
        confirmed(s.edition());
        memberships.join(s.a()); // before choosing opened
        open(s);
        AccountPrincipal ranker = confirmed(s.edition());
        ranking.rank(s.session().id(), List.of(s.a(), s.c()));
        AccountPrincipal second = confirmed(s.edition());
        ranking.rank(s.session().id(), List.of(s.a()));

        AllocationPreview preview = editionFixtures.asOrganiser(() -> choosing.preview(s.session().id()));
        assertThat(preview.seats()).containsEntry(s.a(), 1);
        assertThat(preview.draft().placedIn(s.a())).isEqualTo(1);
        editionFixtures.asOrganiser(() -> choosing.publish(preview));
        assertThat(jdbc.queryForObject("select count(*) from workshop_membership where group_id = ?", Long.class, s.a()))
                .isEqualTo(2);
        assertThat(ranker).isNotNull();
        assertThat(second).isNotNull();
    }

    @Test
    void the_dashboard_reads_how_many_confirmed_participants_ranked_per_open_slot() {
        Slot s = slot();
        open(s);
        confirmed(s.edition());
        ranking.rank(s.session().id(), List.of(s.a()));
        confirmed(s.edition());
        fixtures.signIn(Role.PARTICIPANT); // not registered: not counted

        List<ChoosingProgress> progress = editionFixtures.asOrganiser(() -> choosing.progress(s.edition().id()));
        assertThat(progress).singleElement().satisfies(p -> {
            assertThat(p.choosing().sessionId()).isEqualTo(s.session().id());
            assertThat(p.ranked()).isEqualTo(1);
            assertThat(p.confirmed()).isEqualTo(2);
            assertThat(p.percent()).isEqualTo(50);
        });
    }

    @Test
    void a_participants_ranking_is_in_their_data_download_and_is_deleted_when_they_erase_their_account() {
        Slot s = slot();
        open(s);
        AccountPrincipal p = confirmed(s.edition());
        ranking.rank(s.session().id(), List.of(s.b(), s.a()));

        String file = new String(myData.exportMine(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(file).contains("\"workshopRankings\"").contains(workshops.group(s.b()).title());

        myData.eraseMine();
        assertThat(jdbc.queryForObject("select count(*) from workshop_ranked_choice where account_id = ?", Long.class,
                p.accountId())).isZero();
    }
}
