package org.ngoplatform.attendance;

import org.ngoplatform.base.Countries;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.export.Column;
import org.ngoplatform.export.SummaryTable;
import org.ngoplatform.export.WorkbookWriter;
import org.ngoplatform.registration.ConfirmedParticipantSummary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fills a shared {@link WorkbookWriter} with the donor's attendance sheet: one sheet per day of the edition (named
 * by its ISO date) listing everyone with a confirmed seat — number, name, organisation, country, present (someone
 * marked them at the day or at any of its sessions), first check-in time in the edition's zone, and an empty
 * signature column; then "Totals": the edition, and those present per day by country and by organisation, with a
 * total row. Text people typed stays text (the shared writer never writes a formula).
 */
class AttendanceSheetWriter {

    static final String TOTALS = "Totals";

    private final Translator translator;
    private final Locale locale;

    AttendanceSheetWriter(Translator translator, Locale locale) {
        this.translator = translator;
        this.locale = locale;
    }

    void fill(WorkbookWriter workbook, EditionSummary edition, List<LocalDate> days,
              List<ConfirmedParticipantSummary> people, List<AttendanceMarks.Mark> marks) {
        ZoneId zone = ZoneId.of(edition.timeZone());
        // per day: account -> first mark of that day
        Map<LocalDate, Map<Long, Instant>> firstMark = new HashMap<>();
        for (AttendanceMarks.Mark m : marks) {
            firstMark.computeIfAbsent(m.day(), d -> new HashMap<>()).merge(m.accountId(), m.markedAt(),
                    (a, b) -> a.isBefore(b) ? a : b);
        }
        List<Column> columns = List.of(
                Column.integer(t("attendance.export.col.number")).withWidth(6),
                Column.text(t("attendance.export.col.name")).withWidth(28),
                Column.text(t("attendance.export.col.organisation")).withWidth(32),
                Column.text(t("attendance.export.col.country")).withWidth(18),
                Column.yesNo(t("attendance.export.col.present")).withWidth(10),
                Column.dateTime(t("attendance.export.col.checked-in")).withWidth(18),
                Column.text(t("attendance.export.col.signature")).withWidth(30));
        Map<String, long[]> byCountry = new TreeMap<>();
        Map<String, long[]> byOrganisation = new TreeMap<>();
        long[] total = new long[days.size()];
        for (int d = 0; d < days.size(); d++) {
            LocalDate day = days.get(d);
            Map<Long, Instant> present = firstMark.getOrDefault(day, Map.of());
            var sheet = workbook.addDataSheet(day.toString(), columns);
            int number = 0;
            for (ConfirmedParticipantSummary p : people) {
                Instant at = present.get(p.accountId());
                sheet.row(++number, p.name(), p.organisation(), country(p), at != null,
                        at == null ? null : LocalDateTime.ofInstant(at, zone), null);
                if (at != null) {
                    total[d]++;
                    byCountry.computeIfAbsent(country(p) == null ? "-" : country(p), k -> new long[days.size()])[d]++;
                    byOrganisation.computeIfAbsent(p.organisation() == null ? "-" : p.organisation(), k -> new long[days.size()])[d]++;
                }
            }
        }
        var totals = workbook.addSummarySheet(TOTALS);
        totals.entry(t("attendance.export.edition"), edition.title());
        totals.entry(t("attendance.export.confirmed"), (long) people.size());
        totals.gap();
        totals.add(table("attendance.export.col.country", days, byCountry, total));
        totals.add(table("attendance.export.col.organisation", days, byOrganisation, total));
    }

    /** Rows by most present over all days, then by name; a last row with the day's totals. */
    private SummaryTable table(String labelKey, List<LocalDate> days, Map<String, long[]> counts, long[] total) {
        List<Column> columns = new ArrayList<>();
        days.forEach(d -> columns.add(Column.integer(d.toString())));
        List<SummaryTable.Row> rows = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -sum(e.getValue())).thenComparing(Map.Entry::getKey))
                .forEach(e -> rows.add(new SummaryTable.Row(e.getKey(), boxed(e.getValue()))));
        rows.add(new SummaryTable.Row(t("attendance.export.total"), boxed(total)));
        return new SummaryTable("", t(labelKey), columns, rows, -1);
    }

    private String country(ConfirmedParticipantSummary p) {
        return p.countryCode() == null ? null : Countries.name(p.countryCode(), locale);
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) s += v;
        return s;
    }

    private static List<Object> boxed(long[] values) {
        List<Object> out = new ArrayList<>();
        for (long v : values) out.add(v);
        return out;
    }

    /** The distinct days of the points, in order. */
    static List<LocalDate> days(List<CheckInPointSummary> points) {
        Set<LocalDate> days = new LinkedHashSet<>();
        points.stream().map(p -> p.point().day()).sorted().forEach(days::add);
        return List.copyOf(days);
    }

    private String t(String key) {
        return translator.translate(key, locale);
    }

}
