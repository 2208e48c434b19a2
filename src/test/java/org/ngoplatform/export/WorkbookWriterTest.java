package org.ngoplatform.export;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkbookWriterTest {

    static final String FORMULA = "=1+1";
    static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
    static final String UNICODE = "Žofia Ünal – Łódź, Kraków; 東京 🙂 «ça»";
    static final String LONG_32000 = "ä".repeat(16_000) + "b".repeat(16_000);

    @TempDir Path tmp;

    @BeforeEach
    void ownTempFolder() {
        PoiTempFiles.redirectTo(tmp);
    }

    @AfterEach
    void restoreTempFolder() {
        PoiTempFiles.restore();
    }

    static final List<Column> COLUMNS = List.of(
            Column.integer("Id"), Column.text("Name"), Column.longText("Answer"), Column.decimal("Score"),
            Column.bool("Consent"), Column.date("Born"), Column.dateTime("Submitted"), Column.percent("Share"));

    static byte[] sample(WorkbookOptions options) throws IOException {
        var out = new ByteArrayOutputStream();
        try (WorkbookWriter writer = WorkbookWriter.create(options)) {
            writer.addKeyValueSheet("About", "About this file", List.of(Map.entry("Exported by", HYPERLINK),
                    Map.entry("Rows", 4L)));
            var sheet = writer.addDataSheet("Responses", COLUMNS);
            sheet.row(1L, FORMULA, HYPERLINK, new BigDecimal("3.25"), true, LocalDate.of(1990, 2, 28),
                    LocalDateTime.of(2026, 11, 28, 9, 30), 0.25);
            sheet.row(2, UNICODE, LONG_32000, 2.5, false, null, Instant.parse("2026-01-02T03:04:05Z"), null);
            sheet.row(3L, "+cmd", "x".repeat(40_000), -1.0, 1, LocalDate.of(2000, 1, 1), LocalDate.of(2020, 5, 6));
            sheet.row(4L, "-2+3", "@SUM(A1)", null, null, null, null, null);
            var summary = writer.addSummarySheet("Summary");
            summary.add(new SummaryTable("Q1 Which country?", "Option", List.of(Column.integer("Count"), Column.percent("%")),
                    List.of(SummaryTable.Row.of("Estonia", 12L, 0.6), SummaryTable.Row.of(FORMULA, 8L, 0.4),
                            SummaryTable.Row.of("Other", "<5", null)), 0));
            summary.add(new SummaryTable("Q2 Scale", "Value", List.of(Column.integer("Count")),
                    List.of(SummaryTable.Row.of("1", 3L), SummaryTable.Row.of("2", 7L)), 0));
            writer.writeTo(out);
        }
        return out.toByteArray();
    }

    @Test
    void cells_come_back_typed_and_user_text_never_becomes_a_formula() throws IOException {
        byte[] file = sample(WorkbookOptions.defaults());
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(wb.getSheetName(0)).isEqualTo("About");
            assertThat(wb.getSheetName(1)).isEqualTo("Responses");
            assertThat(wb.getSheetName(2)).isEqualTo("Summary");
            assertThat(wb.getSheet("About").getRow(2).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(wb.getSheet("About").getRow(2).getCell(1).getStringCellValue()).isEqualTo(HYPERLINK);

            XSSFSheet s = wb.getSheet("Responses");
            XSSFRow header = s.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Id");
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("Share");
            for (int c = 0; c < COLUMNS.size(); c++) {
                assertThat(wb.getFontAt(header.getCell(c).getCellStyle().getFontIndex()).getBold()).isTrue();
            }
            assertThat(s.getPaneInformation().isFreezePane()).isTrue();
            assertThat(s.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(s.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:H5");

            XSSFRow r1 = s.getRow(1);
            assertThat(r1.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(r1.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertString(r1.getCell(1), FORMULA);
            assertString(r1.getCell(2), HYPERLINK);
            assertThat(r1.getCell(2).getCellStyle().getWrapText()).isTrue();
            assertThat(r1.getCell(3).getNumericCellValue()).isEqualTo(3.25);
            assertThat(r1.getCell(4).getNumericCellValue()).isEqualTo(1.0);
            assertThat(DateUtil.isCellDateFormatted(r1.getCell(5))).isTrue();
            assertThat(r1.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(1990, 2, 28));
            assertThat(DateUtil.isCellDateFormatted(r1.getCell(6))).isTrue();
            assertThat(r1.getCell(6).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 28, 9, 30));
            assertThat(r1.getCell(7).getNumericCellValue()).isEqualTo(0.25);
            assertThat(r1.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.0%");

            XSSFRow r2 = s.getRow(2);
            assertThat(r2.getCell(0).getNumericCellValue()).isEqualTo(2.0);
            assertString(r2.getCell(1), UNICODE);
            assertString(r2.getCell(2), LONG_32000);
            assertThat(r2.getCell(4).getNumericCellValue()).isZero();
            assertThat(r2.getCell(5)).as("null is a blank cell").isNull();
            assertThat(r2.getCell(6).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5));

            XSSFRow r3 = s.getRow(3);
            assertString(r3.getCell(1), "+cmd");
            String cut = r3.getCell(2).getStringCellValue();
            assertThat(cut).hasSize(WorkbookWriter.MAX_CELL_CHARS).endsWith("[…truncated]").startsWith("xxxx");
            assertThat(r3.getCell(3).getNumericCellValue()).isEqualTo(-1.0);
            assertThat(r3.getCell(6).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2020, 5, 6, 0, 0));

            assertString(s.getRow(4).getCell(1), "-2+3");
            assertString(s.getRow(4).getCell(2), "@SUM(A1)");
            assertThat(s.getLastRowNum()).isEqualTo(4);
            assertThat(s.getColumnWidth(2)).isBetween(10 * 256, 60 * 256);
            assertThat(s.getColumnWidth(1)).isLessThanOrEqualTo(50 * 256);

            XSSFSheet summary = wb.getSheet("Summary");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Q1 Which country?");
            assertThat(summary.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Count");
            assertThat(summary.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Estonia");
            assertThat(summary.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(12.0);
            assertString(summary.getRow(3).getCell(0), FORMULA);
            assertString(summary.getRow(4).getCell(1), "<5");
            assertThat(summary.getDrawingPatriarch().getCharts()).hasSize(2);
            assertThat(summary.getDrawingPatriarch().getCharts().getFirst().getTitleText().getString()).isEqualTo("Q1 Which country?");
        }
    }

    private static void assertString(XSSFCell cell, String expected) {
        assertThat(cell.getCellType()).as("type of %s", cell.getReference()).isEqualTo(CellType.STRING);
        assertThat(cell.getStringCellValue()).isEqualTo(expected);
    }

    @Test
    void the_package_has_inline_strings_and_chart_parts() throws IOException {
        Map<String, String> parts = unzip(sample(WorkbookOptions.defaults()));
        assertThat(parts).containsKeys("xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/drawings/drawing1.xml");
        assertThat(parts.get("xl/charts/chart1.xml")).contains("<c:barChart>").contains("<c:barDir val=\"bar\"/>");
        String responses = parts.get("xl/worksheets/sheet2.xml");
        assertThat(responses).contains("t=\"inlineStr\"").doesNotContain("<f>").doesNotContain("t=\"s\"");
        assertThat(responses).contains("<pane").contains("<autoFilter");
    }

    /** Reads the parts through the central directory, as Excel and LibreOffice do. */
    static Map<String, String> unzip(byte[] file) throws IOException {
        Path copy = java.nio.file.Files.createTempFile("wb", ".xlsx");
        try {
            java.nio.file.Files.write(copy, file);
            Map<String, String> parts = new java.util.HashMap<>();
            try (var zip = new java.util.zip.ZipFile(copy.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    try (var in = zip.getInputStream(e)) {
                        parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            return parts;
        } finally {
            java.nio.file.Files.deleteIfExists(copy);
        }
    }

    @Test
    void twenty_thousand_rows_stream_through_plain_temp_files_while_the_temp_folder_has_room_and_they_are_deleted() throws IOException {
        List<String> seen = twentyThousandRows(WorkbookOptions.defaults().withCompressTempFilesBelowFreeBytes(1));
        assertThat(seen).as("temp files went to the test folder, plain").isNotEmpty()
                .allMatch(name -> name.endsWith(".xml"));
    }

    @Test
    void temp_files_are_gzipped_when_the_temp_folder_has_less_usable_space_than_the_threshold_and_are_deleted() throws IOException {
        long moreThanFree = tmp.toFile().getUsableSpace() + (1L << 30);
        List<String> seen = twentyThousandRows(WorkbookOptions.defaults().withCompressTempFilesBelowFreeBytes(moreThanFree));
        assertThat(seen).as("temp files went to the test folder, gzipped").isNotEmpty()
                .allMatch(name -> name.endsWith(".xml.gz"));
    }

    /** Writes 20,000 rows and returns the names of the temp files seen half-way; none may be left. */
    private List<String> twentyThousandRows(WorkbookOptions options) throws IOException {
        List<String> seen = new ArrayList<>();
        AtomicInteger rows = new AtomicInteger();
        ExportMonitor monitor = new ExportMonitor() {
            @Override public void rowWritten() {
                if (rows.incrementAndGet() == 10_000) {
                    PoiTempFiles.filesUnder(tmp).forEach(p -> seen.add(p.getFileName().toString()));
                }
            }
            @Override public boolean isCancelled() { return false; }
            @Override public void expectRows(long total) { }
        };
        var counting = new CountingStream();
        try (WorkbookWriter writer = WorkbookWriter.create(options.withMonitor(monitor))) {
            var sheet = writer.addDataSheet("Data", COLUMNS);
            for (int i = 0; i < 20_000; i++) {
                sheet.row((long) i, "name " + i, "free text ünïcödé " + i, i / 3.0, i % 2 == 0,
                        LocalDate.of(2026, 1, 1).plusDays(i % 300), LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(i), 0.5);
            }
            writer.writeTo(counting);
        }
        assertThat(rows.get()).isEqualTo(20_000);
        assertThat(counting.bytes).isGreaterThan(100_000);
        assertThat(PoiTempFiles.filesUnder(tmp)).isEmpty();
        return seen;
    }

    @Test
    void a_text_marker_is_a_text_cell_in_a_number_or_date_column_while_plain_text_there_is_refused() throws IOException {
        var out = new ByteArrayOutputStream();
        try (WorkbookWriter writer = WorkbookWriter.create()) {
            var sheet = writer.addDataSheet("Data", List.of(Column.integer("n"), Column.date("d"), Column.bool("b")));
            sheet.row(new TextMarker(".s"), new TextMarker(".n"), new TextMarker(".v"));
            sheet.row(7, LocalDate.of(2026, 1, 2), true);
            assertThatThrownBy(() -> sheet.row("7")).isInstanceOf(IllegalArgumentException.class);
            writer.writeTo(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFRow codes = wb.getSheet("Data").getRow(1);
            assertThat(codes.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(List.of(codes.getCell(0).getStringCellValue(), codes.getCell(1).getStringCellValue(),
                    codes.getCell(2).getStringCellValue())).containsExactly(".s", ".n", ".v");
            assertThat(wb.getSheet("Data").getRow(2).getCell(0).getNumericCellValue()).isEqualTo(7);
        }
    }

    @Test
    void sheet_names_from_user_text_lose_control_characters_keep_whole_emoji_and_stay_unique() throws IOException {
        String hostile = "Group\u0000\u0007 one\r\n<script>";
        String emojiAtCut = "x".repeat(30) + "🙂 tail";
        var out = new ByteArrayOutputStream();
        try (WorkbookWriter writer = WorkbookWriter.create()) {
            writer.addDataSheet(hostile, List.of(Column.text("n"))).row("a");
            writer.addDataSheet(emojiAtCut, List.of(Column.text("n"))).row("b");
            writer.addDataSheet(emojiAtCut, List.of(Column.text("n"))).row("c");
            writer.writeTo(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> names = List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2));
            assertThat(names.getFirst()).doesNotContainPattern("\\p{Cntrl}").startsWith("Group").contains("one", "script");
            assertThat(names.get(1)).isEqualTo("x".repeat(30)).as("the emoji would not fit whole");
            assertThat(names.get(2)).isEqualTo("x".repeat(27) + " (2)");
            assertThat(names).allSatisfy(n -> assertThat(n.length()).isLessThanOrEqualTo(31));
        }
    }

    @Test
    void temp_files_are_deleted_when_the_content_fails() {
        assertThatThrownBy(() -> {
            try (WorkbookWriter writer = WorkbookWriter.create()) {
                var sheet = writer.addDataSheet("Data", COLUMNS);
                for (int i = 0; i < 1_000; i++) {
                    sheet.row((long) i, "x", "y");
                }
                assertThat(PoiTempFiles.filesUnder(tmp)).isNotEmpty();
                sheet.row("not a number");
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Id");
        assertThat(PoiTempFiles.filesUnder(tmp)).isEmpty();
    }

    @Test
    void temp_files_are_deleted_when_the_export_is_cancelled() {
        AtomicInteger rows = new AtomicInteger();
        ExportMonitor cancelAt500 = new ExportMonitor() {
            @Override public void rowWritten() {
                if (rows.incrementAndGet() >= 500) throw new ExportCancelledException();
            }
            @Override public boolean isCancelled() { return rows.get() >= 500; }
            @Override public void expectRows(long total) { }
        };
        assertThatThrownBy(() -> {
            try (WorkbookWriter writer = WorkbookWriter.create(WorkbookOptions.defaults().withMonitor(cancelAt500))) {
                var sheet = writer.addDataSheet("Data", COLUMNS);
                for (int i = 0; i < 10_000; i++) {
                    sheet.row((long) i, "x", "y");
                }
                writer.writeTo(OutputStream.nullOutputStream());
            }
        }).isInstanceOf(ExportCancelledException.class);
        assertThat(rows.get()).isEqualTo(500);
        assertThat(PoiTempFiles.filesUnder(tmp)).isEmpty();
    }

    @Test
    void sheet_names_are_made_safe_and_unique() throws IOException {
        var out = new ByteArrayOutputStream();
        try (WorkbookWriter writer = WorkbookWriter.create()) {
            writer.addDataSheet("Q1: a/b?", List.of(Column.text("A"))).row("x");
            writer.addDataSheet("q1: a/b?", List.of(Column.text("A"))).row("y");
            writer.writeTo(out);
        }
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).hasSize(2).doesNotHaveDuplicates();
            assertThat(names.getFirst()).doesNotContain(":", "/", "?");
        }
    }

    static final class CountingStream extends OutputStream {
        long bytes;
        @Override public void write(int b) { bytes++; }
        @Override public void write(byte[] b, int off, int len) { bytes += len; }
    }
}
