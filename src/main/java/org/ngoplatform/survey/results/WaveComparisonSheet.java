package org.ngoplatform.survey.results;

import org.ngoplatform.base.Countries;
import org.ngoplatform.export.Column;
import org.ngoplatform.export.SummaryTable;
import org.ngoplatform.export.WorkbookWriter;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.results.WaveComparison.OptionRow;
import org.ngoplatform.survey.results.WaveComparison.QuestionRow;
import org.ngoplatform.survey.results.WaveComparison.Wave;
import org.ngoplatform.survey.results.WaveComparison.WaveCell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The workbook's Waves sheet (issue 17 §4), written when the survey is one of two or more waves: per question a table
 * with a count and a share column per wave, each the cell that wave's own Summary sheet holds ({@link CountText}: a
 * hidden count as its mark, no share beside it), {@value #NOT_IN_WAVE} where a wave did not ask
 * the question or offer the option. No pooled totals and no differences (see {@link WaveComparisonService}).
 */
final class WaveComparisonSheet {

    /** Written where a wave did not ask the question or offer the option (as in the results view). */
    static final String NOT_IN_WAVE = "—";

    private final SurveyWorkbook.Text text;

    WaveComparisonSheet(SurveyWorkbook.Text text) {
        this.text = text;
    }

    void write(WorkbookWriter workbook, WaveComparison comparison) {
        if (!comparison.comparable()) {
            return;
        }
        var sheet = workbook.addSummarySheet(t("surveyexport.sheet.waves"));
        List<Wave> waves = comparison.waves();
        for (Wave w : waves) {
            sheet.entry(t("surveyexport.waves.wave", w.number(), w.title()),
                    t("surveyexport.waves.responses", w.responses().display(), w.k()));
        }
        sheet.gap();
        List<Column> columns = new ArrayList<>();
        for (Wave w : waves) {
            columns.add(Column.integer(t("surveyexport.waves.count", w.number())));
            columns.add(Column.percent(t("surveyexport.waves.percent", w.number())));
        }
        for (QuestionRow q : comparison.questions()) {
            QuestionDef d = q.question();
            List<SummaryTable.Row> rows = new ArrayList<>();
            List<Object> answered = new ArrayList<>();
            for (var a : q.answered()) {
                answered.add(a == null ? NOT_IN_WAVE : CountText.countCell(a));
                answered.add(null);
            }
            rows.add(new SummaryTable.Row(t("surveyexport.waves.answered"), answered));
            for (OptionRow o : q.options()) {
                List<Object> values = new ArrayList<>();
                for (WaveCell c : o.waves()) {
                    values.add(c == null ? NOT_IN_WAVE : CountText.countCell(c.count()));
                    values.add(c == null ? null : CountText.shareCell(c.count(), c.percent()));
                }
                rows.add(new SummaryTable.Row(optionLabel(d, o), values));
            }
            if (d.type().isNumeric()) {
                rows.add(stat(t("surveyexport.waves.mean"), q.means()));
                rows.add(stat(t("surveyexport.waves.median"), q.medians()));
            }
            // a matrix's rows, a ranking's ranked options: the row's total, then its options or places per wave
            for (WaveComparison.RowGroup g : q.rows()) {
                List<Object> total = new ArrayList<>();
                for (var a : g.answered()) {
                    total.add(a == null ? NOT_IN_WAVE : CountText.countCell(a));
                    total.add(null);
                }
                rows.add(new SummaryTable.Row(g.label() + " · " + t("survey.results.row-total"), total));
                for (OptionRow o : g.options()) {
                    List<Object> values = new ArrayList<>();
                    for (WaveCell c : o.waves()) {
                        values.add(c == null ? NOT_IN_WAVE : CountText.countCell(c.count()));
                        values.add(c == null ? null : CountText.shareCell(c.count(), c.percent()));
                    }
                    String label = d.type() == QuestionType.RANKING ? t("surveyexport.codebook.rank", o.code()) : optionLabel(d, o);
                    rows.add(new SummaryTable.Row(g.label() + ": " + label, values));
                }
                if (d.type() == QuestionType.RANKING) {
                    rows.add(stat(g.label() + ": " + t("survey.results.mean-rank"), g.meanRanks()));
                }
            }
            sheet.add(new SummaryTable(d.code() + " · " + d.text(), t("surveyexport.summary.option"), columns, rows, -1));
        }
    }

    private static SummaryTable.Row stat(String label, List<BigDecimal> values) {
        List<Object> cells = new ArrayList<>();
        for (BigDecimal v : values) {
            cells.add(v == null ? NOT_IN_WAVE : v.toPlainString());
            cells.add(null);
        }
        return new SummaryTable.Row(label, cells);
    }

    private String optionLabel(QuestionDef q, OptionRow o) {
        if (q.type() == QuestionType.YES_NO) return t("survey.respond." + o.code());
        if (SurveyStructure.OTHER.equals(o.code())) return t("survey.respond.other-option");
        if (SurveyStructure.NO_LONGER_OFFERED.equals(o.code())) return t("survey.results.no-longer-offered");
        if (q.type() == QuestionType.COUNTRY) return Countries.name(o.code(), Locale.ENGLISH);
        return o.label() == null ? o.code() : o.label();
    }

    private String t(String key, Object... params) {
        return text.t(key, params);
    }
}
