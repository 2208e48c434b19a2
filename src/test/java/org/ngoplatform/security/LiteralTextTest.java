package org.ngoplatform.security;

import jakarta.mail.internet.MimeMessage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.TestMail;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.AccountService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.ngoplatform.account.PasswordResetService;
import org.ngoplatform.account.Role;
import org.ngoplatform.account.SignUpRequest;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.edition.EditionForm;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionStatus;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.audit.AuditLogExport;
import org.ngoplatform.export.CsvWriter;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportState;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.registration.ParticipantExportService;
import org.ngoplatform.registration.RegistrationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.ngoplatform.mail.OutboxTestSupport;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7 ("trust"): text a person typed that looks like markup or a spreadsheet formula comes out exactly as typed
 * in the participant workbook, the audit-log workbook and CSV, and the mails; nothing is interpreted on the way.
 */
@IntegrationTest
class LiteralTextTest {

    static final String SCRIPT = "<script>alert('x')</script>";
    static final String FORMULA = "=HYPERLINK(\"http://evil\",\"x\")";

    @Autowired AccountService accountService;
    @Autowired UserDetailsService userDetails;
    @Autowired PasswordResetService resets;
    @Autowired AccountFixtures fixtures;
    @Autowired EditionFixtures editionFixtures;
    @Autowired EditionService editions;
    @Autowired RegistrationService registrations;
    @Autowired ParticipantExportService participantExport;
    @Autowired ExportService exports;
    @Autowired AuditLog auditLog;
    @Autowired AuditLogExport auditExport;
    @Autowired MailOutbox outbox;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    // ------------------------------------------------------------------ participant workbook

