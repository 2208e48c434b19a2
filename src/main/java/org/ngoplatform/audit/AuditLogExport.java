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
    private final AuditActions actions;
    private final AuditSubjectNames subjectNames;
    private final Clock clock;

    AuditLogExport(AuditLog auditLog, ExportService exports, Translator translator, AuditActions actions,
                   AuditSubjectNames subjectNames, Clock clock) {
        this.auditLog = auditLog;
        this.exports = exports;
        this.translator = translator;
        this.actions = actions;
        this.subjectNames = subjectNames;
        this.clock = clock;
    }

    /** Starts exporting the events with this action (all when blank). */
    @PreAuthorize("hasRole('ORGANISER')")
    public ExportStatus start(String actionFilter) {
        return start(AuditFilter.action(actionFilter));
    }

    /** Starts exporting the events the filter matches (as the audit log view lists them), in English. */
    @PreAuthorize("hasRole('ORGANISER')")
    public ExportStatus start(AuditFilter filter) {
        return start(filter, Locale.ENGLISH);
    }

    /**
     * Starts exporting the events the filter matches (as the audit log view lists them), written in the exporter's
     * language: sheet and column names, action names and the names of subjects and actors.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    public ExportStatus start(AuditFilter filter, Locale language) {
        Locale locale = language == null ? Locale.ENGLISH : language;
        AuditFilter chosen = filter == null ? AuditFilter.NONE : filter;
        long total = auditLog.countMatching(chosen);
        // Events recorded after this point (including this export's own) are left out.
        long upperId = auditLog.latestId();
        Instant now = clock.instant();
        String exportedBy = AuditActor.current();
        var request = new ExportRequest(t("export.audit.what", locale), SUBJECT,
                "audit-log-" + LocalDate.ofInstant(now, ZoneOffset.UTC), ExportFormat.XLSX, total,
                chosen.describe(), true);
        return exports.start(request, (out, monitor) -> ExportContent.xlsx(workbook ->
                fill(workbook, chosen, upperId, total, now, exportedBy, locale, monitor)).write(out, monitor));
    }

    private void fill(WorkbookWriter workbook, AuditFilter filter, long upperId, long total, Instant now,
                      String exportedBy, Locale locale, ExportMonitor monitor) throws IOException {
        Map<String, AuditSubjectRef> aboutNames = subjectNames.resolve(
                java.util.Arrays.asList(exportedBy, filter.actor()), locale);
        List<Map.Entry<String, Object>> about = new ArrayList<>();
        about.add(Map.entry(t("export.audit.about.exported-at", locale), now));
        about.add(Map.entry(t("export.audit.about.exported-by", locale), named(aboutNames, exportedBy)));
        about.add(Map.entry(t("export.audit.about.filter", locale), filter.action() == null
                ? t("export.audit.about.no-filter", locale) : actions.name(filter.action(), locale)));
        about.add(Map.entry(t("export.audit.about.rows", locale), total));
        about.add(Map.entry(t("export.audit.about.times", locale), t("export.audit.about.times.text", locale)));
        about.add(Map.entry(t("export.audit.about.subject", locale), filter.subject() == null
                ? t("export.audit.about.no-subject", locale) : filter.subject()));
        about.add(Map.entry(t("export.audit.about.person", locale), filter.actor() == null
                ? t("export.audit.about.no-person", locale) : named(aboutNames, filter.actor())));
        about.add(Map.entry(t("export.audit.about.days", locale, filter.zone().getId()),
                filter.from() == null && filter.to() == null ? t("export.audit.about.all-days", locale)
                : (filter.from() == null ? "" : filter.from().toString()) + " .. " + (filter.to() == null ? "" : filter.to().toString())));
        workbook.addKeyValueSheet(t("export.audit.sheet.about", locale), t("export.audit.what", locale), about);

        var events = workbook.addDataSheet(t("export.audit.sheet.events", locale), List.of(
                Column.integer(t("export.audit.col.id", locale)),
                Column.dateTime(t("export.audit.col.time", locale)),
                Column.text(t("export.audit.col.actor", locale)),
                Column.text(t("export.audit.col.action", locale)),
                Column.text(t("export.audit.col.subject", locale)),
                Column.longText(t("export.audit.col.details", locale)),
                Column.text(t("export.audit.col.actor-recorded", locale)),
                Column.text(t("export.audit.col.action-code", locale)),
                Column.text(t("export.audit.col.subject-recorded", locale))));
        Map<String, Long> byAction = new TreeMap<>();
        // keyset paging newest first, as the view lists them; events recorded after the start are left out
        AuditEvent last = null;
        while (true) {
            monitor.checkCancelled();
            List<AuditEvent> page = auditLog.searchAfter(filter, upperId, last, PAGE);
            if (page.isEmpty()) break;
            // the names of the page's subjects and actors, one call per kind for the whole page
            List<String> refs = new ArrayList<>();
            page.forEach(e -> {
                refs.add(e.getSubject());
                refs.add(e.getActor());
            });
            Map<String, AuditSubjectRef> names = subjectNames.resolve(refs, locale);
            for (AuditEvent e : page) {
                String action = actions.name(e.getAction(), locale);
                events.row(e.getId(), e.getOccurredAt(), actorName(names, e.getActor(), locale), action,
                        named(names, e.getSubject()), actions.details(e.getAction(), e.getDetails(), locale), e.getActor(),
                        e.getAction(), e.getSubject());
                byAction.merge(action, 1L, Long::sum);
            }
            last = page.getLast();
        }
        long written = events.rowCount();
        List<SummaryTable.Row> rows = byAction.entrySet().stream()
                .map(en -> SummaryTable.Row.of(en.getKey(), en.getValue(), written == 0 ? 0.0 : (double) en.getValue() / written))
                .toList();
        workbook.addSummarySheet(t("export.audit.sheet.summary", locale)).add(new SummaryTable(
                t("export.audit.summary.by-action", locale), t("export.audit.col.action", locale),
                List.of(Column.integer(t("export.audit.summary.count", locale)), Column.percent(t("export.audit.summary.share", locale))),
                rows, 0));
    }

    private String actorName(Map<String, AuditSubjectRef> names, String actor, Locale locale) {
        return AuditActor.SYSTEM.equals(actor) ? t("audit.actor.system", locale) : named(names, actor);
    }

    /** The name found for {@code ref}, else {@code ref} as recorded. */
    private static String named(Map<String, AuditSubjectRef> names, String ref) {
        AuditSubjectRef found = ref == null ? null : names.get(ref);
        return found != null ? found.name() : ref;
    }

    private String t(String key, Locale locale, Object... params) {
        return translator.translate(key, locale, params);
    }
}
