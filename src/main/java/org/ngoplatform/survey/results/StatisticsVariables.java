package org.ngoplatform.survey.results;

import org.ngoplatform.export.CellKind;
import org.ngoplatform.export.Column;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of the statistics downloads (SPSS, R, long CSV), one per column of the workbook's Responses sheet
 * and in its order: they are read off the same {@link SurveyWorkbookPlan}, so names, labels, value labels and
 * missing codes are the Codebook's, and a question type added to the plan appears here without a change (a column
 * this class knows nothing special about still gets its question's text as label and its kind).
 */
record StatisticsVariables(List<Variable> variables) {

    /** The three documented codes of the Responses sheet, in this order: not asked, asked and empty, not in version. */
    static final List<String> MISSING_CODES = List.of(SurveyExportService.SKIPPED, SurveyExportService.NO_ANSWER,
            SurveyExportService.NOT_IN_VERSION);
    /** Numbers are stored as DECIMAL(19,4): no answer is below this, so codes under it never meet an answer. */
    static final BigDecimal LOWEST_STORABLE = new BigDecimal("-1000000000000000");
    /** Bytes per character in UTF-8 at most, for string widths in SPSS. */
    private static final int UTF8_MAX = 4;

    /**
     * One variable.
     *
     * @param name        the column name of the Responses sheet
     * @param label       what it holds: the question's text, with the option's label for a column per option
     * @param kind        the column's kind in the workbook
     * @param maxBytes    the longest UTF-8 text a cell can hold (text kinds; for SPSS string widths)
     * @param valueLabels code (as written in data) to label, in the Codebook's order
     * @param question    whether it answers a question (so it may hold a missing code)
     * @param lowest      the lowest answer it can hold (numeric kinds; null: none known)
     */
    record Variable(String name, String label, CellKind kind, int maxBytes, Map<String, String> valueLabels,
                    boolean question, BigDecimal lowest) {

        boolean numeric() {
            return switch (kind) {
                case INTEGER, DECIMAL, PERCENT, BOOLEAN -> true;
                default -> false;
            };
        }

        /**
         * The numeric codes that stand for {@link #MISSING_CODES} in SPSS, where a number column cannot hold text:
         * -7, -8, -9 where answers are never below -6, else the three whole numbers below the lowest answer.
         */
        List<BigDecimal> numericMissing() {
            BigDecimal floor = lowest == null ? LOWEST_STORABLE : lowest.setScale(0, RoundingMode.FLOOR);
            BigDecimal first = floor.subtract(BigDecimal.ONE).min(BigDecimal.valueOf(-7));
            return List.of(first, first.subtract(BigDecimal.ONE), first.subtract(BigDecimal.TWO));
        }
    }

    /**
     * @param versions every version the responses answered (translated as exported); lower bounds of numbers are the
     *                 lowest over all of them
     */
    static StatisticsVariables of(SurveyWorkbookPlan plan, List<SurveyStructure> versions, SurveyWorkbook.Text text) {
        Map<String, BigDecimal> lowest = lowestAnswers(versions);
        Map<String, SurveyWorkbookPlan.Question> byColumn = new HashMap<>();
        plan.questions().forEach(q -> q.columns().forEach(c -> byColumn.put(c, q)));
        List<Variable> variables = new ArrayList<>();
        for (Column c : plan.header()) {
            SurveyWorkbookPlan.Question q = byColumn.get(c.header());
            variables.add(q == null ? fixed(c, text) : answer(c, q, lowest, text));
        }
        return new StatisticsVariables(List.copyOf(variables));
    }

    private static Variable fixed(Column c, SurveyWorkbook.Text text) {
        String label = text.t("surveyexport.variable." + c.header());
        int bytes = switch (c.header()) {
            case SurveyWorkbookPlan.WEEK -> 10;
            default -> 255 * UTF8_MAX;     // names and emails (account's columns are at most 255 characters)
        };
        return new Variable(c.header(), label, c.kind(), bytes, Map.of(), false, BigDecimal.ZERO);
    }

