package org.ngoplatform.audit;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.export.ExportFile;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportState;
import org.ngoplatform.export.ExportStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AuditLogExportTest {

    @Autowired AuditLog auditLog;
    @Autowired AuditLogExport auditExport;
    @Autowired ExportService exports;
    @Autowired AccountFixtures fixtures;
    @Autowired AuditEventRepository repository;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void organisers_export_the_filtered_audit_log_with_a_summary_chart_and_the_export_is_audited() throws Exception {
        var organiser = fixtures.signIn(Role.ORGANISER);
        String action = "T-" + UUID.randomUUID().toString().substring(0, 20);
        auditLog.record(action, "edition:1", "first");
        auditLog.record(action, "edition:2", "=1+1");
        auditLog.record(action, "edition:3", "=HYPERLINK(\"http://x\",\"y\")");

        ExportStatus status = auditExport.start(action);

        assertThat(status.state()).isEqualTo(ExportState.DONE);
        assertThat(status.rowsDone()).isEqualTo(3);
        ExportFile file = exports.download(status.jobId());
        try (InputStream in = Files.newInputStream(file.path()); var wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetName(0)).isEqualTo("About");
            assertThat(wb.getSheetName(1)).isEqualTo("Audit log");
            assertThat(wb.getSheetName(2)).isEqualTo("Summary");
            XSSFSheet events = wb.getSheet("Audit log");
            assertThat(events.getLastRowNum()).isEqualTo(3);
            assertThat(events.getRow(0).getCell(5).getStringCellValue()).isEqualTo("Details");
            // newest first
            assertThat(events.getRow(1).getCell(8).getStringCellValue()).isEqualTo("edition:3");
            assertThat(events.getRow(1).getCell(5).getCellType()).isEqualTo(CellType.STRING);
            assertThat(events.getRow(1).getCell(5).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"y\")");
            assertThat(events.getRow(2).getCell(5).getStringCellValue()).isEqualTo("=1+1");
            assertThat(events.getRow(3).getCell(2).getStringCellValue()).as("the actor by name").isEqualTo("Test [ORGANISER]");
            assertThat(events.getRow(3).getCell(6).getStringCellValue()).isEqualTo(organiser.auditName());
            assertThat(DateUtil.isCellDateFormatted(events.getRow(3).getCell(1))).isTrue();
            XSSFSheet summary = wb.getSheet("Summary");
            assertThat(summary.getRow(2).getCell(0).getStringCellValue()).isEqualTo(action);
            assertThat(summary.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(summary.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(1.0);
            assertThat(summary.getDrawingPatriarch().getCharts()).hasSize(1);
            assertThat(wb.getSheet("About").getRow(4).getCell(1).getStringCellValue()).isEqualTo(action);
        }

        List<AuditEvent> trail = auditLog.forSubject(AuditLogExport.SUBJECT).stream()
                .filter(e -> e.getDetails() != null && e.getDetails().contains("job=" + status.jobId())).toList();
        assertThat(trail).extracting(AuditEvent::getAction)
                .containsExactly(ExportService.STARTED, ExportService.FINISHED, ExportService.DOWNLOADED);
        assertThat(trail.get(1).getDetails()).contains("rows=3", "filter=action=" + action, "identity=true", "format=XLSX");
        assertThat(trail.get(1).getActor()).isEqualTo(organiser.auditName());
    }

    @Test
    void the_export_honours_subject_and_day_filters() throws Exception {
        fixtures.signIn(Role.ORGANISER);
        String id = UUID.randomUUID().toString().substring(0, 12);
        auditLog.record("S-" + id, "case-" + id + ":1", "a");
        auditLog.record("S-" + id, "case-" + id + ":2", "b");
        auditLog.record("S-" + id, "other-" + id, "c");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);

        ExportStatus status = auditExport.start(new org.ngoplatform.audit.AuditFilter(null, "case-" + id + ":*", today, today));
        assertThat(status.state()).isEqualTo(ExportState.DONE);
        assertThat(status.rowsDone()).isEqualTo(2);
        ExportFile file = exports.download(status.jobId());
        try (InputStream in = Files.newInputStream(file.path()); var wb = new XSSFWorkbook(in)) {
            XSSFSheet events = wb.getSheet("Audit log");
            assertThat(events.getLastRowNum()).isEqualTo(2);
            assertThat(List.of(events.getRow(1).getCell(8).getStringCellValue(), events.getRow(2).getCell(8).getStringCellValue()))
                    .containsExactly("case-" + id + ":2", "case-" + id + ":1");
            var about = new java.util.ArrayList<String>();
            wb.getSheet("About").forEach(row -> row.forEach(cell -> about.add(cell.toString())));
            assertThat(about).contains("case-" + id + ":*", today + " .. " + today);
        }

        assertThat(auditExport.start(new org.ngoplatform.audit.AuditFilter(null, "case-" + id + ":*", today.plusDays(1), null)).rowsDone())
                .isZero();
    }

    @Test
    void events_whose_ids_disagree_with_their_times_are_all_exported_newest_first() throws Exception {
        fixtures.signIn(Role.ORGANISER);
        String action = "K-" + UUID.randomUUID().toString().substring(0, 20);
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // recorded in this order (ids rising), but with times that say otherwise (e.g. clocks of two instances)
        repository.save(new AuditEvent(now.minusSeconds(10), "test", action, "late", "id 1, newest"));
        repository.save(new AuditEvent(now.minusSeconds(30), "test", action, "early", "id 2, oldest"));
        repository.save(new AuditEvent(now.minusSeconds(20), "test", action, "middle", "id 3, middle"));
        repository.save(new AuditEvent(now.minusSeconds(20), "test", action, "middle-2", "id 4, as old as id 3"));

        ExportStatus status = auditExport.start(action);

        assertThat(status.state()).isEqualTo(ExportState.DONE);
        assertThat(status.rowsDone()).isEqualTo(4);
        try (InputStream in = Files.newInputStream(exports.download(status.jobId()).path()); var wb = new XSSFWorkbook(in)) {
            XSSFSheet events = wb.getSheet("Audit log");
            assertThat(events.getLastRowNum()).isEqualTo(4);
            List<String> subjects = new java.util.ArrayList<>();
            for (int r = 1; r <= 4; r++) subjects.add(events.getRow(r).getCell(8).getStringCellValue());
            assertThat(subjects).containsExactly("late", "middle-2", "middle", "early");
        }
    }

    @Test
    void the_export_names_actions_subjects_and_actors_in_the_exporters_language() throws Exception {
        var organiser = fixtures.signIn(Role.ORGANISER);
        String id = UUID.randomUUID().toString().substring(0, 12);
        auditLog.record("SURVEY_STATUS", "survey:999999999", "CLOSED");
        auditLog.record("ROLES_CHANGED", "account:" + organiser.accountId(), "x-" + id);
        auditLog.record("V-" + id, "case-" + id + ":1", "x-" + id);
        var filter = new AuditFilter(null, null, organiser.auditName(), null, null, java.time.ZoneId.of("Europe/Berlin"));

        ExportStatus status = auditExport.start(filter, java.util.Locale.GERMAN);

        assertThat(status.state()).isEqualTo(ExportState.DONE);
        try (InputStream in = Files.newInputStream(exports.download(status.jobId()).path()); var wb = new XSSFWorkbook(in)) {
            XSSFSheet events = wb.getSheetAt(1);
            assertThat(events.getLastRowNum()).isEqualTo(3);
            List<String> header = new java.util.ArrayList<>();
            events.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).contains("Aktion", "Gegenstand", "Aktionscode");
            // newest first: the unknown code, the account, the deleted survey
            assertThat(row(events, 1)).containsSubsequence("Test [ORGANISER]", "V-" + id, "case-" + id + ":1");
            assertThat(row(events, 2)).containsSubsequence("Test [ORGANISER]", "Rollen geändert", "Test [ORGANISER]", "x-" + id,
                    organiser.auditName(), "ROLES_CHANGED", "account:" + organiser.accountId());
            assertThat(row(events, 3)).containsSubsequence("Status der Umfrage geändert", "Umfrage #999999999 (gelöscht)",
                    "Geschlossen", "SURVEY_STATUS", "survey:999999999");
            List<String> summary = new java.util.ArrayList<>();
            wb.getSheetAt(2).forEach(r -> r.forEach(c -> summary.add(c.toString())));
            assertThat(summary).contains("Rollen geändert", "Status der Umfrage geändert").doesNotContain("ROLES_CHANGED");
            List<String> about = new java.util.ArrayList<>();
            wb.getSheetAt(0).forEach(r -> r.forEach(c -> about.add(c.toString())));
            assertThat(about).contains("Tage (Europe/Berlin)", "Test [ORGANISER]");
        }
    }

    private static List<String> row(XSSFSheet sheet, int r) {
        List<String> cells = new java.util.ArrayList<>();
        sheet.getRow(r).forEach(c -> cells.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : c.toString()));
        return cells;
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"PARTICIPANT", "FACILITATOR", "ANALYST"})
    void only_organisers_may_export_the_audit_log(Role role) {
        fixtures.signIn(role);
        assertThatThrownBy(() -> auditExport.start((String) null)).isInstanceOf(AccessDeniedException.class);
    }
}
