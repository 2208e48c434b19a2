package org.ngoplatform.workshop;

import org.apache.poi.ss.util.WorkbookUtil;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.export.Column;
import org.ngoplatform.export.SummaryTable;
import org.ngoplatform.export.WorkbookWriter;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fills a shared {@link WorkbookWriter} with an edition report: an overview sheet (with a bar chart of the
 * entries per group), one sheet per group, and "Joint actions" last. All user text goes into string cells
 * (never formulas); the shared writer streams the group sheets.
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

    /** Data rows the report writes (entries and joint actions), for the export's progress. */
    static long rows(EditionReport report) {
        return report.groups().stream().mapToLong(g -> g.entries().size()).sum() + report.jointActions().size();
    }

    void fill(WorkbookWriter workbook, EditionReport report) {
        Set<String> used = new HashSet<>(List.of(OVERVIEW, JOINT_ACTIONS));
        var overview = workbook.addSummarySheet(OVERVIEW);
        overview.entry(t("report.xlsx.edition"), report.edition().title());
        overview.entry(t("report.xlsx.joint-actions"), report.jointActions().size());
        overview.gap();
        List<SummaryTable.Row> groupRows = report.groups().stream()
                .map(g -> SummaryTable.Row.of(g.group().title(), g.group().slotLabel(locale),
                        t("workflow.state." + g.state().name()), g.entries().size()))
                .toList();
        overview.add(new SummaryTable(t("report.xlsx.entries"), t("report.xlsx.group"),
                List.of(Column.text(t("report.xlsx.slot")), Column.text(t("report.xlsx.state")),
                        Column.integer(t("report.xlsx.entries"))),
                groupRows, 2));

        List<Column> entryColumns = List.of(
                Column.integer(t("report.xlsx.position")),
                Column.text(t("report.xlsx.type")).withWidth(18),
                Column.longText(t("report.xlsx.text")).withWidth(80),
                Column.text(t("report.xlsx.owner")).withWidth(30),
                Column.text(t("report.xlsx.due")).withWidth(12));
        for (GroupOutcomes g : report.groups()) {
            var sheet = workbook.addDataSheet(sheetName(g.group().title(), used), entryColumns);
            for (OutcomeEntrySummary e : g.entries()) {
                sheet.row(e.position(), t("outcome.type." + e.type().name()), e.text(), e.ownerOrganisationName(),
                        date(e.dueDate()));
            }
        }

        var actions = workbook.addDataSheet(JOINT_ACTIONS, List.of(
                Column.text(t("report.xlsx.title")).withWidth(40),
                Column.longText(t("report.xlsx.description")).withWidth(60),
                Column.date(t("report.xlsx.date")),
                Column.text(t("report.xlsx.lead")),
                Column.text(t("report.xlsx.supporters")),
                Column.text(t("report.xlsx.status")),
                Column.longText(t("report.xlsx.sources")).withWidth(60)));
        for (JointActionSummary a : report.jointActions()) {
            actions.row(a.title(), a.description(), a.date(), a.leadOrganisationName(),
                    String.join(", ", a.supporterNames()), t("joint.status." + a.status().name()),
                    a.sources().stream().map(OutcomeEntrySummary::text).collect(Collectors.joining("\n")));
        }
    }

    private String t(String key) {
        return translator.translate(key, locale);
    }

    /** Due dates stay ISO text (yyyy-mm-dd), as readers of the group sheets expect. */
    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static String sheetName(String title, Set<String> used) {
        // control characters are not allowed in XML attributes (a sheet name is one): the file would not open
        String printable = title == null ? "" : title.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        String base = WorkbookUtil.createSafeSheetName(printable.isEmpty() ? "Group" : printable, '_');
        if (base.length() > 28) {
            base = base.substring(0, Character.isHighSurrogate(base.charAt(27)) ? 27 : 28);
        }
        String name = base;
        for (int i = 2; used.stream().anyMatch(name::equalsIgnoreCase); i++) {
            name = base + " " + i;
        }
        used.add(name);
        return name;
    }
}
