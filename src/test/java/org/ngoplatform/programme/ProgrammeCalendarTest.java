package org.ngoplatform.programme;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SATURDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SUNDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.session;

/** The programme's .ics, parsed back through ical4j (a parser we did not write) and checked against the database. */
@IntegrationTest
class ProgrammeCalendarTest {

    static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

    @Autowired ProgrammeService programmes;
    @Autowired ProgrammeFixtures fixtures;
    @Autowired AccountFixtures accounts;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static Map<String, VEvent> byUid(Calendar calendar) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .collect(Collectors.toMap(e -> e.getUid().orElseThrow().getValue(), Function.identity()));
    }

    static String value(VEvent event, String property) {
        return event.<Property>getProperty(property).orElseThrow().getValue();
    }

    @SuppressWarnings("unchecked")
    static Instant instant(VEvent event, String property) {
        Temporal date = event.<DateProperty<Temporal>>getProperty(property).orElseThrow().getDate();
        return Instant.from(date);
    }

    @Test
    void the_whole_programme_parses_back_valid_with_the_zone_and_the_same_instants_across_the_dst_switch() throws Exception {
        EditionSummary edition = fixtures.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        accounts.signIn(Role.ORGANISER);
        SessionSummary opening = programmes.add(edition.id(), session(SessionKind.PLENARY, "Opening; welcome, all", "Hall A",
                SPRING_SATURDAY.atTime(9, 0), SPRING_SATURDAY.atTime(10, 30)));
        var walkForm = session(SessionKind.SOCIAL, "Night walk \u2013 Ringstra\u00dfe", null, SPRING_SUNDAY.atTime(1, 30), SPRING_SUNDAY.atTime(3, 30));
        walkForm.setSpeakers("Anna Kovac, Jonas Berg");
        walkForm.setDescription("Meet at the hotel.\nBring a torch. " + "\u0416".repeat(60));
        SessionSummary walk = programmes.add(edition.id(), walkForm);
        AccountFixtures.signOut();

        ProgrammeCalendarFile file = programmes.calendar(edition.id()).orElseThrow();
        assertThat(file.fileName()).startsWith("programme-").endsWith("-2027.ics");
        for (String physical : file.content().split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }

        Calendar parsed = parse(file.content());
        parsed.removeAll("METHOD"); // RFC 5546 would want an ORGANIZER for PUBLISH; RFC 5545 is what we promise
        assertThat(parsed.validate().hasErrors()).as(parsed.validate().toString()).isFalse();
        assertThat(parsed.getComponent("VTIMEZONE")).isPresent();
        Map<String, VEvent> events = byUid(parsed);
        assertThat(events).containsOnlyKeys("programme-session-" + opening.id() + "@ngo-platform",
                "programme-session-" + walk.id() + "@ngo-platform");

        VEvent o = events.get(ProgrammeCalendar.uid(opening.id()));
        assertThat(o.getSummary().getValue()).isEqualTo("Opening; welcome, all");
        assertThat(o.<Property>getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Vienna");
        assertThat(instant(o, "DTSTART")).isEqualTo(opening.startsAt()).isEqualTo(Instant.parse("2027-03-27T08:00:00Z"));
        assertThat(value(o, "LOCATION")).startsWith("Hall A, ");

        // read through the file's own VTIMEZONE, the walk starts in winter time and ends in summer time: one hour
        VEvent w = events.get(ProgrammeCalendar.uid(walk.id()));
        assertThat(instant(w, "DTSTART")).isEqualTo(Instant.parse("2027-03-28T00:30:00Z")).isEqualTo(walk.startsAt());
        assertThat(instant(w, "DTEND")).isEqualTo(Instant.parse("2027-03-28T01:30:00Z")).isEqualTo(walk.endsAt());
        assertThat(value(w, "DESCRIPTION")).contains("Anna Kovac, Jonas Berg").contains("Bring a torch.");
        assertThat(value(w, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(value(w, "SEQUENCE")).isEqualTo("0");
    }

    @Test
    void a_changed_session_keeps_its_uid_with_a_higher_sequence_and_a_deleted_one_comes_back_cancelled() throws Exception {
        EditionSummary edition = fixtures.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        accounts.signIn(Role.ORGANISER);
        SessionSummary s = programmes.add(edition.id(), session(SessionKind.WORKSHOP_SLOT, "Workshops", "Room 1",
                SPRING_SATURDAY.atTime(11, 0), SPRING_SATURDAY.atTime(12, 0)));
        SessionSummary other = programmes.add(edition.id(), session(SessionKind.BREAK, "Lunch", null,
                SPRING_SATURDAY.atTime(12, 0), SPRING_SATURDAY.atTime(13, 0)));
        String uid = ProgrammeCalendar.uid(s.id());
        VEvent before = byUid(parse(programmes.calendar(edition.id()).orElseThrow().content())).get(uid);

        SessionForm later = SessionForm.of(s, VIENNA);
        later.setStartsAt(SPRING_SATURDAY.atTime(14, 0));
        later.setEndsAt(SPRING_SATURDAY.atTime(15, 30));
        programmes.update(s.id(), later);
        VEvent moved = byUid(parse(programmes.calendar(edition.id()).orElseThrow().content())).get(uid);

        programmes.cancel(s.id());
        Map<String, VEvent> after = byUid(parse(programmes.calendar(edition.id()).orElseThrow().content()));
        VEvent cancelled = after.get(uid);

        assertThat(List.of(value(before, "SEQUENCE"), value(moved, "SEQUENCE"), value(cancelled, "SEQUENCE")))
                .containsExactly("0", "1", "2");
        assertThat(instant(moved, "DTSTART")).isEqualTo(SPRING_SATURDAY.atTime(14, 0).atZone(VIENNA).toInstant());
        assertThat(value(cancelled, "STATUS")).isEqualTo("CANCELLED");
        assertThat(value(after.get(ProgrammeCalendar.uid(other.id())), "STATUS")).isEqualTo("CONFIRMED");
        assertThat(value(after.get(ProgrammeCalendar.uid(other.id())), "SEQUENCE")).isEqualTo("0");
    }

    @Test
    void one_sessions_calendar_carries_the_same_uid_as_in_the_whole_programme_and_drafts_give_none() throws Exception {
        EditionSummary edition = fixtures.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        EditionSummary draft = fixtures.vienna(SPRING_SATURDAY, SPRING_SUNDAY, false);
        accounts.signIn(Role.ORGANISER);
        SessionSummary s = programmes.add(edition.id(), session(SessionKind.PLENARY, "Closing", "Hall A",
                SPRING_SUNDAY.atTime(16, 0), SPRING_SUNDAY.atTime(17, 0)));
        SessionSummary hidden = programmes.add(draft.id(), session(SessionKind.PLENARY, "Hidden", null,
                SPRING_SUNDAY.atTime(16, 0), SPRING_SUNDAY.atTime(17, 0)));
        AccountFixtures.signOut();

        Calendar one = parse(programmes.sessionCalendar(s.id()).orElseThrow().content());
        assertThat(byUid(one)).containsOnlyKeys(ProgrammeCalendar.uid(s.id()));
        assertThat(instant(byUid(one).get(ProgrammeCalendar.uid(s.id())), "DTSTART"))
                .isEqualTo(Instant.parse("2027-03-28T14:00:00Z")); // 16:00 CEST, after the switch
        assertThat(programmes.sessionCalendar(hidden.id())).isEmpty();
        assertThat(programmes.sessionCalendar(Long.MAX_VALUE)).isEmpty();
    }
}
