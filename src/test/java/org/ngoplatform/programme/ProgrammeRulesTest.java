package org.ngoplatform.programme;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The programme's rules on their own: no database, no clock. */
class ProgrammeRulesTest {

    static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    /** 2027: clocks go forward on Sunday 28 March (02:00 -> 03:00) and back on Sunday 31 October (03:00 -> 02:00). */
    static final ProgrammeRules.Window SPRING = new ProgrammeRules.Window(VIENNA, LocalDate.of(2027, 3, 27), LocalDate.of(2027, 3, 28));
    static final ProgrammeRules.Window AUTUMN = new ProgrammeRules.Window(VIENNA, LocalDate.of(2027, 10, 30), LocalDate.of(2027, 10, 31));

    static SessionForm form(String title, String room, LocalDateTime start, LocalDateTime end) {
        var f = new SessionForm();
        f.setKind(SessionKind.WORKSHOP_SLOT);
        f.setTitle(title);
        f.setRoom(room);
        f.setStartsAt(start);
        f.setEndsAt(end);
        return f;
    }

    static SessionSummary existing(long id, String title, String room, LocalDateTime start, LocalDateTime end, boolean cancelled) {
        return new SessionSummary(id, 1, SessionKind.PLENARY, title, null, null, room,
                start.atZone(VIENNA).toInstant(), end.atZone(VIENNA).toInstant(), cancelled, 0, Instant.EPOCH, 0);
    }

