package org.ngoplatform.workshop;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.ngoplatform.base.i18n.Translator;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes an edition report as xlsx: an overview sheet, one sheet per group, and "Joint actions". All user text
 * goes into string cells (never formulas), with POI SXSSF streaming. Kept in one class so it can move to the
 * shared export infrastructure later.
 */
final class ReportWorkbookWriter {

    static final String OVERVIEW = "Overview";
    static final String JOINT_ACTIONS = "Joint actions";

    private final Translator translator;
    private final Locale locale;

    ReportWorkbookWriter(Translator translator, Locale locale) {
        this.translator = translator;
        this.locale = locale;
    }

    void write(EditionReport report, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            wb.setCompressTempFiles(false);
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle text = wb.createCellStyle();
            text.setWrapText(true);

            Set<String> used = new HashSet<>(List.of(OVERVIEW, JOINT_ACTIONS));
            Sheet overview = wb.createSheet(OVERVIEW);
            int r = 0;
            row(overview, r++, header, t("report.xlsx.edition"), report.edition().title());
            row(overview, r++, header, t("report.xlsx.group"), t("report.xlsx.slot"), t("report.xlsx.state"), t("report.xlsx.entries"));
            for (GroupOutcomes g : report.groups()) {
                Row row = overview.createRow(r++);
                string(row, 0, g.group().title(), text);
                string(row, 1, g.group().sessionSlot(), text);
                string(row, 2, t("workflow.state." + g.state().name()), text);
                row.createCell(3).setCellValue(g.entries().size());
            }
            Row ja = overview.createRow(r);
            string(ja, 0, t("report.xlsx.joint-actions"), header);
            ja.createCell(3).setCellValue(report.jointActions().size());
            overview.setColumnWidth(0, 40 * 256);
            overview.setColumnWidth(1, 20 * 256);
            overview.setColumnWidth(2, 16 * 256);

            for (GroupOutcomes g : report.groups()) {
                Sheet sheet = wb.createSheet(sheetName(g.group().title(), used));
                int k = 0;
                row(sheet, k++, header, t("report.xlsx.position"), t("report.xlsx.type"), t("report.xlsx.text"),
                        t("report.xlsx.owner"), t("report.xlsx.due"));
                for (EntryView e : g.entries()) {
                    Row row = sheet.createRow(k++);
                    row.createCell(0).setCellValue(e.position());
                    string(row, 1, t("outcome.type." + e.type().name()), text);
                    string(row, 2, e.text(), text);
                    string(row, 3, e.ownerOrganisationName(), text);
                    string(row, 4, date(e.dueDate()), text);
                }
                sheet.setColumnWidth(1, 18 * 256);
                sheet.setColumnWidth(2, 80 * 256);
                sheet.setColumnWidth(3, 30 * 256);
                sheet.setColumnWidth(4, 12 * 256);
                sheet.createFreezePane(0, 1);
            }

            Sheet actions = wb.createSheet(JOINT_ACTIONS);
            int k = 0;
            row(actions, k++, header, t("report.xlsx.title"), t("report.xlsx.description"), t("report.xlsx.date"),
                    t("report.xlsx.lead"), t("report.xlsx.supporters"), t("report.xlsx.status"), t("report.xlsx.sources"));
            for (JointActionView a : report.jointActions()) {
                Row row = actions.createRow(k++);
                string(row, 0, a.title(), text);
                string(row, 1, a.description(), text);
                string(row, 2, date(a.date()), text);
                string(row, 3, a.leadOrganisationName(), text);
                string(row, 4, String.join(", ", a.supporterNames()), text);
                string(row, 5, t("joint.status." + a.status().name()), text);
                string(row, 6, a.sources().stream().map(EntryView::text).collect(Collectors.joining("\n")), text);
            }
            actions.setColumnWidth(0, 40 * 256);
            actions.setColumnWidth(1, 60 * 256);
            actions.setColumnWidth(6, 60 * 256);
            actions.createFreezePane(0, 1);
            wb.setSheetOrder(JOINT_ACTIONS, wb.getNumberOfSheets() - 1);

            wb.write(out);
            wb.dispose();
        }
    }

    private String t(String key) {
        return translator.translate(key, locale);
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static void row(Sheet sheet, int index, CellStyle style, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            string(row, i, values[i], style);
        }
    }

    /** User text always as a string cell: a leading "=" stays text. */
    private static void string(Row row, int col, String value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    static String sheetName(String title, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(title == null || title.isBlank() ? "Group" : title, '_');
        if (base.length() > 28) {
            base = base.substring(0, 28);
        }
        String name = base;
        for (int i = 2; used.stream().anyMatch(name::equalsIgnoreCase); i++) {
            name = base + " " + i;
        }
        used.add(name);
        return name;
    }
}
