package org.ngoplatform.attendance;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditEvent;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportState;
import org.ngoplatform.export.ExportStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AttendanceExportServiceTest {

    static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";

    @Autowired AttendanceService attendance;
    @Autowired AttendanceExportService attendanceExport;
    @Autowired AttendanceFixtures fixtures;
    @Autowired AccountFixtures accounts;
    @Autowired ExportService exports;
    @Autowired AuditLog audit;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void the_attendance_workbook_has_a_sheet_per_day_with_a_signature_column_and_totals_by_country_and_organisation_read_back_cell_by_cell() throws Exception {
        var f = fixtures.edition(3, "La Strada Poland", FORMULA, "La Strada Poland");
        long edition = f.edition().id();
        AccountPrincipal first = f.people().get(0);
        AccountPrincipal second = f.people().get(1);
        AccountPrincipal third = f.people().get(2);
        // names sort the list: make them known and ordered
        jdbc.update("update registration set participant_name = ? where edition_id = ? and account_id = ?", "Anna A", edition, first.accountId());
        jdbc.update("update registration set participant_name = ? where edition_id = ? and account_id = ?", "Boris B", edition, second.accountId());
        jdbc.update("update registration set participant_name = ?, country_code = 'DE' where edition_id = ? and account_id = ?", "Clara C", edition, third.accountId());
        LocalDate day1 = f.edition().startsOn();
        LocalDate day2 = day1.plusDays(1);
        accounts.signIn(Role.ORGANISER);
        attendance.mark(edition, CheckInPoint.ofDay(day1), first.accountId());
        attendance.mark(edition, CheckInPoint.ofDay(day1), second.accountId());
        attendance.mark(edition, CheckInPoint.ofDay(day1), third.accountId());
        attendance.mark(edition, CheckInPoint.ofDay(day2), third.accountId());

        XSSFWorkbook book = export(edition);
        assertThat(book.getNumberOfSheets()).isEqualTo(4);
        assertThat(book.getSheetName(0)).isEqualTo(day1.toString());
        assertThat(book.getSheetName(3)).isEqualTo("Totals");

        Sheet d1 = book.getSheet(day1.toString());
        assertThat(texts(d1.getRow(0))).containsExactly("No.", "Name", "Organisation", "Country", "Present", "Checked in at", "Signature");
        assertThat(d1.getLastRowNum()).isEqualTo(3);
        Row anna = d1.getRow(1);
        assertThat(anna.getCell(0).getNumericCellValue()).isEqualTo(1.0);
        assertThat(anna.getCell(1).getStringCellValue()).isEqualTo("Anna A");
        assertThat(anna.getCell(2).getStringCellValue()).isEqualTo("La Strada Poland");
        assertThat(anna.getCell(3).getStringCellValue()).isEqualTo("Estonia");
        assertThat(anna.getCell(4).getBooleanCellValue()).isTrue();
        assertThat(DateUtil.isCellDateFormatted(anna.getCell(5))).isTrue();
        assertThat(anna.getCell(5).getLocalDateTimeCellValue()).isNotNull();
        assertThat(anna.getCell(6)).isNull();
        Row boris = d1.getRow(2);
        assertThat(boris.getCell(1).getStringCellValue()).isEqualTo("Boris B");
        assertThat(boris.getCell(2).getCellType()).isEqualTo(CellType.STRING);
        assertThat(boris.getCell(2).getStringCellValue()).isEqualTo(FORMULA);
        assertThat(d1.getRow(3).getCell(3).getStringCellValue()).isEqualTo("Germany");

        Sheet d2 = book.getSheet(day2.toString());
        assertThat(d2.getRow(1).getCell(4).getBooleanCellValue()).isFalse();
        assertThat(d2.getRow(1).getCell(5)).isNull();
        assertThat(d2.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Clara C");
        assertThat(d2.getRow(3).getCell(4).getBooleanCellValue()).isTrue();
        Sheet d3 = book.getSheet(f.edition().endsOn().toString());
        assertThat(d3.getLastRowNum()).isEqualTo(3);
        for (Sheet sheet : book) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                }
            }
        }

        Sheet totals = book.getSheet("Totals");
        assertThat(totals.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Edition");
        assertThat(totals.getRow(0).getCell(1).getStringCellValue()).isEqualTo(f.edition().title());
        assertThat(totals.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3.0);
        // row 2 is the gap; the country table: header, Estonia (2, 0, 0), Germany (1, 1, 0), total (3, 1, 0)
        assertThat(texts(totals.getRow(3))).containsExactly("Country", day1.toString(), day2.toString(), f.edition().endsOn().toString());
        assertThat(values(totals.getRow(4))).containsExactly("Estonia", 2.0, 0.0, 0.0);
        assertThat(values(totals.getRow(5))).containsExactly("Germany", 1.0, 1.0, 0.0);
        assertThat(values(totals.getRow(6))).containsExactly("Total present", 3.0, 1.0, 0.0);
        // then an empty row and the organisation table: by most present, then by name
        assertThat(totals.getRow(8).getCell(0).getStringCellValue()).isEqualTo("Organisation");
        assertThat(values(totals.getRow(9))).containsExactly("La Strada Poland", 2.0, 1.0, 0.0);
        assertThat(values(totals.getRow(10))).containsExactly(FORMULA, 1.0, 0.0, 0.0);
        assertThat(totals.getRow(10).getCell(0).getCellType()).isEqualTo(CellType.STRING);
        assertThat(values(totals.getRow(11))).containsExactly("Total present", 3.0, 1.0, 0.0);

        assertThat(audit.forSubject("edition:" + edition)).extracting(AuditEvent::getAction).contains("ATTENDANCE_EXPORTED");
        assertThat(audit.forSubject("edition:" + edition)).filteredOn(e -> e.getAction().equals("ATTENDANCE_EXPORTED"))
                .extracting(AuditEvent::getDetails).containsExactly("days=3, rows=9");
    }

    private XSSFWorkbook export(long editionId) throws Exception {
        ExportStatus status = attendanceExport.exportSheet(editionId);
        for (int i = 0; i < 600 && !status.state().isFinal(); i++) {
            Thread.sleep(50);
            status = exports.status(status.jobId());
        }
        assertThat(status.state()).isEqualTo(ExportState.DONE);
        try (InputStream in = Files.newInputStream(exports.download(status.jobId()).path())) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }

    private static List<Object> values(Row row) {
        List<Object> out = new ArrayList<>();
        row.forEach(c -> out.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : (Object) c.getNumericCellValue()));
        return out;
    }
}
