package org.ngoplatform.survey;

import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.AccountSummary;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.export.Column;
import org.ngoplatform.export.ExportContent;
import org.ngoplatform.export.ExportFormat;
import org.ngoplatform.export.ExportMonitor;
import org.ngoplatform.export.ExportRequest;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.export.SummaryTable;
import org.ngoplatform.export.WorkbookOptions;
import org.ngoplatform.export.WorkbookWriter;
import org.ngoplatform.survey.SurveyResponses.ResponseFilter;
import org.ngoplatform.survey.SurveyResponses.SubmittedResponse;
import org.ngoplatform.survey.SurveyResultsService.OptionCount;
import org.ngoplatform.survey.SurveyResultsService.QuestionResult;
import org.ngoplatform.survey.SurveyResultsService.SurveyResults;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The survey results workbook (About, Codebook, Responses, Summary), written through the shared export
 * infrastructure: responses are read in keyset pages and streamed into SXSSF; exports of more than
 * {@code ngo.export.inline-max-rows} responses run as background jobs with progress, cancel and an expiring
 * download; every export is audited by {@link ExportService} (who, when, survey, filter, rows, identity).
 *
 * <p>Who may export: analysts and organisers. Who gets identity: only for identified surveys, only when asked
 * for, and only for <b>organisers</b> (the network's data controllers); an analyst asking for identity is
 * refused with {@link AccessDeniedException}. Anonymous surveys never have identity columns, whoever asks.
 *
 * <p>Responses sheet: one row per submitted response and one column per question code, the same columns
 * whatever the branching. Questions the response did not answer hold a code instead of a value:
 * {@value #SKIPPED} (not asked: its condition was not met), {@value #NO_ANSWER} (asked, left empty) and
 * {@value #NOT_IN_VERSION} (the question was not in the version this response answered).
 */
@Service
public class SurveyExportService {

    public static final String SKIPPED = ".s";
    public static final String NO_ANSWER = ".n";
    public static final String NOT_IN_VERSION = ".v";
    static final String OTHER_TEXT_SUFFIX = ".other_text";
    private static final int PAGE = 500;

    private final SurveyResponses responses;
    private final SurveyResultsService results;
    private final ResponseStore store;
    private final AccountService accounts;
    private final ExportService exports;
    private final AuditLog audit;
    private final Translator translator;
    private final Clock clock;

    SurveyExportService(SurveyResponses responses, SurveyResultsService results, ResponseStore store,
                        AccountService accounts, ExportService exports, AuditLog audit, Translator translator,
                        Clock clock) {
        this.responses = responses;
        this.results = results;
        this.store = store;
        this.accounts = accounts;
        this.exports = exports;
        this.audit = audit;
        this.translator = translator;
        this.clock = clock;
    }

    /** Whether the signed-in person may include names and emails in exports of identified surveys. */
    public static boolean mayIncludeIdentity() {
        return CurrentAccount.hasRole(Role.ORGANISER);
    }

    /**
     * Starts the workbook export of one survey's submitted responses, optionally only those matching
     * {@code filter} (as in the results view).
     *
     * @param includeIdentity add respondents' names and emails (identified surveys only, organisers only)
     * @throws AccessDeniedException when identity is asked for an identified survey by a non-organiser
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    public ExportStatus exportResults(long surveyId, ResponseFilter filter, boolean includeIdentity) {
        List<SurveyStructure> versions = responses.versions(surveyId);
        SurveyStructure current = versions.getLast();
        boolean identified = current.anonymity() == SurveyAnonymity.IDENTIFIED;
        if (identified && includeIdentity && !mayIncludeIdentity()) {
            throw new AccessDeniedException("Only organisers may export respondents' identity");
        }
        if (filter != null && current.question(filter.questionCode()).isEmpty()
                && versions.stream().noneMatch(v -> v.question(filter.questionCode()).isPresent())) {
            throw new SurveyRejectedException("filter", "survey.error.not-found");
        }
        boolean identity = identified && includeIdentity;
        long maxId = store.maxResponseId(surveyId);
        long total = responses.countUpTo(surveyId, filter, maxId);
        Instant now = clock.instant();
        String exportedBy = CurrentAccount.actorName();
        if (identity) {
            audit.record("SURVEY_RESPONDENTS_READ", "survey:" + surveyId, "identity export of " + total + " responses");
        }
        var plan = SurveyWorkbookPlan.of(versions, identity);
        var request = new ExportRequest(t("surveyexport.what"), "survey:" + surveyId, "survey-" + surveyId + "-results",
                ExportFormat.XLSX, total, describe(current, filter), identity);
        return exports.start(request, (out, monitor) -> {
            // only Responses rows count as progress (and as "rows" in the audit log)
            var counting = new ResponseRowMonitor(monitor);
            try (WorkbookWriter workbook = WorkbookWriter.create(WorkbookOptions.defaults().withMonitor(counting))) {
                fill(workbook, counting, plan, versions, filter, maxId, total, now, exportedBy);
                workbook.writeTo(out);
            }
        });
    }

    private void fill(WorkbookWriter workbook, ResponseRowMonitor counting, SurveyWorkbookPlan plan,
                      List<SurveyStructure> versions, ResponseFilter filter, long maxId, long total, Instant now,
                      String exportedBy) throws IOException {
        SurveyStructure current = versions.getLast();
        long surveyId = current.surveyId();
        int k = current.suppressionK();

        List<Map.Entry<String, Object>> about = new ArrayList<>();
        about.add(Map.entry(t("surveyexport.about.survey"), current.title()));
        about.add(Map.entry(t("surveyexport.about.versions"), versions.stream()
                .map(v -> String.valueOf(v.versionNumber())).collect(Collectors.joining(", "))
                + " " + t("surveyexport.about.versions.current", current.versionNumber())));
        about.add(Map.entry(t("surveyexport.about.exported-at"), now));
        about.add(Map.entry(t("surveyexport.about.exported-by"), exportedBy));
        about.add(Map.entry(t("surveyexport.about.filter"), describe(current, filter).isEmpty()
                ? t("surveyexport.about.no-filter") : describe(current, filter)));
        about.add(Map.entry(t("surveyexport.about.responses"), total));
        about.add(Map.entry(t("surveyexport.about.anonymity"), t("surveyexport.anonymity." + current.anonymity().name())));
        about.add(Map.entry(t("surveyexport.about.identity"), t(plan.identity() ? "surveyexport.about.identity.yes"
                : "surveyexport.about.identity.no")));
        about.add(Map.entry(t("surveyexport.about.threshold"), k));
        about.add(Map.entry(t("surveyexport.about.suppression"), t("surveyexport.about.suppression.text", k - 1, k)));
        about.add(Map.entry(t("surveyexport.about.codes"), t("surveyexport.about.codes.text", SKIPPED, NO_ANSWER, NOT_IN_VERSION)));
        about.add(Map.entry(t("surveyexport.about.columns"), t("surveyexport.about.columns.text")));
        about.add(Map.entry(t("surveyexport.about.times"), t("surveyexport.about.times.text")));
        workbook.addKeyValueSheet(t("surveyexport.sheet.about"), current.title(), about);

        counting.counting = false;
        var codebook = workbook.addDataSheet(t("surveyexport.sheet.codebook"), List.of(
                Column.text(t("surveyexport.codebook.question")), Column.text(t("surveyexport.codebook.option")),
                Column.text(t("surveyexport.codebook.section")), Column.longText(t("surveyexport.codebook.text")),
                Column.text(t("surveyexport.codebook.type")), Column.bool(t("surveyexport.codebook.required")),
                Column.text(t("surveyexport.codebook.condition")), Column.text(t("surveyexport.codebook.range")),
                Column.longText(t("surveyexport.codebook.columns"))));
        for (SurveyWorkbookPlan.Question q : plan.questions()) {
            QuestionDef d = q.def();
            codebook.row(d.code(), null, q.section(), d.text(), d.type().name(), d.required(), condition(d),
                    range(d), String.join(", ", q.columns()));
            for (OptionDef o : q.choices()) {
                codebook.row(d.code(), o.code(), null, optionLabel(d, o), null, null, null, null,
                        d.type() == QuestionType.MULTIPLE_CHOICE ? d.code() + "." + o.code() : null);
            }
        }

        var sheet = workbook.addDataSheet(t("surveyexport.sheet.responses"), plan.header());
        counting.counting = true;
        responses.forEachResponsePage(surveyId, filter, PAGE, page -> {
            counting.checkCancelled();
            List<SubmittedResponse> kept = page.stream().filter(r -> r.id() <= maxId).toList();
            Map<Long, AccountSummary> who = new HashMap<>();
            Map<Long, Long> accountOf = new HashMap<>();
            if (plan.identity() && !kept.isEmpty()) {
                accountOf = store.identities(surveyId, kept.stream().map(SubmittedResponse::id).toList());
                who = accounts.findAll(accountOf.values());
            }
            for (SubmittedResponse r : kept) {
                Long account = accountOf.get(r.id());
                sheet.row(plan.values(r, account == null ? null : who.get(account)));
            }
        });
        counting.counting = false;

        SurveyResults summary = results.results(surveyId, filter);
        var tables = workbook.addSummarySheet(t("surveyexport.sheet.summary"));
        List<Column> valueColumns = List.of(Column.integer(t("surveyexport.summary.count")),
                Column.percent(t("surveyexport.summary.percent")));
        for (QuestionResult qr : summary.questions()) {
            if (qr.options().isEmpty()) continue;
            QuestionDef d = qr.question();
            List<SummaryTable.Row> rows = new ArrayList<>();
            for (OptionCount o : qr.options()) {
                Object count = o.count().hidden() ? o.count().display() : (Object) o.count().value().getAsLong();
                Object percent = o.percent().isPresent() ? o.percent().getAsLong() / 100.0 : null;
                rows.add(SummaryTable.Row.of(optionLabel(d, new OptionDef(o.code(), o.label())), count, percent));
            }
            String title = t(qr.multiple() ? "surveyexport.summary.title.multiple" : "surveyexport.summary.title",
                    d.code(), d.text(), qr.answered().display());
            tables.add(new SummaryTable(title, t("surveyexport.summary.option"), valueColumns, rows, 0));
        }
    }

    /** The filter in words, for the About sheet and the audit log ("" when none). */
    static String describe(SurveyStructure s, ResponseFilter filter) {
        if (filter == null) return "";
        return filter.questionCode() + " = " + filter.optionCode();
    }

    private static String condition(QuestionDef d) {
        if (d.condition() == null) return null;
        return d.condition().questionCode() + " in (" + d.condition().optionCodes().stream().sorted()
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String range(QuestionDef d) {
        return switch (d.type()) {
            case NUMBER -> (d.min() == null ? "" : d.min().toPlainString()) + "–" + (d.max() == null ? "" : d.max().toPlainString())
                    + (d.integerOnly() ? " (integer)" : "");
            case SCALE -> d.scaleMin() + "–" + d.scaleMax()
                    + (d.scaleMinLabel() == null && d.scaleMaxLabel() == null ? ""
                    : " (" + nz(d.scaleMinLabel()) + " … " + nz(d.scaleMaxLabel()) + ")");
            case SHORT_TEXT -> "≤ " + QuestionType.SHORT_TEXT_MAX + " characters";
            case LONG_TEXT -> "≤ " + QuestionType.LONG_TEXT_MAX + " characters";
            case COUNTRY -> "ISO 3166-1 alpha-2";
            case DATE -> "yyyy-mm-dd";
            default -> null;
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String optionLabel(QuestionDef q, OptionDef o) {
        if (q.type() == QuestionType.YES_NO) return t("survey.respond." + o.code());
        if (SurveyStructure.OTHER.equals(o.code())) return t("survey.respond.other-option");
        if (q.type() == QuestionType.COUNTRY) return Countries.name(o.code(), Locale.ENGLISH);
        return o.label();
    }

    private String t(String key, Object... params) {
        return translator.translate(key, Locale.ENGLISH, params);
    }

    /** Passes only the Responses rows on to the job's monitor; always passes cancellation through. */
    private static final class ResponseRowMonitor implements ExportMonitor {
        private final ExportMonitor job;
        volatile boolean counting;

        ResponseRowMonitor(ExportMonitor job) {
            this.job = job;
        }

        @Override
        public void rowWritten() {
            if (counting) {
                job.rowWritten();
            } else {
                job.checkCancelled();
            }
        }

        @Override
        public boolean isCancelled() {
            return job.isCancelled();
        }

        @Override
        public void expectRows(long total) {
            job.expectRows(total);
        }
    }
}
