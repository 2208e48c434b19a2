package org.ngoplatform.survey.results;

import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.design.SurveyWave;
import org.ngoplatform.survey.design.SurveyWaveService;
import org.ngoplatform.survey.respond.ResponseFilter;
import org.ngoplatform.survey.results.SmallCellSuppression.Cell;
import org.ngoplatform.survey.results.SurveyResultsService.OptionCount;
import org.ngoplatform.survey.results.SurveyResultsService.QuestionResult;
import org.ngoplatform.survey.results.SurveyResultsService.RowResult;
import org.ngoplatform.survey.results.SurveyResultsService.SurveyResults;
import org.ngoplatform.survey.results.WaveComparison.OptionRow;
import org.ngoplatform.survey.results.WaveComparison.QuestionRow;
import org.ngoplatform.survey.results.WaveComparison.RowGroup;
import org.ngoplatform.survey.results.WaveComparison.Wave;
import org.ngoplatform.survey.results.WaveComparison.WaveCell;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Results of every wave of a series side by side (issue 17 §4), for the results view and the workbook's Waves sheet.
 *
 * <p><b>Suppression across waves.</b> Each wave's column is that wave's own results, read from its own running counts
 * ({@link SurveyResultsService#results}, a few hundred rows per wave, never a pass over responses) and suppressed by
 * {@link SmallCellSuppression} with that wave's own k and sums, so every cell shown here is exactly the cell the
 * wave's own results page and workbook publish, hidden or not. Nothing here is new information:
 * <ul>
 * <li>waves are different surveys with disjoint sets of responses, so no count of one wave is a part of a count of
 *     another; the only published sums (options → answered, answered + missing + not shown → responses) lie within
 *     one wave and are protected there, complementary cells included;</li>
 * <li>this comparison publishes no number that spans waves: no pooled total over the series, no change or
 *     difference between waves. A pooled total would be a new sum whose parts are the waves' cells, and a hidden
 *     cell of one wave could then be got by subtracting the others' shown cells from it; a difference beside a
 *     hidden cell would give it away the same way. Shares are each wave's own share of its own answered;</li>
 * <li>the filter (when one is set) is applied to each wave alone, as that wave's own results would apply it.</li>
 * </ul>
 * So whoever may read each wave's results learns nothing more from the comparison than from reading them one by one.
 */
@Service
public class WaveComparisonService {

    private final SurveyWaveService waves;
    private final SurveyResultsService results;

    WaveComparisonService(SurveyWaveService waves, SurveyResultsService results) {
        this.waves = waves;
        this.results = results;
    }

    /**
     * The waves of the series {@code surveyId} belongs to, side by side, in wave order, texts in {@code language}
     * where a wave has it (else that wave's base language); the questions in the order of {@code surveyId}'s own
     * current structure, then codes only other waves have.
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public WaveComparison compare(long surveyId, ResponseFilter filter, String language) {
        List<SurveyWave> series = waves.waves(surveyId);
        List<SurveyResults> each = new ArrayList<>();
        List<Wave> columns = new ArrayList<>();
        SurveyResults shown = null;
        for (SurveyWave w : series) {
            SurveyResults r = results.results(w.surveyId(), filter, language);
            each.add(r);
            columns.add(new Wave(w.surveyId(), w.number(), w.title(), w.status(), r.responses(), r.k(), w.surveyId() == surveyId));
            if (w.surveyId() == surveyId) shown = r;
        }
        return new WaveComparison(columns, rows(shown, each));
    }

    /** The rows, by code; a pure function of the waves' own results (tests feed it made-up results). */
    static List<QuestionRow> rows(SurveyResults shown, List<SurveyResults> each) {
        Map<String, QuestionDef> questions = new LinkedHashMap<>();
        if (shown != null) shown.questions().forEach(q -> questions.put(q.question().code(), q.question()));
        each.forEach(r -> r.questions().forEach(q -> questions.putIfAbsent(q.question().code(), q.question())));
        List<Map<String, QuestionResult>> byCode = each.stream().map(r -> {
            Map<String, QuestionResult> m = new LinkedHashMap<>();
            r.questions().forEach(q -> m.put(q.question().code(), q));
            return m;
        }).toList();
        List<QuestionRow> rows = new ArrayList<>();
        for (QuestionDef q : questions.values()) {
            List<QuestionResult> perWave = byCode.stream().map(m -> m.get(q.code())).toList();
            Map<String, String> labels = new LinkedHashMap<>();
            if (shown != null) {
                shown.questions().stream().filter(r -> r.question().code().equals(q.code())).findFirst()
                        .ifPresent(r -> r.options().forEach(o -> labels.put(o.code(), o.label())));
            }
            perWave.forEach(r -> {
                if (r != null) r.options().forEach(o -> labels.putIfAbsent(o.code(), o.label()));
            });
            List<OptionRow> options = new ArrayList<>();
            labels.forEach((code, label) -> {
                List<WaveCell> cells = new ArrayList<>();
                for (QuestionResult r : perWave) {
                    OptionCount o = r == null ? null
                            : r.options().stream().filter(x -> x.code().equals(code)).findFirst().orElse(null);
                    cells.add(o == null ? null : new WaveCell(o.count(), o.percent()));
                }
                options.add(new OptionRow(code, label, cells));
            });
            List<Cell> answered = new ArrayList<>();
            List<BigDecimal> means = new ArrayList<>();
            List<BigDecimal> medians = new ArrayList<>();
            for (QuestionResult r : perWave) {
                answered.add(r == null ? null : r.answered());
                means.add(r == null ? null : r.mean());
                medians.add(r == null ? null : r.median());
            }
            rows.add(new QuestionRow(q, answered, options, means, medians, rowGroups(shown, q.code(), perWave)));
        }
        return rows;
    }

    /** A matrix's rows or a ranking's ranked options, by code over all waves, each cell the wave's own RowResult's. */
    private static List<RowGroup> rowGroups(SurveyResults shown, String code, List<QuestionResult> perWave) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        List<QuestionResult> order = new ArrayList<>();
        if (shown != null) {
            shown.questions().stream().filter(r -> r.question().code().equals(code)).findFirst().ifPresent(order::add);
        }
        perWave.stream().filter(java.util.Objects::nonNull).forEach(order::add);
        for (QuestionResult r : order) {
            for (RowResult row : r.rows()) {
                labels.putIfAbsent(row.code(), row.label());
                var known = columns.computeIfAbsent(row.code(), c -> new LinkedHashMap<>());
                row.options().forEach(o -> known.putIfAbsent(o.code(), o.label()));
            }
        }
        List<RowGroup> groups = new ArrayList<>();
        labels.forEach((rowCode, rowLabel) -> {
            List<RowResult> perWaveRow = perWave.stream().map(r -> r == null ? null : r.rows().stream()
                    .filter(x -> x.code().equals(rowCode)).findFirst().orElse(null)).toList();
            List<OptionRow> options = new ArrayList<>();
            columns.get(rowCode).forEach((optionCode, optionLabel) -> {
                List<WaveCell> cells = new ArrayList<>();
                for (RowResult row : perWaveRow) {
                    OptionCount o = row == null ? null
                            : row.options().stream().filter(x -> x.code().equals(optionCode)).findFirst().orElse(null);
                    cells.add(o == null ? null : new WaveCell(o.count(), o.percent()));
                }
                options.add(new OptionRow(optionCode, optionLabel, cells));
            });
            List<Cell> totals = new ArrayList<>();
            perWaveRow.forEach(row -> totals.add(row == null ? null : row.answered()));
            List<BigDecimal> meanRanks = new ArrayList<>();
            perWaveRow.forEach(row -> meanRanks.add(row == null ? null : row.meanRank()));
            groups.add(new RowGroup(rowCode, rowLabel, totals, options, meanRanks));
        });
        return groups;
    }
}
