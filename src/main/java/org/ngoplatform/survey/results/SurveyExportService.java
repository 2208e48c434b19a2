package org.ngoplatform.survey.results;

import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.AccountSummary;
import org.ngoplatform.survey.respond.RespondentIdentity;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.base.security.AuditActor;
import org.ngoplatform.export.ExportFormat;
import org.ngoplatform.export.ExportRequest;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.export.WorkbookOptions;
import org.ngoplatform.export.WorkbookWriter;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyLanguages;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyTexts;
import org.ngoplatform.survey.design.SurveyTranslations;
import org.ngoplatform.survey.respond.ResponseFilter;
import org.ngoplatform.survey.respond.ResponseStore;
import org.ngoplatform.survey.respond.SubmittedResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    private final ResponseStore responses;
    private final SurveyTranslations translations;
    private final SurveyResultsService results;
    private final AccountService accounts;
    private final ExportService exports;
    private final AuditLog audit;
    private final Translator translator;
    private final Clock clock;
    private final WaveComparisonService waves;

    SurveyExportService(ResponseStore responses, SurveyTranslations translations, SurveyResultsService results,
                        AccountService accounts, ExportService exports, AuditLog audit, Translator translator,
                        Clock clock, WaveComparisonService waves) {
        this.waves = waves;
        this.translations = translations;
        this.responses = responses;
        this.results = results;
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
        return exportResults(surveyId, filter, includeIdentity, null);
    }

    /**
     * As above, with the survey's texts (About, Codebook's text column, Summary) in {@code language}, one of its
     * further languages (else its base language). Whatever the language, the Codebook lists every language's texts
     * in a column each, and responses of every language are in the one Responses sheet (answers are codes).
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    public ExportStatus exportResults(long surveyId, ResponseFilter filter, boolean includeIdentity, String language) {
        List<SurveyStructure> baseVersions = responses.versions(surveyId);
        List<SurveyStructure> versions = baseVersions.stream().map(v -> translations.forAnalysts(v, language)).toList();
        SurveyStructure current = versions.getLast();
        boolean identity = identity(versions, filter, includeIdentity);
        long maxId = responses.newestResponseId(surveyId);
        long total = responses.countUpTo(surveyId, filter, maxId);
        Instant now = clock.instant();
        String exportedBy = AuditActor.current();
        if (identity) {
            audit.record("SURVEY_RESPONDENTS_READ", "survey:" + surveyId, "identity export of " + total + " responses");
        }
        var plan = SurveyWorkbookPlan.of(versions, identity);
        String base = responses.baseLanguage(surveyId);
        List<SurveyWorkbook.CodebookLanguage> languages = codebookLanguages(SurveyWorkbookPlan.of(baseVersions, false),
                base, translations.all(surveyId));
        String shownIn = translations.languages(surveyId).stream().anyMatch(l -> l.code().equals(language)) ? language : base;
        var request = new ExportRequest(t("surveyexport.what"), "survey:" + surveyId, "survey-" + surveyId + "-results",
                ExportFormat.XLSX, total, describe(current, filter), identity);
        return exports.start(request, (out, monitor) -> {
            // only Responses rows count as progress (and as "rows" in the audit log)
            var counting = new SurveyWorkbook.ResponseRowMonitor(monitor);
            try (WorkbookWriter workbook = WorkbookWriter.create(WorkbookOptions.defaults().withMonitor(counting))) {
                var input = new SurveyWorkbook.Input(versions, plan, describe(current, filter), total, now, exportedBy,
                        languageName(shownIn), languages);
                new SurveyWorkbook(this::t).write(workbook, counting, input,
                        pages -> responses.forEachResponsePage(surveyId, filter, PAGE, page -> {
                            counting.checkCancelled();
                            // responses submitted after the count are left out, so About's count holds
                            pages.accept(page.stream().filter(r -> r.id() <= maxId).toList());
                        }),
                        page -> identities(surveyId, plan, page),
                        () -> results.results(surveyId, filter, language));
                // a survey repeated as waves: the waves side by side, each as its own Summary publishes it
                new WaveComparisonSheet(this::t).write(workbook, waves.compare(surveyId, filter, language));
                workbook.writeTo(out);
            }
        });
    }

    /**
     * Starts a download of one survey's submitted responses for statistics software (SPSS syntax and data, R script
     * and data, or a long CSV): the workbook's Responses columns, Codebook labels and codes, with the same rules for
     * identity, filter, language and audit as {@link #exportResults(long, ResponseFilter, boolean, String)}.
     *
     * @throws AccessDeniedException when identity is asked for an identified survey by a non-organiser
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    public ExportStatus exportStatistics(long surveyId, StatisticsFormat format, ResponseFilter filter,
                                         boolean includeIdentity, String language) {
        List<SurveyStructure> versions = responses.versions(surveyId).stream()
                .map(v -> translations.forAnalysts(v, language)).toList();
        SurveyStructure current = versions.getLast();
        boolean identity = identity(versions, filter, includeIdentity);
        long maxId = responses.newestResponseId(surveyId);
        long total = responses.countUpTo(surveyId, filter, maxId);
        if (identity) {
            audit.record("SURVEY_RESPONDENTS_READ", "survey:" + surveyId, "identity export of " + total + " responses");
        }
        var plan = SurveyWorkbookPlan.of(versions, identity);
        var input = new StatisticsDownload.Input(plan, StatisticsVariables.of(plan, versions, this::t), current.title(),
                clock.instant(), describe(current, filter), total);
        var request = new ExportRequest(t("surveyexport.what." + format.suffix()), "survey:" + surveyId,
                "survey-" + surveyId + "-" + format.suffix(), format.file(), total, describe(current, filter), identity);
        return exports.start(request, (out, monitor) -> new StatisticsDownload(this::t).write(format, out, monitor, input,
                pages -> responses.forEachResponsePage(surveyId, filter, PAGE, page -> {
                    monitor.checkCancelled();
                    // responses submitted after the count are left out, as in the workbook
                    pages.accept(page.stream().filter(r -> r.id() <= maxId).toList());
                }),
                page -> identities(surveyId, plan, page)));
    }

    /**
     * Whether this export holds identity: only for identified surveys, only when asked, only for organisers (anyone
     * else asking is refused). Also refuses a filter on a question no version has.
     */
    private static boolean identity(List<SurveyStructure> versions, ResponseFilter filter, boolean includeIdentity) {
        boolean identified = versions.getLast().anonymity() == SurveyAnonymity.IDENTIFIED;
        if (identified && includeIdentity && !mayIncludeIdentity()) {
            throw new AccessDeniedException("Only organisers may export respondents' identity");
        }
        if (filter != null && versions.stream().noneMatch(v -> v.question(filter.questionCode()).isPresent())) {
            throw new ResultsFilterRejectedException("filter", "survey.error.not-found");
        }
        return identified && includeIdentity;
    }

    /** The Codebook's column per language: the base language's texts, then each further language's current translations. */
    private List<SurveyWorkbook.CodebookLanguage> codebookLanguages(SurveyWorkbookPlan basePlan, String base,
                                                                    Map<String, Map<String, SurveyTexts.Stored>> further) {
        List<SurveyWorkbook.CodebookLanguage> columns = new ArrayList<>();
        columns.add(codebookLanguage(basePlan, base, null));
        further.forEach((code, stored) -> columns.add(codebookLanguage(basePlan, code, stored)));
        return columns;
    }

    private SurveyWorkbook.CodebookLanguage codebookLanguage(SurveyWorkbookPlan basePlan, String code,
                                                             Map<String, SurveyTexts.Stored> stored) {
        Map<String, String> texts = new HashMap<>();
        for (SurveyWorkbookPlan.Question q : basePlan.questions()) {
            String key = SurveyTexts.questionKey(q.def().code());
            texts.put(key, stored == null ? q.def().text() : SurveyTexts.current(q.def().text(), stored.get(key)));
            for (SurveyStructure.OptionDef o : q.choices()) {
                String optionKey = SurveyTexts.optionKey(q.def().code(), o.code());
                texts.put(optionKey, stored == null ? o.label() : SurveyTexts.current(o.label(), stored.get(optionKey)));
            }
            for (SurveyStructure.OptionDef r : q.rows()) {
                String rowKey = SurveyTexts.rowKey(q.def().code(), r.code());
                texts.put(rowKey, stored == null ? r.label() : SurveyTexts.current(r.label(), stored.get(rowKey)));
            }
        }
        return new SurveyWorkbook.CodebookLanguage(t("surveyexport.codebook.text-in", languageName(code)), texts);
    }

    /** "German (de)": the language's English name (the workbook is English) and its code. */
    private static String languageName(String code) {
        return SurveyLanguages.name(code, Locale.ENGLISH) + " (" + code + ")";
    }

    /**
     * Response id to the person who submitted it (an account's name and email, or the invited email of a response by
     * personal link); empty unless identity goes into this file.
     */
    private Map<Long, Respondent> identities(long surveyId, SurveyWorkbookPlan plan, List<SubmittedResponse> page) {
        Map<Long, Respondent> byResponse = new HashMap<>();
        if (!plan.identity() || page.isEmpty()) return byResponse;
        Map<Long, RespondentIdentity> who = responses.identities(surveyId, page.stream().map(SubmittedResponse::id).toList());
        Map<Long, AccountSummary> people = accounts.findAll(who.values().stream().map(RespondentIdentity::accountId)
                .filter(java.util.Objects::nonNull).toList());
        who.forEach((response, identity) -> {
            if (identity.accountId() == null) {
                byResponse.put(response, new Respondent(null, identity.invitedEmail()));
                return;
            }
            AccountSummary person = people.get(identity.accountId());
            if (person != null) byResponse.put(response, new Respondent(person.displayName(), person.email()));
        });
        return byResponse;
    }

    /** The filter in words, for the About sheet and the audit log ("" when none). */
    static String describe(SurveyStructure s, ResponseFilter filter) {
        if (filter == null) return "";
        return filter.questionCode() + " = " + filter.optionCode();
    }

    String t(String key, Object... params) {
        return translator.translate(key, Locale.ENGLISH, params);
    }

}
