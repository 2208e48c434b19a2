package org.ngoplatform.audit;

import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.base.security.AuditActor;
import org.ngoplatform.export.Column;
import org.ngoplatform.export.ExportContent;
import org.ngoplatform.export.ExportFormat;
import org.ngoplatform.export.ExportMonitor;
import org.ngoplatform.export.ExportRequest;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.export.SummaryTable;
import org.ngoplatform.export.WorkbookWriter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit log itself as a workbook (About, events, counts by action with a chart): the first user of the
 * export infrastructure. Organisers only; the file holds actors' emails, so it counts as identified.
 */
@Service
public class AuditLogExport {

    static final String SUBJECT = "audit-log";
    private static final int PAGE = 500;

    private final AuditLog auditLog;
    private final ExportService exports;
    private final Translator translator;
    private final Clock clock;

    AuditLogExport(AuditLog auditLog, ExportService exports, Translator translator, Clock clock) {
        this.auditLog = auditLog;
        this.exports = exports;
        this.translator = translator;
        this.clock = clock;
    }

    /** Starts exporting the events with this action (all when blank). */
    @PreAuthorize("hasRole('ORGANISER')")
    public ExportStatus start(String actionFilter) {
        return start(AuditFilter.action(actionFilter));
    }

    /** Starts exporting the events the filter matches (as the audit log view lists them). */
    @PreAuthorize("hasRole('ORGANISER')")
    public ExportStatus start(AuditFilter filter) {
        AuditFilter chosen = filter == null ? AuditFilter.NONE : filter;
        long total = auditLog.countMatching(chosen);
        // Events recorded after this point (including this export's own) are left out.
        long upperId = auditLog.latestId();
        Instant now = clock.instant();
        String exportedBy = AuditActor.current();
        var request = new ExportRequest(t("export.audit.what"), SUBJECT,
                "audit-log-" + LocalDate.ofInstant(now, ZoneOffset.UTC), ExportFormat.XLSX, total,
                chosen.describe(), true);
        return exports.start(request, (out, monitor) -> ExportContent.xlsx(workbook ->
                fill(workbook, chosen, upperId, total, now, exportedBy, monitor)).write(out, monitor));
    }

    private void fill(WorkbookWriter workbook, AuditFilter filter, long upperId, long total, Instant now,
                      String exportedBy, ExportMonitor monitor) throws IOException {
        List<Map.Entry<String, Object>> about = new ArrayList<>();
        about.add(Map.entry(t("export.audit.about.exported-at"), now));
        about.add(Map.entry(t("export.audit.about.exported-by"), exportedBy));
        about.add(Map.entry(t("export.audit.about.filter"), filter.action() == null ? t("export.audit.about.no-filter") : filter.action()));
        about.add(Map.entry(t("export.audit.about.rows"), total));
        about.add(Map.entry(t("export.audit.about.times"), t("export.audit.about.times.text")));
        about.add(Map.entry(t("export.audit.about.subject"), filter.subject() == null ? t("export.audit.about.no-subject") : filter.subject()));
        about.add(Map.entry(t("export.audit.about.days"), filter.from() == null && filter.to() == null ? t("export.audit.about.all-days")
                : (filter.from() == null ? "" : filter.from().toString()) + " .. " + (filter.to() == null ? "" : filter.to().toString())));
        workbook.addKeyValueSheet(t("export.audit.sheet.about"), t("export.audit.what"), about);

        var events = workbook.addDataSheet(t("export.audit.sheet.events"), List.of(
                Column.integer(t("export.audit.col.id")),
                Column.dateTime(t("export.audit.col.time")),
                Column.text(t("export.audit.col.actor")),
                Column.text(t("export.audit.col.action")),
                Column.text(t("export.audit.col.subject")),
                Column.longText(t("export.audit.col.details"))));
        Map<String, Long> byAction = new TreeMap<>();
        // keyset paging newest first, as the view lists them; events recorded after the start are left out
        AuditEvent last = null;
        while (true) {
            monitor.checkCancelled();
            List<AuditEvent> page = auditLog.searchAfter(filter, upperId, last, PAGE);
            if (page.isEmpty()) break;
            for (AuditEvent e : page) {
                events.row(e.getId(), e.getOccurredAt(), e.getActor(), e.getAction(), e.getSubject(), e.getDetails());
                byAction.merge(e.getAction(), 1L, Long::sum);
            }
            last = page.getLast();
        }
        long written = events.rowCount();
        List<SummaryTable.Row> rows = byAction.entrySet().stream()
                .map(en -> SummaryTable.Row.of(en.getKey(), en.getValue(), written == 0 ? 0.0 : (double) en.getValue() / written))
                .toList();
        workbook.addSummarySheet(t("export.audit.sheet.summary")).add(new SummaryTable(t("export.audit.summary.by-action"),
                t("export.audit.col.action"),
                List.of(Column.integer(t("export.audit.summary.count")), Column.percent(t("export.audit.summary.share"))),
                rows, 0));
    }

    private String t(String key) {
        return translator.translate(key, Locale.ENGLISH);
    }
}
