package org.ngoplatform.registration;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditEvent;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportState;
import org.ngoplatform.export.ExportStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ParticipantExportServiceTest {

    static final String FORMULA_NAME = "=HYPERLINK(\"http://x\",\"y\")";

    @Autowired RegistrationService registrations;
    @Autowired ParticipantExportService participantExport;
    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;
    @Autowired AuditLog audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired ExportService exports;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void workbook_reads_back_cell_by_cell_with_typed_cells_and_formula_text_kept_as_text() throws Exception {
        EditionSummary edition = editions.open(1);
        AccountPrincipal attacker = accounts.create(Role.PARTICIPANT);
        jdbc.update("update account set display_name = ? where id = ?", FORMULA_NAME, attacker.accountId());
        AccountFixtures.signIn(attacker);
        RegistrationRequest first = EditionFixtures.request("=cmd|' /C calc'!A0", "Lawyer");
        first.setArrivalOn(edition.startsOn());
        first.setDepartureOn(edition.endsOn());
        first.setVisaLetter(true);
        first.setDietaryNeeds("Halal");
        registrations.register(edition.id(), first);
        AccountPrincipal second = accounts.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("La Strada Poland", "Outreach worker"));

        accounts.signIn(Role.ORGANISER);
        XSSFWorkbook plain = export(edition.id(), false);
        Sheet sheet = plain.getSheet("Participants");
        Row header = sheet.getRow(0);
        assertThat(texts(header)).containsExactly("Status", "Waiting position", "Name", "Email", "Organisation", "Country",
                "Role / job title", "Arrival", "Departure", "Visa letter", "On participant list", "Registered at");
        assertThat(plain.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
        assertThat(((XSSFSheet) sheet).getPaneInformation().isFreezePane()).isTrue();
        assertThat(((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:L3");
        assertThat(sheet.getColumnWidth(2)).isEqualTo(28 * 256);

        Row r1 = sheet.getRow(1);
        assertThat(r1.getCell(0).getStringCellValue()).isEqualTo("Confirmed");
        assertThat(r1.getCell(1)).isNull();
        assertThat(r1.getCell(2).getCellType()).isEqualTo(CellType.STRING);
        assertThat(r1.getCell(2).getStringCellValue()).isEqualTo(FORMULA_NAME);
        assertThat(r1.getCell(3).getStringCellValue()).isEqualTo(attacker.getUsername());
        assertThat(r1.getCell(4).getCellType()).isEqualTo(CellType.STRING);
        assertThat(r1.getCell(4).getStringCellValue()).isEqualTo("=cmd|' /C calc'!A0");
        assertThat(r1.getCell(5).getStringCellValue()).isEqualTo("Estonia");
        assertThat(r1.getCell(6).getStringCellValue()).isEqualTo("Lawyer");
        assertThat(r1.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(r1.getCell(7))).isTrue();
        assertThat(r1.getCell(7).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(edition.startsOn());
        assertThat(r1.getCell(8).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(edition.endsOn());
        assertThat(r1.getCell(9).getCellType()).isEqualTo(CellType.BOOLEAN);
        assertThat(r1.getCell(9).getBooleanCellValue()).isTrue();
        assertThat(r1.getCell(10).getBooleanCellValue()).isFalse();
        assertThat(DateUtil.isCellDateFormatted(r1.getCell(11))).isTrue();

        Row r2 = sheet.getRow(2);
        assertThat(r2.getCell(0).getStringCellValue()).isEqualTo("Waiting list");
        assertThat(r2.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(r2.getCell(1).getNumericCellValue()).isEqualTo(1.0);
        assertThat(r2.getCell(2).getStringCellValue()).isEqualTo(second.displayName());
        assertThat(r2.getCell(7)).isNull();
        assertThat(sheet.getLastRowNum()).isEqualTo(2);
        for (Row row : sheet) {
            for (Cell cell : row) {
                assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isNotEqualTo(CellType.FORMULA);
            }
        }

        Sheet summary = plain.getSheet("Summary");
        assertThat(texts(summary.getRow(0))).containsExactly("Status", "Count");
        assertThat(summary.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Confirmed");
        assertThat(summary.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1.0);
        assertThat(summary.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Waiting list");
        assertThat(summary.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Country");
        assertThat(summary.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Estonia");
        assertThat(summary.getRow(5).getCell(1).getNumericCellValue()).isEqualTo(2.0);
        assertThat(summary.getRow(7).getCell(0).getStringCellValue()).isEqualTo("Organisation");
        assertThat(summary.getRow(8).getCell(0).getStringCellValue()).isEqualTo("=cmd|' /C calc'!A0");
        assertThat(summary.getRow(8).getCell(0).getCellType()).isEqualTo(CellType.STRING);
        assertThat(summary.getRow(9).getCell(0).getStringCellValue()).isEqualTo("La Strada Poland");

        XSSFWorkbook special = export(edition.id(), true);
        Row specialHeader = special.getSheet("Participants").getRow(0);
        assertThat(specialHeader.getLastCellNum()).isEqualTo((short) 14);
        assertThat(specialHeader.getCell(12).getStringCellValue()).isEqualTo("Dietary needs (sensitive)");
        assertThat(special.getSheet("Participants").getRow(1).getCell(12).getStringCellValue()).isEqualTo("Halal");

        List<AuditEvent> exports = audit.forSubject("edition:" + edition.id()).stream()
                .filter(e -> e.getAction().equals("REGISTRATIONS_EXPORTED")).toList();
        assertThat(exports).extracting(AuditEvent::getDetails)
                .containsExactly("rows=2, specialCategory=false", "rows=2, specialCategory=true");
    }

    private XSSFWorkbook export(long editionId, boolean special) throws Exception {
        ExportStatus status = participantExport.exportParticipants(editionId, special);
        for (int i = 0; i < 600 && !status.state().isFinal(); i++) {
            Thread.sleep(50);
            status = exports.status(status.jobId());
        }
        assertThat(status.state()).isEqualTo(ExportState.DONE);
        assertThat(status.rowsDone()).isEqualTo(2);
        try (InputStream in = Files.newInputStream(exports.download(status.jobId()).path())) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }
}