    private static Variable answer(Column c, SurveyWorkbookPlan.Question q, Map<String, BigDecimal> lowest,
                                   SurveyWorkbook.Text text) {
        QuestionDef d = q.def();
        String column = c.header();
        String label = d.text();
        Map<String, String> values = new LinkedHashMap<>();
        int bytes = switch (c.kind()) {
            case LONG_TEXT -> QuestionType.LONG_TEXT_MAX * UTF8_MAX + 4;
            default -> QuestionType.SHORT_TEXT_MAX * UTF8_MAX + 4;
        };
        SurveyWorkbookPlan.Variable planned = q.variables().stream().filter(v -> v.column().equals(column))
                .findFirst().orElse(null);
        if (planned != null && (d.type() == QuestionType.MATRIX || d.type() == QuestionType.RANKING)) {
            // a matrix row (its values: the question's option codes), a row's option (1/0), a ranked place (its
            // values: the option codes put there): labelled with the row's label and option, or the place
            OptionDef row = q.rows().stream().filter(r -> r.code().equals(planned.rowCode())).findFirst().orElse(null);
            label = d.text() + ": " + (planned.rank() != null ? text.t("surveyexport.codebook.rank", planned.rank())
                    : row == null ? planned.rowCode() : row.label());
            if (c.kind() == CellKind.BOOLEAN) {
                String part = column.substring(column.lastIndexOf('.') + 1);
                label = label + ": " + q.choices().stream().filter(o -> o.code().equals(part)).findFirst()
                        .map(o -> SurveyWorkbook.optionLabel(text, d, o)).orElse(part);
            } else {
                for (OptionDef o : q.choices()) values.put(o.code(), SurveyWorkbook.optionLabel(text, d, o));
                bytes = q.choices().stream().mapToInt(o -> o.code().length()).max().orElse(1);
            }
        } else if (column.equals(d.code() + SurveyExportService.OTHER_TEXT_SUFFIX)) {
            label = d.text() + ": " + text.t("surveyexport.variable.other-text");
            bytes = QuestionType.SHORT_TEXT_MAX * UTF8_MAX + 4;
        } else if (column.startsWith(d.code() + ".")) {
            // a column per option (multiple choice) or per part of the question: labelled with that part
            String part = column.substring(d.code().length() + 1);
            label = d.text() + ": " + q.choices().stream().filter(o -> o.code().equals(part)).findFirst()
                    .map(o -> SurveyWorkbook.optionLabel(text, d, o)).orElse(part);
        } else if (!q.choices().isEmpty() && !c.kind().equals(CellKind.BOOLEAN)) {
            for (OptionDef o : q.choices()) values.put(o.code(), SurveyWorkbook.optionLabel(text, d, o));
            bytes = q.choices().stream().mapToInt(o -> o.code().length()).max().orElse(1);
        }
        if (c.kind() == CellKind.BOOLEAN) {
            values.put("1", text.t("surveyexport.value.selected"));
            values.put("0", text.t("surveyexport.value.not-selected"));
        }
        if (d.type() == QuestionType.SCALE && column.equals(d.code())) {
            if (d.scaleMinLabel() != null) values.put(String.valueOf(d.scaleMin()), d.scaleMinLabel());
            if (d.scaleMaxLabel() != null) values.put(String.valueOf(d.scaleMax()), d.scaleMaxLabel());
        }
        if (d.type() == QuestionType.COUNTRY) bytes = 2;
        if (c.kind() == CellKind.DATE) bytes = 10;                  // yyyy-mm-dd
        // the codes .s, .n, .v are two characters: every text column can hold them
        bytes = Math.max(bytes, 2);
        BigDecimal low = c.kind() == CellKind.BOOLEAN ? BigDecimal.ZERO : lowest.get(d.code());
        return new Variable(column, label, c.kind(), bytes, values, true, low);
    }

    /** Per question code the lowest number an answer can be in any version; absent when one version has no bound. */
    private static Map<String, BigDecimal> lowestAnswers(List<SurveyStructure> versions) {
        Map<String, BigDecimal> lowest = new HashMap<>();
        Map<String, Boolean> unbounded = new HashMap<>();
        for (SurveyStructure v : versions) {
            for (QuestionDef d : v.questions()) {
                BigDecimal low = switch (d.type()) {
                    case NUMBER -> d.min();
                    case SCALE -> d.scaleMin() == null ? null : BigDecimal.valueOf(d.scaleMin());
                    default -> null;
                };
                if (low == null) {
                    unbounded.put(d.code(), true);
                } else {
                    lowest.merge(d.code(), low, BigDecimal::min);
                }
            }
        }
        unbounded.keySet().forEach(lowest::remove);
        return lowest;
    }
}