    static LocalDateTime at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2027, month, day, hour, minute);
    }

    static Optional<ProgrammeRejectedException> broken(SessionForm form, ProgrammeRules.Window w, SessionSummary... others) {
        return ProgrammeRules.firstBroken(null, form, w, List.of(others));
    }

    @Test
    void a_session_in_a_room_that_is_taken_is_refused_naming_the_other_session() {
        var opening = existing(7, "Opening plenary", "Hall A", at(3, 27, 9, 0), at(3, 27, 10, 30), false);

        var refusal = broken(form("Workshop 1", " hall a ", at(3, 27, 10, 0), at(3, 27, 11, 0)), SPRING, opening);

        assertThat(refusal).isPresent();
        assertThat(refusal.get().field()).isEqualTo("room");
        assertThat(refusal.get().messageKey()).isEqualTo("programme.room.clash");
        assertThat(refusal.get().clashWith()).isEqualTo(opening);
    }

    @Test
    void touching_sessions_another_room_no_room_and_cancelled_sessions_do_not_clash() {
        var opening = existing(7, "Opening plenary", "Hall A", at(3, 27, 9, 0), at(3, 27, 10, 30), false);
        var cancelled = existing(8, "Cancelled talk", "Hall B", at(3, 27, 10, 0), at(3, 27, 12, 0), true);

        assertThat(broken(form("Right after", "Hall A", at(3, 27, 10, 30), at(3, 27, 11, 0)), SPRING, opening, cancelled)).isEmpty();
        assertThat(broken(form("Elsewhere", "Hall C", at(3, 27, 9, 0), at(3, 27, 10, 0)), SPRING, opening, cancelled)).isEmpty();
        assertThat(broken(form("Coffee", "", at(3, 27, 9, 0), at(3, 27, 10, 0)), SPRING, opening, cancelled)).isEmpty();
        assertThat(broken(form("Where the cancelled was", "Hall B", at(3, 27, 10, 0), at(3, 27, 11, 0)), SPRING, opening, cancelled)).isEmpty();
    }

    @Test
    void a_session_does_not_clash_with_itself_when_it_is_edited() {
        var opening = existing(7, "Opening plenary", "Hall A", at(3, 27, 9, 0), at(3, 27, 10, 30), false);

        assertThat(ProgrammeRules.firstBroken(7L, form("Opening plenary", "Hall A", at(3, 27, 9, 0), at(3, 27, 11, 0)),
                SPRING, List.of(opening))).isEmpty();
    }

    @Test
    void sessions_outside_the_editions_days_are_refused() {
        assertThat(broken(form("Too early", "", at(3, 26, 23, 0), at(3, 27, 1, 0)), SPRING))
                .get().extracting(ProgrammeRejectedException::field, ProgrammeRejectedException::messageKey)
                .containsExactly("startsAt", "programme.time.outside");
        assertThat(broken(form("Too late", "", at(3, 28, 23, 0), at(3, 29, 1, 0)), SPRING))
                .get().extracting(ProgrammeRejectedException::field, ProgrammeRejectedException::messageKey)
                .containsExactly("endsAt", "programme.time.outside");
        assertThat(broken(form("Next day", "", at(3, 29, 9, 0), at(3, 29, 10, 0)), SPRING))
                .get().extracting(ProgrammeRejectedException::messageKey).isEqualTo("programme.time.outside");
        // up to midnight of the last day is inside
        assertThat(broken(form("Party", "", at(3, 28, 22, 0), at(3, 29, 0, 0)), SPRING)).isEmpty();
    }

    @Test
    void the_end_must_be_after_the_start() {
        assertThat(broken(form("Backwards", "", at(3, 27, 10, 0), at(3, 27, 9, 0)), SPRING))
                .get().extracting(ProgrammeRejectedException::field, ProgrammeRejectedException::messageKey)
                .containsExactly("endsAt", "programme.time.order");
        assertThat(broken(form("Zero", "", at(3, 27, 10, 0), at(3, 27, 10, 0)), SPRING))
                .get().extracting(ProgrammeRejectedException::messageKey).isEqualTo("programme.time.order");
    }

    @Test
    void a_session_across_the_spring_forward_switch_lasts_its_real_length() {
        // 01:30 to 03:30 local on 28 March 2027 in Vienna: 01:30 CET = 00:30Z, 03:30 CEST = 01:30Z, one hour
        ProgrammeRules.Times times = ProgrammeRules.check(null, form("Night walk", "", at(3, 28, 1, 30), at(3, 28, 3, 30)),
                SPRING, List.of());

        assertThat(times.start()).isEqualTo(Instant.parse("2027-03-28T00:30:00Z"));
        assertThat(times.end()).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
        assertThat(Duration.between(times.start(), times.end())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_time_the_clocks_skip_is_refused_and_a_time_that_occurs_twice_is_read_as_summer_time() {
        assertThat(broken(form("In the gap", "", at(3, 28, 2, 30), at(3, 28, 4, 0)), SPRING))
                .get().extracting(ProgrammeRejectedException::field, ProgrammeRejectedException::messageKey)
                .containsExactly("startsAt", "programme.time.skipped");

        // 02:30 on 31 October 2027 happens twice; the earlier one (CEST, +02:00) is meant
        ProgrammeRules.Times times = ProgrammeRules.check(null, form("Late", "", at(10, 31, 2, 30), at(10, 31, 3, 30)),
                AUTUMN, List.of());
        assertThat(times.start()).isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
        assertThat(Duration.between(times.start(), times.end())).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void clashes_are_found_between_instants_across_the_switch() {
        // 01:00-02:00 CET is 00:00Z-01:00Z; 03:00-04:00 CEST is 01:00Z-02:00Z: they touch, they do not overlap
        var before = existing(1, "Before", "Hall A", at(3, 28, 1, 0), at(3, 28, 2, 0), false);
        assertThat(broken(form("After", "Hall A", at(3, 28, 3, 0), at(3, 28, 4, 0)), SPRING, before)).isEmpty();
        assertThat(broken(form("Overlap", "Hall A", at(3, 28, 1, 30), at(3, 28, 3, 15)), SPRING, before))
                .get().extracting(ProgrammeRejectedException::messageKey).isEqualTo("programme.room.clash");
    }

    @Test
    void texts_over_their_limits_or_with_control_characters_and_missing_fields_are_refused() {
        var ok = form("Fine", "Hall", at(3, 27, 9, 0), at(3, 27, 10, 0));
        ok.setTitle("x".repeat(ProgrammeRules.TITLE_MAX + 1));
        assertThat(broken(ok, SPRING).get().field()).isEqualTo("title");
        assertThat(broken(ok, SPRING).get().messageKey()).isEqualTo("validation.too-long");

        var room = form("Fine", "r".repeat(ProgrammeRules.ROOM_MAX + 1), at(3, 27, 9, 0), at(3, 27, 10, 0));
        assertThat(broken(room, SPRING).get().field()).isEqualTo("room");
        var speakers = form("Fine", "Hall", at(3, 27, 9, 0), at(3, 27, 10, 0));
        speakers.setSpeakers("Anna\u202EKovac");
        assertThat(broken(speakers, SPRING).get()).extracting(ProgrammeRejectedException::field, ProgrammeRejectedException::messageKey)
                .containsExactly("speakers", "validation.control-characters");
        var description = form("Fine", "Hall", at(3, 27, 9, 0), at(3, 27, 10, 0));
        description.setDescription("d".repeat(ProgrammeRules.DESCRIPTION_MAX + 1));
        assertThat(broken(description, SPRING).get().field()).isEqualTo("description");
        description.setDescription("Line one\nline two");
        assertThat(broken(description, SPRING)).isEmpty();

        assertThat(broken(form(" ", "Hall", at(3, 27, 9, 0), at(3, 27, 10, 0)), SPRING).get().field()).isEqualTo("title");
        assertThat(broken(form("No start", "Hall", null, at(3, 27, 10, 0)), SPRING).get().field()).isEqualTo("startsAt");
        var noKind = form("No kind", "Hall", at(3, 27, 9, 0), at(3, 27, 10, 0));
        noKind.setKind(null);
        assertThat(broken(noKind, SPRING).get().field()).isEqualTo("kind");
    }

    @Test
    void an_edition_without_dates_has_no_programme_yet() {
        var undated = new ProgrammeRules.Window(VIENNA, null, null);
        assertThat(broken(form("Any", "", at(3, 27, 9, 0), at(3, 27, 10, 0)), undated).get().messageKey())
                .isEqualTo("programme.edition.no-dates");
    }

    @Test
    void check_throws_the_first_broken_rule() {
        assertThatThrownBy(() -> ProgrammeRules.check(null, form("Backwards", "", at(3, 27, 10, 0), at(3, 27, 9, 0)), SPRING, List.of()))
                .isInstanceOf(ProgrammeRejectedException.class).hasMessageContaining("programme.time.order");
    }
}
