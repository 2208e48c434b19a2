package org.ngoplatform.survey.respond;

import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one submitted response adds to its survey's running counts ({@code survey_result_count}, V23): for every
 * filter the response matches (all responses, and each option or country it gave), one count per cell it falls in.
 * The cells hold exactly what the results' tally reads from a response (answered, shown but empty, answered with a
 * text, each chosen option, the number, the country of a country question), so results summed from these counts
 * equal results from a pass over every response (SurveyResultsTallyTest compares both on random data).
 * <p>
 * The filters mirror {@code ResponseStore}'s filter on stored answers: a chosen option code, or the text of a
 * country answer. Texts of free-text questions are no filter here; {@code TallyCoverage} says when a survey's
 * history needs them, and then results are read the old way.
 */
public final class ResponseTally {

    /** {@code T}otal, {@code A}nswered, {@code M}issing (shown, left empty), te{@code X}t given, {@code O}ption,
     * {@code N}umber, {@code C}ountry; {@code R}: a matrix cell (value {@code row/option}) or a ranked place (value
     * {@code option/rank}); {@code W}: a matrix row answered (value the row code). */
    public enum Facet { T, A, M, X, O, N, C, R, W }

    /** One cell of the counts, without its filter. */
    public record Cell(String questionCode, Facet facet, String value) {
    }

    /** A filter of results; {@link #ALL} is no filter. */
    public record Filter(String code, String value) {
        public static final Filter ALL = new Filter("", "");
    }

    /** One count to raise by one. */
    public record Key(Filter filter, Cell cell) {
    }

    /**
     * Whether running counts give exactly what a pass over every response gives for results of {@code current}
     * filtered on {@code filterCode} (null: unfiltered). They count texts only as countries of country questions
     * (and as "answered with a text"), so a code that is a country question now, or the filter's code, must never
     * have been a free-text question in any version; if it was, results are read by a pass.
     */
    public static boolean covers(List<SurveyStructure> versions, SurveyStructure current, String filterCode) {
        Set<String> onceFreeText = new LinkedHashSet<>();
        versions.forEach(v -> v.questions().stream().filter(q -> q.type().isText()).forEach(q -> onceFreeText.add(q.code())));
        return covers(onceFreeText, current, filterCode);
    }

    /**
     * The same rule, given the codes that are a free-text question in some version
     * ({@code ResponseStore.codesOnceFreeText}); {@code current} null when no country counts are asked for (text counts).
     */
    public static boolean covers(Set<String> onceFreeText, SurveyStructure current, String filterCode) {
        if (filterCode != null && onceFreeText.contains(filterCode)) {
            return false;
        }
        return current == null || current.questions().stream()
                .noneMatch(q -> q.type() == QuestionType.COUNTRY && onceFreeText.contains(q.code()));
    }

    /** Longest filter value (an option or country code; the column is VARCHAR(40)). */
    static final int MAX_FILTER_VALUE = 40;
    /** Longest value a count holds: an option code, number key, or two codes of a matrix cell or ranked place (V25). */
    static final int MAX_VALUE = 100;

    /** The value of a matrix cell's count. */
    public static String matrixCell(String row, String option) {
        return row + "/" + option;
    }

    /** The value of the count of an option ranked at {@code rank} (1 = first). */
    public static String rankedPlace(String option, int rank) {
        return option + "/" + rank;
    }

    private ResponseTally() {
    }

    /**
     * The counts one response raises: {@code given} are its stored answers keyed by code, read back as every
     * reader sees them ({@code ResponseStore.loadAnswers}), {@code version} the structure it answered.
     */
    public static Set<Key> keys(SurveyStructure version, Map<String, AnswerValue> given) {
        Map<String, Boolean> visible = AnswerRules.visibility(version, given);
        List<Cell> cells = new ArrayList<>();
        Set<Filter> filters = new LinkedHashSet<>();
        filters.add(Filter.ALL);
        cells.add(new Cell("", Facet.T, ""));
        for (QuestionDef q : version.questions()) {
            // a filter matches stored answers, shown or not (as ResponseStore's filter does)
            AnswerValue stored = given.get(q.code());
            if (stored != null) {
                stored.options().forEach(option -> filters.add(new Filter(q.code(), option)));
                if (q.type() == QuestionType.COUNTRY && stored.text() != null) {
                    filters.add(new Filter(q.code(), stored.text()));
                }
            }
        }
        for (QuestionDef q : version.questions()) {
            String code = q.code();
            if (!Boolean.TRUE.equals(visible.get(code))) {
                continue; // skipped by its condition: "not shown", which is T - A - M
            }
            AnswerValue v = given.get(code);
            if (v == null) {
                cells.add(new Cell(code, Facet.M, ""));
                continue;
            }
            cells.add(new Cell(code, Facet.A, ""));
            if (v.text() != null) {
                cells.add(new Cell(code, Facet.X, ""));
            }
            for (String option : v.options()) {
                cells.add(new Cell(code, Facet.O, option));
            }
            if (v.number() != null) {
                // toString gives the BigDecimal back exactly (unscaled value and scale) through new BigDecimal(String)
                cells.add(new Cell(code, Facet.N, v.number().toString()));
            }
            if (q.type() == QuestionType.COUNTRY && v.text() != null) {
                cells.add(new Cell(code, Facet.C, v.text()));
            }
            v.rows().forEach((row, chosen) -> {
                cells.add(new Cell(code, Facet.W, row));
                chosen.forEach(option -> cells.add(new Cell(code, Facet.R, matrixCell(row, option))));
            });
            for (int i = 0; i < v.ranking().size(); i++) {
                if (v.ranking().get(i) != null) cells.add(new Cell(code, Facet.R, rankedPlace(v.ranking().get(i), i + 1)));
            }
        }
        Set<Key> keys = new LinkedHashSet<>();
        for (Filter f : filters) {
            for (Cell c : cells) {
                keys.add(new Key(f, c));
            }
        }
        for (Key k : keys) {
            if (k.cell().value().length() > MAX_VALUE || k.filter().value().length() > MAX_FILTER_VALUE) {
                throw new IllegalStateException("value too long: " + k);
            }
        }
        return keys;
    }
}
