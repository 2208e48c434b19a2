package org.ngoplatform.attendance;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditEvent;
import org.ngoplatform.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AttendanceCertificateServiceTest {

    static final String TRICKY_NAME = "Ana <w:p/> {0} & ${name}";

    @Autowired AttendanceService attendance;
    @Autowired AttendanceCertificateService certificates;
    @Autowired AttendanceFixtures fixtures;
    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;
    @Autowired AuditLog audit;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void a_participant_checked_in_gets_their_certificate_once_the_edition_is_over_with_their_name_written_literally() throws Exception {
        var f = fixtures.edition(2, "La Strada");
        long edition = f.edition().id();
        AccountPrincipal anna = f.people().get(0);
        AccountPrincipal absent = f.people().get(1);
        jdbc.update("update account set display_name = ? where id = ?", TRICKY_NAME, anna.accountId());
        accounts.signIn(Role.ORGANISER);
        attendance.mark(edition, CheckInPoint.ofDay(f.edition().startsOn()), anna.accountId());
        attendance.mark(edition, CheckInPoint.ofDay(f.edition().endsOn()), anna.accountId());

        AccountFixtures.signIn(anna);
        assertThat(certificates.myAttendedDays(edition)).as("before the edition ended").isEmpty();
        assertThat(certificates.myCertificate(edition, Locale.ENGLISH)).isEmpty();

        var past = editions.moveToPast(edition); // the marks stay on the days they were made
        jdbc.update("update attendance_mark set point_day = date_sub(point_day, interval 70 day) where edition_id = ?", edition);
        AccountFixtures.signIn(anna);
        assertThat(certificates.myAttendedDays(edition)).hasSize(2);
        CertificateFile file = certificates.myCertificate(edition, Locale.ENGLISH).orElseThrow();
        assertThat(file.fileName()).endsWith(".docx");
        String text;
        try (var doc = new XWPFDocument(new ByteArrayInputStream(file.content())); var extractor = new XWPFWordExtractor(doc)) {
            text = extractor.getText();
        }
        assertThat(text).contains("Certificate of attendance").contains(TRICKY_NAME).contains("La Strada")
                .contains("attended the NGO Platform " + past.title()).contains("present on 2 days");

        String german;
        try (var doc = new XWPFDocument(new ByteArrayInputStream(certificates.myCertificate(edition, Locale.GERMAN).orElseThrow().content()));
             var extractor = new XWPFWordExtractor(doc)) {
            german = extractor.getText();
        }
        assertThat(german).contains("Teilnahmebescheinigung").contains("an 2 Tagen anwesend");

        AccountFixtures.signIn(absent);
        assertThat(certificates.myCertificate(edition, Locale.ENGLISH)).as("never checked in").isEmpty();

        accounts.signIn(Role.ORGANISER);
        assertThat(audit.forSubject("account:" + anna.accountId())).extracting(AuditEvent::getAction)
                .filteredOn("ATTENDANCE_CERTIFICATE_ISSUED"::equals).hasSize(2); // the English and the German one
        assertThat(audit.forSubject("account:" + absent.accountId())).extracting(AuditEvent::getAction)
                .doesNotContain("ATTENDANCE_CERTIFICATE_ISSUED");
    }
}
