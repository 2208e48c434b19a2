package org.ngoplatform.programme;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditEvent;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.edition.EditionSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SATURDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SUNDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.session;

@IntegrationTest
class ProgrammeServiceTest {

    @Autowired ProgrammeService programmes;
    @Autowired ProgrammeFixtures fixtures;
    @Autowired AccountFixtures accounts;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void an_organiser_adds_sessions_and_anyone_reads_them_in_order_by_day_in_the_editions_zone() {
        EditionSummary edition = fixtures.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        accounts.signIn(Role.ORGANISER);
        programmes.add(edition.id(), session(SessionKind.SOCIAL, "Dinner", "Restaurant", SPRING_SATURDAY.atTime(19, 0), SPRING_SATURDAY.atTime(22, 0)));
        programmes.add(edition.id(), session(SessionKind.PLENARY, "Opening", "Hall A", SPRING_SATURDAY.atTime(9, 0), SPRING_SATURDAY.atTime(10, 30)));
        programmes.add(edition.id(), session(SessionKind.BREAK, "Coffee", null, SPRING_SUNDAY.atTime(10, 30), SPRING_SUNDAY.atTime(11, 0)));

        AccountFixtures.signOut();
        Programme read = programmes.programme(edition.id()).orElseThrow();

        assertThat(read.zone()).isEqualTo(ZoneId.of("Europe/Vienna"));
        assertThat(read.sessions()).extracting(SessionSummary::title).containsExactly("Opening", "Dinner", "Coffee");
        assertThat(read.byDay()).containsOnlyKeys(SPRING_SATURDAY, SPRING_SUNDAY);
        assertThat(read.byDay().get(SPRING_SUNDAY)).extracting(SessionSummary::title).containsExactly("Coffee");
        // 09:00 in Vienna in March (CET, +01:00) is 08:00 UTC
        assertThat(read.sessions().getFirst().startsAt()).isEqualTo(Instant.parse("2027-03-27T08:00:00Z"));
    }

    @Test
    void times_are_stored_as_utc_instants_and_a_session_across_the_dst_switch_keeps_its_real_length() {
        EditionSummary edition = fixtures.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        accounts.signIn(Role.ORGANISER);
        SessionSummary night = programmes.add(edition.id(), session(SessionKind.SOCIAL, "Night walk", null,
                SPRING_SUNDAY.atTime(1, 30), SPRING_SUNDAY.atTime(3, 30)));

        // the column holds UTC wall-clock time: 01:30 CET = 00:30 UTC, 03:30 CEST = 01:30 UTC
        var stored = jdbc.sql("SELECT starts_at, ends_at FROM programme_session WHERE id = ?").param(night.id())
                .query((rs, n) -> List.of(rs.getObject(1, LocalDateTime.class), rs.getObject(2, LocalDateTime.class))).single();
        assertThat(stored).containsExactly(LocalDateTime.of(2027, 3, 28, 0, 30), LocalDateTime.of(2027, 3, 28, 1, 30));

        SessionSummary read = programmes.programme(edition.id()).orElseThrow().sessions().getFirst();
        ZoneId vienna = ZoneId.of("Europe/Vienna");
        assertThat(read.localStart(vienna)).isEqualTo(SPRING_SUNDAY.atTime(1, 30));
        assertThat(read.localEnd(vienna)).isEqualTo(SPRING_SUNDAY.atTime(3, 30));
        assertThat(java.time.Duration.between(read.startsAt(), read.endsAt())).hasHours(1);
    }

