package org.ngoplatform.registration;

import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.TestMail;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.mail.MailPersonalData;
import org.ngoplatform.mail.OutboxMailSummary;
import org.ngoplatform.programme.ProgrammeFixtures;
import org.ngoplatform.programme.SessionKind;
import org.ngoplatform.programme.SessionSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.ngoplatform.mail.OutboxTestSupport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 §1: a mail that gives a seat carries the edition's calendar as a {@code text/calendar} attachment, read
 * back here through ical4j (a parser we did not write) from what a real SMTP server (GreenMail) received; every
 * other mail stays plain text.
 */
@IntegrationTest
class RegistrationMailCalendarTest {

    @Autowired RegistrationService registrations;
    @Autowired MailOutbox outbox;
    @Autowired MailPersonalData personalData;
    @Autowired EditionFixtures editions;
    @Autowired ProgrammeFixtures programme;
    @Autowired AccountFixtures accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager txManager;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void the_confirmation_carries_the_programme_as_a_calendar_and_its_text_stays_in_the_registrants_language() throws Exception {
        EditionSummary edition = editions.open(5);
        var day = edition.startsOn();
        SessionSummary opening = programme.add(edition.id(), ProgrammeFixtures.session(SessionKind.PLENARY,
                "Opening plenary", "Hall A", day.atTime(9, 0), day.atTime(10, 30)));
        SessionSummary lunch = programme.add(edition.id(), ProgrammeFixtures.session(SessionKind.BREAK,
                "Lunch", null, day.atTime(12, 0), day.atTime(13, 0)));
        AccountPrincipal german = accounts.create(Role.PARTICIPANT);
        jdbc.update("update account set preferred_language = 'de' where id = ?", german.accountId());
        AccountFixtures.signIn(german);
        registrations.register(edition.id(), EditionFixtures.request("KOK", "Beraterin"));
        AccountFixtures.signOut();

        OutboxTestSupport.deliverDueTo(outbox, jdbc, german.getUsername());

        MimeMessage mail = TestMail.onlyTo(german.getUsername());
        assertThat(mail.getSubject()).isEqualTo("NGO Platform " + edition.title() + ": Ihr Platz ist bestätigt");
        assertThat(TestMail.text(mail)).startsWith("Guten Tag ").contains("Ihre Anmeldung zur NGO Platform " + edition.title());
        List<TestMail.Attachment> files = TestMail.attachments(mail);
        assertThat(files).hasSize(1);
        TestMail.Attachment file = files.getFirst();
        assertThat(file.contentType()).startsWith("text/calendar").containsIgnoringCase("charset=UTF-8");
        assertThat(file.fileName()).startsWith("programme-").endsWith("-" + edition.year() + ".ics");

        Calendar calendar = new CalendarBuilder().build(new StringReader(file.content()));
        calendar.removeAll("METHOD"); // RFC 5546 would want an ORGANIZER for PUBLISH; RFC 5545 is what we promise
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        assertThat(calendar.<VEvent>getComponents("VEVENT")).extracting(e -> e.getUid().orElseThrow().getValue())
                .containsExactlyInAnyOrder("programme-session-" + opening.id() + "@ngo-platform",
                        "programme-session-" + lunch.id() + "@ngo-platform");
        assertThat(calendar.<VEvent>getComponents("VEVENT")).extracting(e -> e.getSummary().getValue())
                .containsExactlyInAnyOrder("Opening plenary", "Lunch");
    }

    @Test
    void without_a_programme_the_seat_mails_carry_the_edition_as_one_event_and_the_other_mails_stay_plain() throws Exception {
        EditionSummary edition = editions.open(1);
        AccountPrincipal first = accounts.signIn(Role.PARTICIPANT);
        MyRegistration seat = registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
        AccountPrincipal second = accounts.signIn(Role.PARTICIPANT);
        MyRegistration waiting = registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
        AccountFixtures.signIn(first);
        registrations.cancel(seat.id());
        AccountFixtures.signOut();

        OutboxTestSupport.deliverDueTo(outbox, jdbc, first.getUsername(), second.getUsername());

        MimeMessage confirmed = TestMail.aboutTo(first.getUsername(), "your seat is confirmed");
        assertThat(TestMail.text(confirmed)).startsWith("Dear ").contains("is confirmed");
        assertThat(eventUids(confirmed)).containsExactly("registration-" + seat.id() + "@ngo-platform");
        MimeMessage promoted = TestMail.aboutTo(second.getUsername(), "a seat is now yours");
        assertThat(eventUids(promoted)).containsExactly("registration-" + waiting.id() + "@ngo-platform");
        assertThat(TestMail.attachments(promoted).getFirst().fileName()).startsWith("ngo-platform-").endsWith(".ics");

        // the waiting-list and cancellation mails are single-part plain text, as before
        for (MimeMessage plain : List.of(TestMail.aboutTo(second.getUsername(), "waiting list"), TestMail.aboutTo(first.getUsername(), "cancelled"))) {
            assertThat(plain.getContent()).isInstanceOf(String.class);
            assertThat(plain.getContentType()).startsWith("text/plain");
            assertThat(TestMail.attachments(plain)).isEmpty();
        }
    }

    @Test
    void the_outbox_keeps_the_calendar_in_the_row_shows_organisers_only_the_text_and_erasure_takes_both() {
        EditionSummary edition = editions.open(3);
        AccountPrincipal p = accounts.signIn(Role.PARTICIPANT);
        MyRegistration mine = registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
        AccountFixtures.signOut();

        Map<String, Object> row = jdbc.queryForMap("select id, body, attachment_name, attachment_type, attachment_content"
                + " from mail_outbox where recipient = ?", p.getUsername());
        assertThat(row.get("attachment_type")).isEqualTo("text/calendar");
        assertThat((String) row.get("attachment_name")).endsWith(".ics");
        assertThat((String) row.get("attachment_content")).contains("UID:registration-" + mine.id() + "@ngo-platform");
        assertThat((String) row.get("body")).doesNotContain("BEGIN:VCALENDAR");

        long id = ((Number) row.get("id")).longValue();
        OutboxMailSummary listed = editions.asOrganiser(() -> outbox.page(0, 200)).stream()
                .filter(m -> m.id() == id).findFirst().orElseThrow();
        assertThat(listed.body()).isEqualTo(row.get("body"));

        accounts.signIn(Role.ORGANISER);
        int erased = new TransactionTemplate(txManager).execute(s -> personalData.eraseAllTo(p.getUsername()));
        AccountFixtures.signOut();
        assertThat(erased).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where id = ?", Integer.class, id)).isZero();
    }

    private static List<String> eventUids(MimeMessage m) throws Exception {
        List<TestMail.Attachment> files = TestMail.attachments(m);
        assertThat(files).hasSize(1);
        assertThat(files.getFirst().contentType()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(files.getFirst().content()));
        return calendar.<VEvent>getComponents("VEVENT").stream().map(e -> e.getUid().orElseThrow().getValue()).toList();
    }
}
