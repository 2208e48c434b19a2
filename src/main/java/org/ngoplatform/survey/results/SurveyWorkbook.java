package org.ngoplatform.survey.results;

import org.ngoplatform.base.Countries;
import org.ngoplatform.export.Column;
import org.ngoplatform.export.ExportMonitor;
import org.ngoplatform.export.SummaryTable;
import org.ngoplatform.export.WorkbookWriter;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyConditions;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyTexts;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.respond.SubmittedResponse;
import org.ngoplatform.survey.results.SmallCellSuppression.Cell;
import org.ngoplatform.survey.results.SurveyResultsService.NumberBin;
import org.ngoplatform.survey.results.SurveyResultsService.OptionCount;
import org.ngoplatform.survey.results.SurveyResultsService.QuestionResult;
import org.ngoplatform.survey.results.SurveyResultsService.SurveyResults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Writes the four sheets of the survey results workbook (About, Codebook, Responses, Summary) into a
 * {@link WorkbookWriter}. Knows nothing of the database: responses, identities and the summary are handed in
 * ({@link SurveyExportService} reads them from MariaDB; the benchmark makes them up).
 */
final class SurveyWorkbook {

    /** Message lookup (English bundle). */
    @FunctionalInterface
    interface Text {
        String t(String key, Object... params);
    }

    record Input(List<SurveyStructure> versions, SurveyWorkbookPlan plan, String filterText, long total,
                 Instant exportedAt, String exportedBy, String language, List<CodebookLanguage> languages) {
        Input(List<SurveyStructure> versions, SurveyWorkbookPlan plan, String filterText, long total,
              Instant exportedAt, String exportedBy) {
            this(versions, plan, filterText, total, exportedAt, exportedBy, null, List.of());
        }
    }

    /**
     * One Codebook column per language of the survey, base language first: each question's text and each option's
     * label in that language by text key ({@code SurveyTexts.questionKey}, {@code optionKey}); a missing text is blank.
     */
    record CodebookLanguage(String header, Map<String, String> texts) {
    }

    private final Text text;

    SurveyWorkbook(Text text) {
        this.text = text;
    }