    @Test
    void a_clash_in_one_room_is_refused_naming_the_other_session_and_nothing_is_written() {
        EditionSummary edition = fixtures.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        accounts.signIn(Role.ORGANISER);
        SessionSummary opening = programmes.add(edition.id(), session(SessionKind.PLENARY, "Opening", "Hall A",
                SPRING_SATURDAY.atTime(9, 0), SPRING_SATURDAY.atTime(10, 30)));
        long audited = audit.count("PROGRAMME_SESSION_ADDED");

        assertThatThrownBy(() -> programmes.add(edition.id(), session(SessionKind.WORKSHOP_SLOT, "Workshops", "HALL A",
                SPRING_SATURDAY.atTime(10, 0), SPRING_SATURDAY.atTime(12, 0))))
                .isInstanceOfSatisfying(ProgrammeRejectedException.class, r -> {
                    assertThat(r.field()).isEqualTo("room");
                    assertThat(r.messageKey()).isEqualTo("programme.room.clash");
                    assertThat(r.clashWith().id()).isEqualTo(opening.id());
                    assertThat(r.clashWith().title()).isEqualTo("Opening");
                });

        assertThat(programmes.programme(edition.id()).orElseThrow().sessions()).extracting(SessionSummary::title).containsExactly("Opening");
        assertThat(audit.count("PROGRAMME_SESSION_ADDED")).isEqualTo(audited);
    }

    @Test
    void a_session_outside_the_editions_dates_or_ending_before_it_starts_is_refused() {
        EditionSummary edition = fixtures.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        accounts.signIn(Role.ORGANISER);

        assertThatThrownBy(() -> programmes.add(edition.id(), session(SessionKind.OTHER, "Arrival", null,
                SPRING_SATURDAY.minusDays(1).atTime(18, 0), SPRING_SATURDAY.minusDays(1).atTime(20, 0))))
                .isInstanceOfSatisfying(ProgrammeRejectedException.class, r -> assertThat(r.messageKey()).isEqualTo("programme.time.outside"));
        assertThatThrownBy(() -> programmes.add(edition.id(), session(SessionKind.OTHER, "Backwards", null,
                SPRING_SATURDAY.atTime(18, 0), SPRING_SATURDAY.atTime(17, 0))))
                .isInstanceOfSatisfying(ProgrammeRejectedException.class, r -> assertThat(r.messageKey()).isEqualTo("programme.time.order"));
        var tooLong = session(SessionKind.OTHER, "t".repeat(ProgrammeRules.TITLE_MAX + 1), null,
                SPRING_SATURDAY.atTime(9, 0), SPRING_SATURDAY.atTime(10, 0));
        assertThatThrownBy(() -> programmes.add(edition.id(), tooLong))
                .isInstanceOfSatisfying(ProgrammeRejectedException.class, r -> assertThat(r.field()).isEqualTo("title"));

        assertThat(programmes.programme(edition.id()).orElseThrow().sessions()).isEmpty();
    }

    @Test
    void every_change_raises_the_sequence_a_deleted_session_is_kept_as_cancelled_and_each_edit_is_audited() {
        EditionSummary edition = fixtures.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        accounts.signIn(Role.ORGANISER);
        SessionSummary s = programmes.add(edition.id(), session(SessionKind.PLENARY, "Opening", "Hall A",
                SPRING_SATURDAY.atTime(9, 0), SPRING_SATURDAY.atTime(10, 0)));
        assertThat(s.sequence()).isZero();

        SessionForm form = SessionForm.of(s, ZoneId.of("Europe/Vienna"));
        form.setEndsAt(SPRING_SATURDAY.atTime(10, 30));
        SessionSummary moved = programmes.update(s.id(), form);
        assertThat(moved.sequence()).isEqualTo(1);
        assertThat(moved.id()).isEqualTo(s.id());

        // saving without a change changes nothing a calendar sees
        SessionSummary same = programmes.update(s.id(), SessionForm.of(moved, ZoneId.of("Europe/Vienna")));
        assertThat(same.sequence()).isEqualTo(1);

        SessionSummary cancelled = programmes.cancel(s.id());
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.sequence()).isEqualTo(2);
        assertThat(programmes.programme(edition.id()).orElseThrow().sessions()).isEmpty();
        assertThatThrownBy(() -> programmes.update(s.id(), SessionForm.of(moved, ZoneId.of("Europe/Vienna"))))
                .isInstanceOf(AccessDeniedException.class);

