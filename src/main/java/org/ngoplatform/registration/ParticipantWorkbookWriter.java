package org.ngoplatform.registration;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.edition.EditionSummary;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The edition's participant list as an .xlsx (POI SXSSF, streaming, inline strings): sheet "Participants" with
 * typed cells (dates as dates, numbers as numbers, yes/no as booleans), a bold frozen header, an autofilter and
 * fixed widths; sheet "Summary" with counts by status, country and organisation. Every text a person typed is
 * written as a string cell, so "=HYPERLINK(...)" stays text and never becomes a formula. Dietary and
 * accessibility needs (special-category data) are written only when asked for.
 */
public class ParticipantWorkbookWriter {

    public static final String PARTICIPANTS = "Participants";
    public static final String SUMMARY = "Summary";

    private final Translator translator;
    private final Locale locale;

    public ParticipantWorkbookWriter(Translator translator, Locale locale) {
        this.translator = translator;
        this.locale = locale;
    }

    private record Column(String key, int width, Kind kind, Function<RegistrationRow, Object> value) {
    }

    private enum Kind { TEXT, NUMBER, DATE, DATETIME, BOOLEAN }

    private List<Column> columns(boolean special, ZoneId zone) {
        List<Column> cols = new ArrayList<>(List.of(
                new Column("export.col.status", 14, Kind.TEXT, r -> translator.translate("registration.status." + r.status().name(), locale)),
                new Column("export.col.position", 10, Kind.NUMBER, RegistrationRow::waitlistPosition),
                new Column("export.col.name", 28, Kind.TEXT, RegistrationRow::name),
                new Column("export.col.email", 32, Kind.TEXT, RegistrationRow::email),
                new Column("export.col.organisation", 32, Kind.TEXT, RegistrationRow::organisation),
                new Column("export.col.country", 18, Kind.TEXT, r -> r.countryCode() == null ? null : Countries.name(r.countryCode(), locale)),
                new Column("export.col.job-title", 28, Kind.TEXT, RegistrationRow::jobTitle),
                new Column("export.col.arrival", 12, Kind.DATE, RegistrationRow::arrivalOn),
                new Column("export.col.departure", 12, Kind.DATE, RegistrationRow::departureOn),
                new Column("export.col.visa", 12, Kind.BOOLEAN, RegistrationRow::visaLetter),
                new Column("export.col.list-opt-in", 14, Kind.BOOLEAN, RegistrationRow::listOptIn),
                new Column("export.col.registered", 18, Kind.DATETIME, r -> LocalDateTime.ofInstant(r.createdAt(), zone))));
        if (special) {
            cols.add(new Column("export.col.dietary", 36, Kind.TEXT, RegistrationRow::dietaryNeeds));
            cols.add(new Column("export.col.accessibility", 36, Kind.TEXT, RegistrationRow::accessibilityNeeds));
        }
        return cols;
    }

    public void write(EditionSummary edition, List<RegistrationRow> rows, boolean includeSpecialCategory, OutputStream out)
            throws IOException {
        ZoneId zone = ZoneId.of(edition.timeZone());
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        workbook.setCompressTempFiles(false);
        try {
            CreationHelper helper = workbook.getCreationHelper();
            CellStyle plain = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));

            List<Column> cols = columns(includeSpecialCategory, zone);
            SXSSFSheet sheet = workbook.createSheet(PARTICIPANTS);
            Row head = sheet.createRow(0);
            for (int c = 0; c < cols.size(); c++) {
                var cell = head.createCell(c);
                cell.setCellValue(translator.translate(cols.get(c).key(), locale));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, cols.get(c).width() * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (RegistrationRow row : rows) {
                Row line = sheet.createRow(r++);
                for (int c = 0; c < cols.size(); c++) {
                    Object value = cols.get(c).value().apply(row);
                    if (value == null) {
                        continue;
                    }
                    var cell = line.createCell(c);
                    switch (cols.get(c).kind()) {
                        case TEXT -> { cell.setCellValue((String) value); cell.setCellStyle(plain); }
                        case NUMBER -> { cell.setCellValue(((Number) value).doubleValue()); cell.setCellStyle(plain); }
                        case BOOLEAN -> { cell.setCellValue((Boolean) value); cell.setCellStyle(plain); }
                        case DATE -> { cell.setCellValue((LocalDate) value); cell.setCellStyle(date); }
                        case DATETIME -> { cell.setCellValue((LocalDateTime) value); cell.setCellStyle(dateTime); }
                    }
                }
            }
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, cols.size() - 1));

            writeSummary(workbook.createSheet(SUMMARY), rows, header, plain);
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private void writeSummary(Sheet sheet, List<RegistrationRow> rows, CellStyle header, CellStyle plain) {
        sheet.setColumnWidth(0, 40 * 256);
        sheet.setColumnWidth(1, 12 * 256);
        int[] next = {0};
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (RegistrationStatus s : List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)) {
            byStatus.put(translator.translate("registration.status." + s.name(), locale),
                    rows.stream().filter(x -> x.status() == s).count());
        }
        block(sheet, next, "export.summary.status", byStatus, header, plain);
        block(sheet, next, "export.summary.country", sorted(rows.stream().collect(Collectors.groupingBy(
                x -> x.countryCode() == null ? "-" : Countries.name(x.countryCode(), locale), TreeMap::new, Collectors.counting()))), header, plain);
        block(sheet, next, "export.summary.organisation", sorted(rows.stream().collect(Collectors.groupingBy(
                x -> x.organisation() == null ? "-" : x.organisation(), TreeMap::new, Collectors.counting()))), header, plain);
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private void block(Sheet sheet, int[] next, String titleKey, Map<String, Long> counts, CellStyle header, CellStyle plain) {
        Row title = sheet.createRow(next[0]++);
        var a = title.createCell(0);
        a.setCellValue(translator.translate(titleKey, locale));
        a.setCellStyle(header);
        var b = title.createCell(1);
        b.setCellValue(translator.translate("export.summary.count", locale));
        b.setCellStyle(header);
        for (var e : counts.entrySet()) {
            Row row = sheet.createRow(next[0]++);
            var k = row.createCell(0);
            k.setCellValue(e.getKey());
            k.setCellStyle(plain);
            var v = row.createCell(1);
            v.setCellValue(e.getValue());
            v.setCellStyle(plain);
        }
        next[0]++;
    }
}
