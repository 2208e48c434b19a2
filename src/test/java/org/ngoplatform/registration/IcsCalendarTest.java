package org.ngoplatform.registration;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class IcsCalendarTest {

    @Autowired RegistrationService registrations;
    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void calendar_of_a_confirmed_registration_parses_back_with_uid_tzid_and_summary() {
        EditionSummary edition = editions.open(1);
        accounts.signIn(Role.PARTICIPANT);
        MyRegistration mine = registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));

        CalendarFile file = registrations.calendar(mine.id());
        String ics = file.content();

        assertThat(file.fileName()).endsWith(".ics");
        assertThat(ics).contains("\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
        for (String physical : ics.split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        List<Map.Entry<String, String>> props = unfold(ics);
        Map<String, String> event = section(props, "VEVENT");
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(edition.startsOn());
        assertThat(event).containsEntry("UID", "registration-" + mine.id() + "@ngo-platform")
                .containsEntry("DTSTART;TZID=Europe/Tallinn", day + "T090000")
                .containsEntry("DTEND;TZID=Europe/Tallinn", DateTimeFormatter.BASIC_ISO_DATE.format(edition.endsOn()) + "T180000")
                .containsEntry("SUMMARY", "NGO Platform " + edition.city() + " " + edition.year())
                .containsEntry("URL", "http://localhost:8080/editions/" + edition.id());
        Map<String, String> zone = section(props, "VTIMEZONE");
        assertThat(zone).containsEntry("TZID", "Europe/Tallinn");
        assertThat(ics).contains("BEGIN:DAYLIGHT").contains("TZOFFSETTO:+0300").contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");

        // the same registration always gets the same UID
        assertThat(registrations.calendar(mine.id()).content()).contains("UID:registration-" + mine.id() + "@ngo-platform");
    }

    @Test
    void waiting_people_get_no_calendar_and_long_text_is_folded_and_escaped() {
        EditionSummary edition = editions.open(1);
        accounts.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
        accounts.signIn(Role.PARTICIPANT);
        MyRegistration waiting = registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
        assertThatThrownBy(() -> registrations.calendar(waiting.id())).isInstanceOf(RegistrationRejectedException.class);

        var out = new StringBuilder();
        String text = "Ülevaade; kohtumine, Tallinn\n" + "ž".repeat(80);
        IcsCalendar.line(out, "DESCRIPTION:" + IcsCalendar.escape(text));
        String[] lines = out.toString().split("\r\n");
        assertThat(lines.length).isGreaterThan(2);
        for (int i = 0; i < lines.length; i++) {
            assertThat(lines[i].getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            if (i > 0) assertThat(lines[i]).startsWith(" ");
        }
        String unfolded = out.toString().replace("\r\n ", "").strip();
        assertThat(unfolded).isEqualTo("DESCRIPTION:Ülevaade\\; kohtumine\\, Tallinn\\n" + "ž".repeat(80));
    }

    @Test
    void the_calendar_file_parses_back_through_ical4j_and_validates() throws Exception {
        EditionSummary edition = editions.open(1);
        accounts.signIn(Role.PARTICIPANT);
        MyRegistration mine = registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));

        Calendar parsed = new CalendarBuilder().build(new StringReader(registrations.calendar(mine.id()).content()));

        assertThat(parsed.<Property>getProperty("METHOD").map(Property::getValue)).contains("PUBLISH");
        // RFC 5545 rules; iTIP's (RFC 5546) would also want an ORGANIZER for METHOD:PUBLISH, which the file never had
        parsed.removeAll("METHOD");
        assertThat(parsed.validate().hasErrors()).as(parsed.validate().toString()).isFalse();
        VEvent event = parsed.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("registration-" + mine.id() + "@ngo-platform");
        assertThat(event.getSummary().getValue()).isEqualTo("NGO Platform " + edition.city() + " " + edition.year());
        assertThat(parsed.getComponent("VTIMEZONE")).isPresent();
    }

    /** RFC 5545 unfolding, then "NAME;PARAMS:VALUE" pairs in order. */
    static List<Map.Entry<String, String>> unfold(String ics) {
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String line : unfolded.split("\r\n")) {
            int colon = line.indexOf(':');
            out.add(Map.entry(line.substring(0, colon), line.substring(colon + 1)));
        }
        return out;
    }

    static Map<String, String> section(List<Map.Entry<String, String>> props, String name) {
        Map<String, String> result = new LinkedHashMap<>();
        boolean inside = false;
        for (var p : props) {
            if (p.getKey().equals("BEGIN") && p.getValue().equals(name)) inside = true;
            else if (p.getKey().equals("END") && p.getValue().equals(name)) break;
            else if (inside) result.putIfAbsent(p.getKey(), p.getValue());
        }
        return result;
    }
}