        List<AuditEvent> events = audit.recent(null, 0, 50).stream()
                .filter(e -> e.getSubject() != null && e.getSubject().equals("edition:" + edition.id())).toList();
        assertThat(events).extracting(AuditEvent::getAction).contains("PROGRAMME_SESSION_ADDED",
                "PROGRAMME_SESSION_CHANGED", "PROGRAMME_SESSION_CANCELLED");
        assertThat(events).filteredOn(e -> e.getAction().equals("PROGRAMME_SESSION_CHANGED")).first()
                .extracting(AuditEvent::getDetails).asString().contains("Opening").contains("->");
    }

    @Test
    void a_change_made_meanwhile_by_someone_else_is_not_overwritten() {
        EditionSummary edition = fixtures.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        accounts.signIn(Role.ORGANISER);
        SessionSummary s = programmes.add(edition.id(), session(SessionKind.PLENARY, "Opening", "Hall A",
                SPRING_SATURDAY.atTime(9, 0), SPRING_SATURDAY.atTime(10, 0)));
        SessionForm mine = SessionForm.of(s, ZoneId.of("Europe/Vienna"));
        SessionForm theirs = SessionForm.of(s, ZoneId.of("Europe/Vienna"));
        theirs.setTitle("Opening plenary");
        programmes.update(s.id(), theirs);

        mine.setTitle("Welcome");
        assertThatThrownBy(() -> programmes.update(s.id(), mine)).isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(programmes.programme(edition.id()).orElseThrow().sessions().getFirst().title()).isEqualTo("Opening plenary");
    }

    @Test
    void a_draft_editions_programme_is_for_organisers_only() {
        EditionSummary draft = fixtures.vienna(SPRING_SATURDAY, SPRING_SUNDAY, false);
        accounts.signIn(Role.ORGANISER);
        programmes.add(draft.id(), session(SessionKind.PLENARY, "Secret", null, SPRING_SATURDAY.atTime(9, 0), SPRING_SATURDAY.atTime(10, 0)));
        assertThat(programmes.programme(draft.id())).isPresent();

        accounts.signIn(Role.PARTICIPANT);
        assertThat(programmes.programme(draft.id())).isEmpty();
        assertThat(programmes.calendar(draft.id())).isEmpty();
        AccountFixtures.signOut();
        assertThat(programmes.programme(draft.id())).isEmpty();
        assertThat(programmes.workshopSlots(draft.id())).isEmpty();
    }

    @Test
    void the_workshop_slots_of_an_edition_are_its_workshop_slot_sessions_not_cancelled_in_order() {
        EditionSummary edition = fixtures.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        accounts.signIn(Role.ORGANISER);
        programmes.add(edition.id(), session(SessionKind.WORKSHOP_SLOT, "Workshops II", null, SPRING_SUNDAY.atTime(9, 0), SPRING_SUNDAY.atTime(12, 0)));
        programmes.add(edition.id(), session(SessionKind.PLENARY, "Opening", null, SPRING_SATURDAY.atTime(9, 0), SPRING_SATURDAY.atTime(10, 0)));
        programmes.add(edition.id(), session(SessionKind.WORKSHOP_SLOT, "Workshops I", null, SPRING_SATURDAY.atTime(11, 0), SPRING_SATURDAY.atTime(13, 0)));
        SessionSummary dropped = programmes.add(edition.id(), session(SessionKind.WORKSHOP_SLOT, "Dropped", null,
                SPRING_SATURDAY.atTime(14, 0), SPRING_SATURDAY.atTime(15, 0)));
        programmes.cancel(dropped.id());

        AccountFixtures.signOut();
        assertThat(programmes.workshopSlots(edition.id())).extracting(SessionSummary::title).containsExactly("Workshops I", "Workshops II");
    }
}
