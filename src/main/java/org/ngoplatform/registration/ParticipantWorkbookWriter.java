package org.ngoplatform.registration;

import org.ngoplatform.base.Countries;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.export.Column;
import org.ngoplatform.export.SummaryTable;
import org.ngoplatform.export.WorkbookWriter;

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
 * Fills a shared {@link WorkbookWriter} with the edition's participant list: sheet "Participants" with typed
 * cells (dates as dates, numbers as numbers, yes/no as booleans), a bold frozen header, an autofilter and
 * fixed widths; sheet "Summary" with counts by status, country and organisation. Every text a person typed is
 * written as a string cell by the shared writer, so "=HYPERLINK(...)" stays text and never becomes a formula.
 * Dietary and accessibility needs (special-category data) are written only when asked for.
 */
class ParticipantWorkbookWriter {

    static final String PARTICIPANTS = "Participants";
    static final String SUMMARY = "Summary";

    private final Translator translator;
    private final Locale locale;

    ParticipantWorkbookWriter(Translator translator, Locale locale) {
        this.translator = translator;
        this.locale = locale;
    }

    private record Field(Column column, Function<RegistrationSummary, Object> value) {
    }

    private List<Field> fields(boolean special, ZoneId zone) {
        List<Field> fields = new ArrayList<>(List.of(
                new Field(Column.text(t("export.col.status")).withWidth(14), r -> t("registration.status." + r.status().name())),
                new Field(Column.integer(t("export.col.position")).withWidth(10), RegistrationSummary::waitlistPosition),
                new Field(Column.text(t("export.col.name")).withWidth(28), RegistrationSummary::name),
                new Field(Column.text(t("export.col.email")).withWidth(32), RegistrationSummary::email),
                new Field(Column.text(t("export.col.organisation")).withWidth(32), RegistrationSummary::organisation),
                new Field(Column.text(t("export.col.country")).withWidth(18), r -> r.countryCode() == null ? null : Countries.name(r.countryCode(), locale)),
                new Field(Column.text(t("export.col.job-title")).withWidth(28), RegistrationSummary::jobTitle),
                new Field(Column.date(t("export.col.arrival")).withWidth(12), RegistrationSummary::arrivalOn),
                new Field(Column.date(t("export.col.departure")).withWidth(12), RegistrationSummary::departureOn),
                new Field(Column.yesNo(t("export.col.visa")).withWidth(12), RegistrationSummary::visaLetter),
                new Field(Column.yesNo(t("export.col.list-opt-in")).withWidth(14), RegistrationSummary::listOptIn),
                new Field(Column.dateTime(t("export.col.registered")).withWidth(18), r -> LocalDateTime.ofInstant(r.createdAt(), zone))));
        if (special) {
            fields.add(new Field(Column.longText(t("export.col.dietary")).withWidth(36), RegistrationSummary::dietaryNeeds));
            fields.add(new Field(Column.longText(t("export.col.accessibility")).withWidth(36), RegistrationSummary::accessibilityNeeds));
        }
        return fields;
    }

    void fill(WorkbookWriter workbook, EditionSummary edition, List<RegistrationSummary> rows, boolean includeSpecialCategory) {
        List<Field> fields = fields(includeSpecialCategory, ZoneId.of(edition.timeZone()));
        var sheet = workbook.addDataSheet(PARTICIPANTS, fields.stream().map(Field::column).toList());
        Object[] values = new Object[fields.size()];
        for (RegistrationSummary row : rows) {
            for (int c = 0; c < values.length; c++) {
                values[c] = fields.get(c).value().apply(row);
            }
            sheet.row(values);
        }

        var summary = workbook.addSummarySheet(SUMMARY);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (RegistrationStatus s : List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)) {
            byStatus.put(t("registration.status." + s.name()), rows.stream().filter(x -> x.status() == s).count());
        }
        summary.add(counts("export.summary.status", byStatus));
        summary.add(counts("export.summary.country", sorted(rows.stream().collect(Collectors.groupingBy(
                x -> x.countryCode() == null ? "-" : Countries.name(x.countryCode(), locale), TreeMap::new, Collectors.counting())))));
        summary.add(counts("export.summary.organisation", sorted(rows.stream().collect(Collectors.groupingBy(
                x -> x.organisation() == null ? "-" : x.organisation(), TreeMap::new, Collectors.counting())))));
    }

    /** A compact table (no title row, no chart): its header names what is counted. */
    private SummaryTable counts(String labelKey, Map<String, Long> counts) {
        List<SummaryTable.Row> rows = counts.entrySet().stream().map(e -> SummaryTable.Row.of(e.getKey(), e.getValue())).toList();
        return new SummaryTable("", t(labelKey), List.of(Column.integer(t("export.summary.count"))), rows, -1);
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private String t(String key) {
        return translator.translate(key, locale);
    }
}
