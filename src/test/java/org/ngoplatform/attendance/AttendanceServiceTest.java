package org.ngoplatform.attendance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditEvent;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.live.LiveUpdates;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.ProgrammeFixtures;
import org.ngoplatform.programme.SessionKind;
import org.ngoplatform.programme.SessionSummary;
import org.ngoplatform.privacy.MyDataService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class AttendanceServiceTest {

    @Autowired AttendanceService attendance;
    @Autowired AttendanceFixtures fixtures;
    @Autowired AccountFixtures accounts;
    @Autowired AuditLog audit;
    @Autowired LiveUpdates live;
    @Autowired JdbcClient jdbc;
    @Autowired MyDataService myData;
    @Autowired AttendancePersonalData personalData;
    @Autowired TransactionTemplate transactions;
    @Autowired ProgrammeFixtures programmes;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void an_edition_without_a_programme_checks_in_once_per_day_and_lists_its_confirmed_participants_by_name() {
        var f = fixtures.edition(2, "La Strada Poland");
        accounts.signIn(Role.ORGANISER);
        assertThat(attendance.points(f.edition().id())).extracting(p -> p.point().key()).containsExactly(
                f.edition().startsOn().toString(), f.edition().startsOn().plusDays(1).toString(), f.edition().endsOn().toString());
        List<AttendeeSummary> list = attendance.checkInList(f.edition().id(), f.firstDay());
        assertThat(list).extracting(AttendeeSummary::accountId)
                .containsExactlyInAnyOrderElementsOf(f.people().stream().map(AccountPrincipal::accountId).toList());
        assertThat(list).allSatisfy(a -> {
            assertThat(a.present()).isFalse();
            assertThat(a.organisation()).isEqualTo("La Strada Poland");
        });
    }

    @Test
    void an_edition_with_a_programme_checks_in_per_session_in_order_of_time_breaks_left_out() {
        EditionSummary e = programmes.vienna(ProgrammeFixtures.SPRING_SATURDAY, ProgrammeFixtures.SPRING_SUNDAY, true);
        SessionSummary late = programmes.add(e.id(), ProgrammeFixtures.session(SessionKind.WORKSHOP_SLOT, "Workshops I", null,
                ProgrammeFixtures.SPRING_SUNDAY.atTime(9, 30), ProgrammeFixtures.SPRING_SUNDAY.atTime(11, 0)));
        programmes.add(e.id(), ProgrammeFixtures.session(SessionKind.BREAK, "Coffee", null,
                ProgrammeFixtures.SPRING_SATURDAY.atTime(11, 0), ProgrammeFixtures.SPRING_SATURDAY.atTime(11, 30)));
        SessionSummary opening = programmes.add(e.id(), ProgrammeFixtures.session(SessionKind.PLENARY, "Opening", null,
                ProgrammeFixtures.SPRING_SATURDAY.atTime(9, 0), ProgrammeFixtures.SPRING_SATURDAY.atTime(10, 0)));
        accounts.signIn(Role.ORGANISER);
        List<CheckInPointSummary> points = attendance.points(e.id());
        assertThat(points).extracting(p -> p.point().sessionId()).containsExactly(opening.id(), late.id());
        assertThat(points.getFirst().point().day()).isEqualTo(ProgrammeFixtures.SPRING_SATURDAY);
        assertThat(points.getFirst().sessionTitle()).isEqualTo("Opening");
        assertThat(points.getFirst().startsAt()).isEqualTo(ProgrammeFixtures.SPRING_SATURDAY.atTime(9, 0));
        // a whole day is no point of an edition that checks in per session
        assertThatThrownBy(() -> attendance.checkInList(e.id(), CheckInPoint.ofDay(ProgrammeFixtures.SPRING_SATURDAY)))
                .isInstanceOf(AttendanceRejectedException.class);
        assertThat(attendance.checkInList(e.id(), points.getFirst().point())).isEmpty();
    }

    @Test
    void marking_twice_leaves_one_mark_with_who_and_when_and_unmarking_twice_none_each_change_audited_once() {
        var f = fixtures.edition(1, "KOK");
        long person = f.people().getFirst().accountId();
        AccountPrincipal organiser = accounts.signIn(Role.ORGANISER);
        long edition = f.edition().id();

        assertThat(attendance.mark(edition, f.firstDay(), person)).isTrue();
        assertThat(attendance.mark(edition, f.firstDay(), person)).isFalse();
        AttendeeSummary marked = attendance.checkInList(edition, f.firstDay()).getFirst();
        assertThat(marked.present()).isTrue();
        assertThat(marked.markedBy()).isEqualTo(organiser.displayName());
        assertThat(marked.markedAt()).isNotNull();
        assertThat(marks(edition)).isEqualTo(1);
        // another day is another point
        assertThat(attendance.checkInList(edition, CheckInPoint.ofDay(f.edition().endsOn())).getFirst().present()).isFalse();

        assertThat(attendance.unmark(edition, f.firstDay(), person)).isTrue();
        assertThat(attendance.unmark(edition, f.firstDay(), person)).isFalse();
        assertThat(marks(edition)).isZero();
        List<AuditEvent> log = audit.forSubject("account:" + person);
        log = log.stream().filter(e -> e.getAction().startsWith("ATTENDANCE_")).toList();
        assertThat(log).extracting(AuditEvent::getAction).containsExactlyInAnyOrder("ATTENDANCE_MARKED", "ATTENDANCE_UNMARKED");
        assertThat(log).allSatisfy(e -> assertThat(e.getDetails()).isEqualTo("edition:" + edition + ", point:" + f.firstDay().key()));
    }

    @Test
    void someone_without_a_confirmed_seat_or_a_day_the_edition_does_not_have_is_refused_and_nothing_is_written() {
        var f = fixtures.edition(1, "KOK");
        AccountPrincipal stranger = accounts.create(Role.PARTICIPANT);
        accounts.signIn(Role.ORGANISER);
        long edition = f.edition().id();
        assertThatThrownBy(() -> attendance.mark(edition, f.firstDay(), stranger.accountId()))
                .isInstanceOfSatisfying(AttendanceRejectedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("attendance.rejected.not-confirmed"));
        CheckInPoint before = CheckInPoint.ofDay(f.edition().startsOn().minusDays(1));
        assertThatThrownBy(() -> attendance.mark(edition, before, f.people().getFirst().accountId()))
                .isInstanceOfSatisfying(AttendanceRejectedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("attendance.rejected.no-point"));
        assertThatThrownBy(() -> attendance.mark(edition, new CheckInPoint(f.edition().startsOn(), 424242), f.people().getFirst().accountId()))
                .isInstanceOf(AttendanceRejectedException.class);
        assertThatThrownBy(() -> attendance.checkInList(Long.MAX_VALUE, f.firstDay()))
                .isInstanceOf(AttendanceRejectedException.class);
        assertThat(marks(edition)).isZero();
    }

    @Test
    void a_facilitator_checks_in_only_at_an_edition_they_facilitate_and_only_once_an_organiser_delegated_it() {
        var f = fixtures.edition(1, "KOK");
        var other = fixtures.edition(1, "KOK");
        long edition = f.edition().id();
        long person = f.people().getFirst().accountId();
        AccountPrincipal facilitator = fixtures.facilitatorOf(edition);

        AccountFixtures.signIn(facilitator);
        assertThat(attendance.mayCheckIn(edition)).isFalse();
        assertThatThrownBy(() -> attendance.mark(edition, f.firstDay(), person)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attendance.checkInList(edition, f.firstDay())).isInstanceOf(AccessDeniedException.class);

        accounts.signIn(Role.ORGANISER);
        attendance.letFacilitatorsCheckIn(edition, true);
        attendance.letFacilitatorsCheckIn(edition, true);
        attendance.letFacilitatorsCheckIn(other.edition().id(), true);
        assertThat(audit.forSubject("edition:" + edition)).extracting(AuditEvent::getAction).containsOnlyOnce("CHECK_IN_DELEGATED");

        AccountFixtures.signIn(facilitator);
        assertThat(attendance.mayCheckIn(edition)).isTrue();
        assertThat(attendance.mark(edition, f.firstDay(), person)).isTrue();
        // delegated there too, but they facilitate no group of that edition
        assertThat(attendance.mayCheckIn(other.edition().id())).isFalse();
        assertThatThrownBy(() -> attendance.mark(other.edition().id(), other.firstDay(), other.people().getFirst().accountId()))
                .isInstanceOf(AccessDeniedException.class);

        accounts.signIn(Role.ORGANISER);
        attendance.letFacilitatorsCheckIn(edition, false);
        AccountFixtures.signIn(facilitator);
        assertThat(attendance.mayCheckIn(edition)).isFalse();
        assertThatThrownBy(() -> attendance.unmark(edition, f.firstDay(), person)).isInstanceOf(AccessDeniedException.class);
        assertThat(marks(edition)).isEqualTo(1);
    }

    @Test
    void two_organisers_marking_and_remarking_the_same_people_at_once_lose_no_mark_and_make_no_duplicate() throws Exception {
        var f = fixtures.edition(12, "KOK", "La Strada");
        long edition = f.edition().id();
        List<AccountPrincipal> organisers = List.of(accounts.create(Role.ORGANISER), accounts.create(Role.ORGANISER));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                AccountPrincipal who = organisers.get(t % 2);
                boolean reversed = t >= 2;
                results.add(pool.submit(() -> {
                    AccountFixtures.signIn(who);
                    try {
                        start.await();
                        int changed = 0;
                        List<AccountPrincipal> order = new java.util.ArrayList<>(f.people());
                        if (reversed) java.util.Collections.reverse(order);
                        for (AccountPrincipal p : order) {
                            if (attendance.mark(edition, f.firstDay(), p.accountId())) changed++;
                        }
                        return changed;
                    } finally {
                        AccountFixtures.signOut();
                    }
                }));
            }
            start.countDown();
            int changed = 0;
            for (Future<Integer> r : results) {
                changed += r.get(60, TimeUnit.SECONDS);
            }
            assertThat(changed).as("marks that reported a change").isEqualTo(12);
        } finally {
            pool.shutdownNow();
        }
        assertThat(marks(edition)).isEqualTo(12);
        accounts.signIn(Role.ORGANISER);
        assertThat(attendance.checkInList(edition, f.firstDay())).allMatch(AttendeeSummary::present);
        long audited = f.people().stream().mapToLong(p -> audit.forSubject("account:" + p.accountId()).stream()
                .filter(e -> e.getAction().equals("ATTENDANCE_MARKED")).count()).sum();
        assertThat(audited).isEqualTo(12);
    }

    @Test
    void open_lists_of_the_point_hear_of_a_mark_after_commit_on_another_thread_and_not_of_a_refused_one() {
        var f = fixtures.edition(1, "KOK");
        long edition = f.edition().id();
        List<String> threads = new CopyOnWriteArrayList<>();
        var following = live.subscribe(AttendanceChanged.class, AttendanceChanged.key(edition, f.firstDay()),
                e -> threads.add(Thread.currentThread().getName()));
        var otherDay = new CopyOnWriteArrayList<AttendanceChanged>();
        var followingOther = live.subscribe(AttendanceChanged.class,
                AttendanceChanged.key(edition, CheckInPoint.ofDay(f.edition().endsOn())), otherDay::add);
        try {
            accounts.signIn(Role.ORGANISER);
            assertThatThrownBy(() -> attendance.mark(edition, f.firstDay(), accounts.create(Role.PARTICIPANT).accountId()))
                    .isInstanceOf(AttendanceRejectedException.class);
            attendance.mark(edition, f.firstDay(), f.people().getFirst().accountId());
            await().atMost(5, TimeUnit.SECONDS).until(() -> !threads.isEmpty());
            assertThat(threads).hasSize(1).allSatisfy(name -> assertThat(name)
                    .startsWith("live-").isNotEqualTo(Thread.currentThread().getName()));
            assertThat(otherDay).isEmpty();
        } finally {
            following.remove();
            followingOther.remove();
        }
    }

    @Test
    void erasing_an_account_deletes_its_marks_and_unlinks_the_marks_it_made_and_the_retention_purge_deletes_an_editions_marks() {
        var f = fixtures.edition(2, "KOK");
        long edition = f.edition().id();
        AccountPrincipal organiser = accounts.create(Role.ORGANISER);
        AccountFixtures.signIn(organiser);
        for (AccountPrincipal p : f.people()) {
            attendance.mark(edition, f.firstDay(), p.accountId());
        }
        AccountFixtures.signIn(f.people().getFirst());
        assertThat(new String(myData.exportMine(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"attendance\"").contains(f.firstDay().day().toString());
        myData.eraseMine();
        assertThat(marks(edition)).isEqualTo(1);

        AccountFixtures.signIn(organiser);
        myData.eraseMine();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attendance_mark WHERE edition_id = ? AND marked_by IS NULL")
                .param(edition).query(Long.class).single()).isEqualTo(1);

        AccountFixtures.signOut();
        int purged = transactions.execute(status -> personalData.purgeDetails(edition));
        assertThat(purged).isEqualTo(1);
        assertThat(marks(edition)).isZero();
    }

    @Test
    void check_in_points_keys_read_back_and_anything_else_is_no_point() {
        CheckInPoint day = CheckInPoint.ofDay(LocalDate.of(2026, 5, 12));
        CheckInPoint session = new CheckInPoint(LocalDate.of(2026, 5, 12), 41);
        assertThat(CheckInPoint.parse(day.key())).contains(day);
        assertThat(CheckInPoint.parse(session.key())).contains(session);
        for (String bad : new String[] {null, "", "x", "2026-02-30", "2026-05-12.", "2026-05-12.-1", "2026-05-12.99999999999999999999", "12.05.2026"}) {
            assertThat(CheckInPoint.parse(bad)).as(bad).isEmpty();
        }
    }

    private long marks(long editionId) {
        return jdbc.sql("SELECT COUNT(*) FROM attendance_mark WHERE edition_id = ?").param(editionId).query(Long.class).single();
    }
}
