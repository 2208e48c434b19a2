package org.ngoplatform.survey.respond;

import org.ngoplatform.base.Countries;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyConditions;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which questions a respondent sees and whether their answers are acceptable. Pure functions, used by the
 * respondent form for per-page messages and again by the service before anything is stored.
 */
public final class AnswerRules {

    /** A problem with one answer: a message key of the survey bundle and an optional parameter. */
    public record Problem(String key, Object param) {
    }

    private AnswerRules() {
    }

    /** Whether every question is shown: {@link SurveyConditions#visibility}, the one rule. */
    public static Map<String, Boolean> visibility(SurveyStructure structure, Map<String, AnswerValue> answers) {
        return SurveyConditions.visibility(structure, answers);
    }

    /** Problems of the given questions that are visible; empty when all is well. */
    public static Map<String, Problem> validate(Collection<QuestionDef> questions, Map<String, Boolean> visible,
                                                Map<String, AnswerValue> answers) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (QuestionDef q : questions) {
            if (!visible.getOrDefault(q.code(), true)) {
                continue;
            }
            Problem p = check(q, answers.getOrDefault(q.code(), AnswerValue.EMPTY));
            if (p != null) {
                problems.put(q.code(), p);
            }
        }
        return problems;
    }

    static Problem check(QuestionDef q, AnswerValue a) {
        if (a.isEmptyFor(q.type())) {
            return q.required() ? new Problem("survey.answer.required", null) : null;
        }
        switch (q.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE, YES_NO -> {
                Set<String> allowed = q.choices().stream().map(SurveyStructure.OptionDef::code).collect(Collectors.toSet());
                if (!allowed.containsAll(a.options()) || (q.type() != QuestionType.MULTIPLE_CHOICE && a.options().size() > 1)) {
                    return new Problem("survey.answer.option", null);
                }
                if (a.options().contains(SurveyStructure.OTHER)) {
                    if (a.otherText() == null || a.otherText().isBlank()) {
                        return new Problem("survey.answer.other-missing", null);
                    }
                    if (a.otherText().length() > QuestionType.SHORT_TEXT_MAX) {
                        return new Problem("survey.answer.too-long", QuestionType.SHORT_TEXT_MAX);
                    }
                }
            }
            case SHORT_TEXT -> {
                if (a.text().strip().length() > QuestionType.SHORT_TEXT_MAX) {
                    return new Problem("survey.answer.too-long", QuestionType.SHORT_TEXT_MAX);
                }
            }
            case LONG_TEXT -> {
                if (a.text().strip().length() > QuestionType.LONG_TEXT_MAX) {
                    return new Problem("survey.answer.too-long", QuestionType.LONG_TEXT_MAX);
                }
            }
            case COUNTRY -> {
                if (!Countries.isValid(a.text())) {
                    return new Problem("survey.answer.country", null);
                }
            }
            case NUMBER -> {
                BigDecimal n = a.number();
                if (q.integerOnly() && n.stripTrailingZeros().scale() > 0) {
                    return new Problem("survey.answer.integer", null);
                }
                if (n.stripTrailingZeros().scale() > 4 || n.abs().compareTo(new BigDecimal("1000000000000")) >= 0) {
                    return new Problem("survey.answer.number", null);
                }
                if (q.min() != null && n.compareTo(q.min()) < 0) {
                    return new Problem("survey.answer.min", q.min().toPlainString());
                }
                if (q.max() != null && n.compareTo(q.max()) > 0) {
                    return new Problem("survey.answer.max", q.max().toPlainString());
                }
            }
            case SCALE -> {
                BigDecimal n = a.number();
                // compared as decimals: intValue() would wrap a huge number into the scale
                if (n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(q.scaleMin())) < 0
                        || n.compareTo(BigDecimal.valueOf(q.scaleMax())) > 0) {
                    return new Problem("survey.answer.scale", q.scaleMin() + "–" + q.scaleMax());
                }
            }
            case DATE -> {
                if (a.date().getYear() < 1900 || a.date().getYear() > 2100) {
                    return new Problem("survey.answer.date", null);
                }
            }
            case MATRIX -> {
                return checkMatrix(q, a);
            }
            case RANKING -> {
                return checkRanking(q, a);
            }
        }
        return null;
    }

    /** Known rows and options, one option per row unless several are allowed; a required matrix has every row answered. */
    private static Problem checkMatrix(QuestionDef q, AnswerValue a) {
        Set<String> rows = q.rows().stream().map(SurveyStructure.OptionDef::code).collect(Collectors.toSet());
        Set<String> options = q.options().stream().map(SurveyStructure.OptionDef::code).collect(Collectors.toSet());
        for (Map.Entry<String, Set<String>> row : a.rows().entrySet()) {
            if (!rows.contains(row.getKey()) || !options.containsAll(row.getValue())
                    || (!q.multiplePerRow() && row.getValue().size() > 1)) {
                return new Problem("survey.answer.option", null);
            }
        }
        int missing = q.rows().size() - a.rows().size();
        if (q.required() && missing > 0) {
            return new Problem("survey.answer.matrix-rows", missing);
        }
        return null;
    }

    /** Known options, each at most once (duplicates named first), and every option ranked: nothing left out. */
    private static Problem checkRanking(QuestionDef q, AnswerValue a) {
        Set<String> options = q.options().stream().map(SurveyStructure.OptionDef::code).collect(Collectors.toSet());
        Set<String> seen = new java.util.HashSet<>();
        int given = 0;
        for (String code : a.ranking()) {
            if (code == null || code.isBlank()) {
                continue;
            }
            if (!options.contains(code)) {
                return new Problem("survey.answer.option", null);
            }
            if (!seen.add(code)) {
                return new Problem("survey.answer.ranking-duplicate", null);
            }
            given++;
        }
        if (given != options.size() || a.ranking().size() != options.size()) {
            return new Problem("survey.answer.ranking-incomplete", options.size());
        }
        return null;
    }

    /**
     * Problems a saved draft may still have: what the respondent has not finished yet (a required answer, rows of a
     * matrix, places of a ranking). Anything else malformed is refused even in a draft.
     */
    public static boolean unfinished(Problem p) {
        return Set.of("survey.answer.required", "survey.answer.matrix-rows", "survey.answer.ranking-incomplete",
                "survey.answer.ranking-duplicate").contains(p.key());
    }

    /** Keeps only answers to visible questions, trimmed: hidden questions count as skipped, not answered. */
    static Map<String, AnswerValue> effective(SurveyStructure structure, Map<String, AnswerValue> answers) {
        Map<String, Boolean> visible = visibility(structure, answers);
        Map<String, AnswerValue> kept = new HashMap<>();
        for (QuestionDef q : structure.questions()) {
            AnswerValue a = answers.get(q.code());
            if (a != null && visible.get(q.code()) && !a.isEmptyFor(q.type())) {
                kept.put(q.code(), a);
            }
        }
        return kept;
    }
}