    @Test
    void hostile_name_organisation_and_job_title_are_string_cells_with_exactly_that_text_in_the_participant_workbook()
            throws Exception {
        EditionSummary edition = editionFixtures.open(10);
        AccountPrincipal scripted = signUp(SCRIPT);
        AccountFixtures.signIn(scripted);
        registrations.register(edition.id(), EditionFixtures.request(FORMULA, SCRIPT));
        AccountPrincipal formula = signUp(FORMULA);
        AccountFixtures.signIn(formula);
        registrations.register(edition.id(), EditionFixtures.request(SCRIPT, FORMULA));

        fixtures.signIn(Role.ORGANISER);
        try (XSSFWorkbook workbook = participantWorkbook(edition.id())) {
            Sheet sheet = workbook.getSheet("Participants");
            assertThat(texts(sheet.getRow(0))).startsWith("Status", "Waiting position", "Name", "Email", "Organisation",
                    "Country", "Role / job title");
            Row first = rowWithEmail(sheet, scripted.getUsername());
            assertLiteral(first.getCell(2), SCRIPT);
            assertLiteral(first.getCell(4), FORMULA);
            assertLiteral(first.getCell(6), SCRIPT);
            Row second = rowWithEmail(sheet, formula.getUsername());
            assertLiteral(second.getCell(2), FORMULA);
            assertLiteral(second.getCell(4), SCRIPT);
            assertLiteral(second.getCell(6), FORMULA);
            for (Sheet any : workbook) {
                for (Row row : any) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("%s!%s", any.getSheetName(), cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ audit log: workbook and CSV

    @Test
    void hostile_audit_subject_and_details_are_string_cells_with_exactly_that_text_in_the_audit_log_export()
            throws Exception {
        fixtures.signIn(Role.ORGANISER);
        String action = "T-" + UUID.randomUUID().toString().substring(0, 20);
        auditLog.record(action, SCRIPT, FORMULA);
        auditLog.record(action, FORMULA, SCRIPT);

        ExportStatus status = await(auditExport.start(action));
        try (InputStream in = Files.newInputStream(exports.download(status.jobId()).path());
             var workbook = new XSSFWorkbook(in)) {
            Sheet events = workbook.getSheet("Audit log");
            assertThat(events.getLastRowNum()).isEqualTo(2);
            // newest first
            assertLiteral(events.getRow(1).getCell(4), FORMULA);
            assertLiteral(events.getRow(1).getCell(5), SCRIPT);
            assertLiteral(events.getRow(2).getCell(4), SCRIPT);
            assertLiteral(events.getRow(2).getCell(5), FORMULA);
            assertLiteral(workbook.getSheet("About").getRow(4).getCell(1), action);
        }
    }

    /**
     * The documented CSV behaviour ({@link CsvWriter}): text starting with {@code = + - @}, a tab or a carriage
     * return gets one leading apostrophe, so a spreadsheet shows it instead of evaluating it; fields holding a comma,
     * quote or line break are quoted with quotes doubled (RFC 4180); markup is written unchanged.
     */
    @Test
    void csv_writes_markup_unchanged_and_defuses_formula_like_text_with_one_apostrophe() throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(bytes)) {
            csv.header(List.of("Subject", "Details"));
            csv.row(SCRIPT, FORMULA);
            csv.row("+1", "@SUM(A1)");
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\uFEFFSubject,Details\r\n"
                + "<script>alert('x')</script>,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\r\n"
                + "'+1,'@SUM(A1)\r\n");
        assertThat(CsvWriter.neutralise(FORMULA)).isEqualTo("'" + FORMULA);
        assertThat(CsvWriter.neutralise(SCRIPT)).isEqualTo(SCRIPT);
    }

    // ------------------------------------------------------------------ mails

    @Test
    void registration_mails_carry_the_name_and_edition_title_literally_as_plain_text() throws Exception {
        EditionSummary edition = hostileEdition();
        assertThat(edition.title()).startsWith(SCRIPT);
        AccountPrincipal scripted = signUp(SCRIPT);
        AccountFixtures.signIn(scripted);
        registrations.register(edition.id(), EditionFixtures.request(FORMULA, SCRIPT));
        AccountPrincipal formula = signUp(FORMULA);
        AccountFixtures.signIn(formula);
        registrations.register(edition.id(), EditionFixtures.request(SCRIPT, FORMULA));
        AccountFixtures.signOut();

        OutboxTestSupport.deliverDueTo(outbox, jdbc, scripted.getUsername(), formula.getUsername());

        String subject = "NGO Platform " + edition.title() + ": your seat is confirmed";
        MimeMessage toScripted = single(scripted.getUsername(), subject);
        assertPlainText(toScripted);
        assertThat(body(toScripted)).startsWith("Dear " + SCRIPT + ",\n\nyour registration for the NGO Platform "
                + edition.title() + " (").isEqualTo(queuedBody(scripted.getUsername(), subject));
        MimeMessage toFormula = single(formula.getUsername(), subject);
        assertPlainText(toFormula);
        assertThat(body(toFormula)).startsWith("Dear " + FORMULA + ",\n\n")
                .isEqualTo(queuedBody(formula.getUsername(), subject));
    }

    /** A line break in text that goes into a mail header cannot add headers (e.g. a Bcc to someone else). */
    @Test
    void a_line_break_in_the_edition_city_cannot_inject_mail_headers() throws Exception {
        String evil = "evil-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String city = "Tallinn\r\nBcc: " + evil + "\r\nX-Injected: yes";
        EditionSummary edition = editionFixtures.asOrganiser(() -> {
            EditionForm form = EditionFixtures.form(10, LocalDateTime.now().minusDays(1), LocalDateTime.now().plusDays(30));
            form.setCity(city);
            return editions.changeStatus(editions.create(form).id(), EditionStatus.OPEN);
        });
        AccountPrincipal person = fixtures.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
        AccountFixtures.signOut();

        OutboxTestSupport.deliverDueTo(outbox, jdbc, person.getUsername());

        String subject = "NGO Platform Tallinn Bcc: " + evil + " X-Injected: yes " + edition.year()
                + ": your seat is confirmed";
        MimeMessage mail = single(person.getUsername(), subject);
        assertThat(mail.getHeader("X-Injected")).isNull();
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString)).containsExactly(person.getUsername());
        assertThat(Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(evil));
            } catch (Exception e) {
                return false;
            }
        })).isEmpty();
        // the outbox keeps the subject as composed; the mail library writes it on one header line
        assertThat(queuedBody(person.getUsername(), "NGO Platform " + city + " " + edition.year()
                + ": your seat is confirmed")).contains(city);
    }

    @Test
    void account_mails_carry_a_hostile_display_name_literally_as_plain_text() throws Exception {
        for (String name : List.of(SCRIPT, FORMULA)) {
            AccountPrincipal person = signUp(name);
            AccountFixtures.signOut();
            // someone signs up again with the same email: the owner is told, by name
            assertThat(accountService.signUp(signUpRequest(person.getUsername(), "Somebody else"))).isEmpty();
            resets.requestReset(person.getUsername(), "203.0.113." + (1 + (int) (Math.random() * 250)));
            OutboxTestSupport.deliverDueTo(outbox, jdbc, person.getUsername());

            String welcome = "NGO Platform: your account is ready";
            String exists = "NGO Platform: someone tried to create an account with your email";
            String reset = "NGO Platform: choose a new password";
            for (String subject : List.of(exists, reset)) {
                MimeMessage mail = single(person.getUsername(), subject);
                assertPlainText(mail);
                assertThat(body(mail)).as(subject).startsWith("Hello " + name + ",\n\n");
            }
            // the welcome mail goes to whatever address was typed, so it carries none of the typed text (issue 12)
            MimeMessage welcomeMail = single(person.getUsername(), welcome);
            assertPlainText(welcomeMail);
            assertThat(body(welcomeMail)).startsWith("Hello " + person.getUsername() + ",\n\n").doesNotContain(name);
            assertThat(body(single(person.getUsername(), welcome))).isEqualTo(queuedBody(person.getUsername(), welcome));
            // the confidential ones (a reset link; who has an account) lose their text once delivered
            assertThat(queuedBody(person.getUsername(), exists)).isEmpty();
            assertThat(queuedBody(person.getUsername(), reset)).isEmpty();
        }
    }

    // ------------------------------------------------------------------ helpers

    private AccountPrincipal signUp(String displayName) {
        String email = "lit-" + UUID.randomUUID().toString().substring(0, 12) + "@test.ngo-platform.local";
        assertThat(accountService.signUp(signUpRequest(email, displayName))).isPresent();
        AccountPrincipal principal = (AccountPrincipal) userDetails.loadUserByUsername(email);
        assertThat(principal.displayName()).isEqualTo(displayName);
        return principal;
    }

    private static SignUpRequest signUpRequest(String email, String displayName) {
        var r = new SignUpRequest();
        r.setEmail(email);
        r.setDisplayName(displayName);
        r.setOrganisationName("La Strada Poland");
        r.setCountryCode("PL");
        r.setPassword(AccountFixtures.PASSWORD);
        r.setPrivacyConsent(true);
        return r;
    }

    /** An open edition whose city (part of every mail subject) is markup. */
    private EditionSummary hostileEdition() {
        return editionFixtures.asOrganiser(() -> {
            EditionForm form = EditionFixtures.form(10, LocalDateTime.now().minusDays(1), LocalDateTime.now().plusDays(30));
            form.setCity(SCRIPT + " " + UUID.randomUUID().toString().substring(0, 6));
            EditionSummary e = editions.create(form);
            return editions.changeStatus(e.id(), EditionStatus.OPEN);
        });
    }

    private XSSFWorkbook participantWorkbook(long editionId) throws Exception {
        ExportStatus status = await(participantExport.exportParticipants(editionId, false));
        try (InputStream in = Files.newInputStream(exports.download(status.jobId()).path())) {
            return new XSSFWorkbook(in);
        }
    }

    private ExportStatus await(ExportStatus status) throws InterruptedException {
        for (int i = 0; i < 600 && !status.state().isFinal(); i++) {
            Thread.sleep(50);
            status = exports.status(status.jobId());
        }
        assertThat(status.state()).isEqualTo(ExportState.DONE);
        return status;
    }

    private static Row rowWithEmail(Sheet sheet, String email) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && email.equals(row.getCell(3).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + email);
    }

    private static void assertLiteral(Cell cell, String expected) {
        assertThat(cell).as("cell holding %s", expected).isNotNull();
        assertThat(cell.getCellType()).as("type of %s", cell.getAddress()).isEqualTo(CellType.STRING);
        assertThat(cell.getStringCellValue()).as("text of %s", cell.getAddress()).isEqualTo(expected);
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }

    private String queuedBody(String recipient, String subject) {
        return jdbc.queryForObject("select body from mail_outbox where recipient = ? and subject = ?",
                String.class, recipient, subject);
    }

    /** One plain text part, no HTML alternative; a mail that gives a seat adds only its calendar file after it. */
    private static void assertPlainText(MimeMessage mail) throws Exception {
        if (mail.getContent() instanceof jakarta.mail.Multipart parts) {
            assertThat(mail.getContentType()).startsWith("multipart/mixed");
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
            assertThat(parts.getBodyPart(0).getContent()).isInstanceOf(String.class);
            assertThat(TestMail.attachments(mail)).singleElement()
                    .satisfies(file -> assertThat(file.contentType()).startsWith("text/calendar"));
            return;
        }
        assertThat(mail.getContentType()).startsWith("text/plain");
        assertThat(mail.getContent()).isInstanceOf(String.class);
    }

    private static String body(MimeMessage mail) {
        return TestMail.text(mail);
    }

    /** Waits for the one mail with this subject to this recipient (the scheduled sender may deliver it too). */
    private static MimeMessage single(String recipient, String subject) throws Exception {
        long until = System.currentTimeMillis() + 20_000;
        while (true) {
            List<MimeMessage> found = Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> {
                try {
                    return subject.equals(m.getSubject())
                            && Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
                } catch (Exception e) {
                    return false;
                }
            }).toList();
            if (!found.isEmpty() || System.currentTimeMillis() > until) {
                assertThat(found).as("mail '%s' to %s", subject, recipient).hasSize(1);
                return found.getFirst();
            }
            Thread.sleep(200);
        }
    }
}