    /**
     * @param pages      hands out the responses page by page, in their random sort-key order
     * @param identities response id to person, per page (empty map unless identity is included)
     * @param summary    the suppressed results of the same responses
     */
    void write(WorkbookWriter workbook, ResponseRowMonitor counting, Input in,
               Consumer<Consumer<List<SubmittedResponse>>> pages,
               Function<List<SubmittedResponse>, Map<Long, Respondent>> identities,
               Supplier<SurveyResults> summary) {
        SurveyStructure current = in.versions().getLast();
        SurveyWorkbookPlan plan = in.plan();
        int k = current.suppressionK();

        List<Map.Entry<String, Object>> about = new ArrayList<>();
        about.add(Map.entry(t("surveyexport.about.survey"), current.title()));
        about.add(Map.entry(t("surveyexport.about.versions"), in.versions().stream()
                .map(v -> String.valueOf(v.versionNumber())).collect(Collectors.joining(", "))
                + " " + t("surveyexport.about.versions.current", String.valueOf(current.versionNumber()))));
        if (in.language() != null) {
            about.add(Map.entry(t("surveyexport.about.language"), in.language()));
        }
        about.add(Map.entry(t("surveyexport.about.exported-at"), in.exportedAt()));
        about.add(Map.entry(t("surveyexport.about.exported-by"), in.exportedBy()));
        about.add(Map.entry(t("surveyexport.about.filter"), in.filterText().isEmpty()
                ? t("surveyexport.about.no-filter") : in.filterText()));
        Cell publishedTotal = SurveyResultsService.publishedTotal(k, in.total());
        about.add(Map.entry(t("surveyexport.about.responses"), publishedTotal.hidden()
                ? publishedTotal.display() : (Object) in.total()));
        about.add(Map.entry(t("surveyexport.about.anonymity"), t("surveyexport.anonymity." + current.anonymity().name())));
        about.add(Map.entry(t("surveyexport.about.identity"), t(plan.identity() ? "surveyexport.about.identity.yes"
                : "surveyexport.about.identity.no")));
        about.add(Map.entry(t("surveyexport.about.threshold"), k));
        about.add(Map.entry(t("surveyexport.about.suppression"), t("surveyexport.about.suppression.text", k - 1, k)));
        about.add(Map.entry(t("surveyexport.about.codes"), t("surveyexport.about.codes.text",
                SurveyExportService.SKIPPED, SurveyExportService.NO_ANSWER, SurveyExportService.NOT_IN_VERSION)));
        about.add(Map.entry(t("surveyexport.about.columns"), t("surveyexport.about.columns.text")));
        about.add(Map.entry(t("surveyexport.about.rows"), t("surveyexport.about.rows.text", SurveyWorkbookPlan.ROW_NUMBER)));
        about.add(Map.entry(t("surveyexport.about.times"), t("surveyexport.about.times.text")));
        workbook.addKeyValueSheet(t("surveyexport.sheet.about"), current.title(), about);

        counting.counting = false;
        List<Column> codebookColumns = new ArrayList<>(List.of(
                Column.text(t("surveyexport.codebook.question")), Column.text(t("surveyexport.codebook.option")),
                Column.text(t("surveyexport.codebook.section")), Column.longText(t("surveyexport.codebook.text")),
                Column.text(t("surveyexport.codebook.type")), Column.bool(t("surveyexport.codebook.required")),
                Column.text(t("surveyexport.codebook.condition")), Column.text(t("surveyexport.codebook.range")),
                Column.longText(t("surveyexport.codebook.columns"))));
        in.languages().forEach(l -> codebookColumns.add(Column.longText(l.header())));
        var codebook = workbook.addDataSheet(t("surveyexport.sheet.codebook"), codebookColumns);
        for (SurveyWorkbookPlan.Question q : plan.questions()) {
            QuestionDef d = q.def();
            List<Object> row = new ArrayList<>(java.util.Arrays.asList(d.code(), null, q.section(), d.text(),
                    d.type().name(), d.required(), condition(d), range(d), String.join(", ", q.columns())));
            in.languages().forEach(l -> row.add(l.texts().get(SurveyTexts.questionKey(d.code()))));
            codebook.row(row.toArray());
            for (OptionDef o : q.choices()) {
                List<Object> optionRow = new ArrayList<>(java.util.Arrays.asList(d.code(), o.code(), null,
                        optionLabel(d, o), null, null, null, null,
                        d.type() == QuestionType.MULTIPLE_CHOICE ? d.code() + "." + o.code() : null));
                in.languages().forEach(l -> optionRow.add(l.texts().get(SurveyTexts.optionKey(d.code(), o.code()))));
                codebook.row(optionRow.toArray());
            }
            // a matrix's rows and a ranking's places: one entry per column, naming it (type "row" or "rank")
            for (OptionDef r : q.rows()) {
                String columns = q.variables().stream().filter(v -> r.code().equals(v.rowCode()))
                        .map(SurveyWorkbookPlan.Variable::column).collect(Collectors.joining(", "));
                List<Object> rowEntry = new ArrayList<>(java.util.Arrays.asList(d.code(), r.code(), null, r.label(),
                        t("surveyexport.codebook.type.row"), null, null, null, columns));
                in.languages().forEach(l -> rowEntry.add(l.texts().get(SurveyTexts.rowKey(d.code(), r.code()))));
                codebook.row(rowEntry.toArray());
            }
            for (SurveyWorkbookPlan.Variable v : q.variables()) {
                if (v.rank() != null) {
                    List<Object> rankEntry = new ArrayList<>(java.util.Arrays.asList(d.code(), null, null,
                            t("surveyexport.codebook.rank", v.rank()), t("surveyexport.codebook.type.rank"), null, null,
                            null, v.column()));
                    in.languages().forEach(l -> rankEntry.add(null));
                    codebook.row(rankEntry.toArray());
                }
            }
        }

        var sheet = workbook.addDataSheet(t("surveyexport.sheet.responses"), plan.header());
        counting.counting = true;
        long[] rowNumber = {0};
        pages.accept(page -> {
            counting.checkCancelled();
            Map<Long, Respondent> who = identities.apply(page);
            for (SubmittedResponse r : page) {
                sheet.row(plan.values(++rowNumber[0], r, who.get(r.id())));
            }
        });
        counting.counting = false;

        SurveyResults results = summary.get();
        var tables = workbook.addSummarySheet(t("surveyexport.sheet.summary"));
        List<Column> valueColumns = List.of(Column.integer(t("surveyexport.summary.count")),
                Column.percent(t("surveyexport.summary.percent")));
        for (QuestionResult qr : results.questions()) {
            QuestionDef d = qr.question();
            String title = t(qr.multiple() ? "surveyexport.summary.title.multiple" : "surveyexport.summary.title",
                    d.code(), d.text(), qr.answered().display());
            if (!qr.options().isEmpty()) {
                List<SummaryTable.Row> rows = new ArrayList<>();
                for (OptionCount o : qr.options()) {
                    // the same rule as the results view (CountText): "<5" and "*" as text, no share beside them
                    rows.add(SummaryTable.Row.of(optionLabel(d, new OptionDef(o.code(), o.label())),
                            CountText.countCell(o.count()), CountText.shareCell(o.count(), o.percent())));
                }
                tables.add(new SummaryTable(title, t("surveyexport.summary.option"), valueColumns, rows, 0));
            }
            if (!qr.bins().isEmpty()) {
                // a number question's distribution: the bins and counts of the results view, suppressed the same way
                List<SummaryTable.Row> rows = new ArrayList<>();
                for (NumberBin b : qr.bins()) {
                    rows.add(SummaryTable.Row.of(b.label(Locale.ENGLISH, (from, to) -> t("survey.results.bin.under", from, to)),
                            CountText.countCell(b.count()), CountText.shareCell(b.count(), b.percent())));
                }
                tables.add(new SummaryTable(title, t("surveyexport.summary.range"), valueColumns, rows, 0));
            }
            // a matrix: a table per row over the shared options; a ranking: a table per option over the places
            boolean ranking = d.type() == QuestionType.RANKING;
            for (SurveyResultsService.RowResult row : qr.rows()) {
                List<SummaryTable.Row> rows = new ArrayList<>();
                for (OptionCount o : row.options()) {
                    String label = ranking ? t("surveyexport.codebook.rank", o.code()) : optionLabel(d, new OptionDef(o.code(), o.label()));
                    rows.add(SummaryTable.Row.of(label, CountText.countCell(o.count()), CountText.shareCell(o.count(), o.percent())));
                }
                String rowTitle = t(ranking ? "surveyexport.summary.title.ranked" : "surveyexport.summary.title.row",
                        d.code(), d.text(), row.label(), row.answered().display(),
                        row.meanRank() == null ? "–" : row.meanRank().toPlainString());
                tables.add(new SummaryTable(rowTitle, t(ranking ? "surveyexport.summary.place" : "surveyexport.summary.option"),
                        valueColumns, rows, 0));
            }
        }
    }

    private static String condition(QuestionDef d) {
        return SurveyConditions.describe(d.condition(), "in", "AND", "OR");
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
        return optionLabel(text, q, o);
    }

    /** An option's label as the Codebook shows it (also the value label of the statistics downloads). */
    static String optionLabel(Text text, QuestionDef q, OptionDef o) {
        if (q.type() == QuestionType.YES_NO) return text.t("survey.respond." + o.code());
        if (SurveyStructure.OTHER.equals(o.code())) return text.t("survey.respond.other-option");
        if (SurveyStructure.NO_LONGER_OFFERED.equals(o.code())) return text.t("survey.results.no-longer-offered");
        if (q.type() == QuestionType.COUNTRY) return Countries.name(o.code(), Locale.ENGLISH);
        return o.label();
    }

    private String t(String key, Object... params) {
        return text.t(key, params);
    }

    /** Passes only the Responses rows on to the job's monitor; always passes cancellation through. */
    static final class ResponseRowMonitor implements ExportMonitor {
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
