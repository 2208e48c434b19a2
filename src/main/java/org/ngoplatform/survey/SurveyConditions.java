package org.ngoplatform.survey;

import org.ngoplatform.survey.SurveyStructure.Clause;
import org.ngoplatform.survey.SurveyStructure.Condition;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one rule of conditional questions, pure functions used by the builder (what a design may hold), the respondent
 * service and form, the preview, results and exports (which questions are shown).
 * <p>
 * A question is shown when it has no condition, or when its condition holds over the answers to the questions
 * <em>shown</em> before it: all clauses ({@code ALL}, AND) or at least one ({@code ANY}, OR). A clause on a question
 * that is hidden or left unanswered does not hold, whatever its operator (so "≠ 3" needs an answer other than 3).
 * <p>
 * A clause may only refer to an earlier question, so the "depends on" relation follows the order of the questions and
 * cannot form a cycle; a change that would break that order (a move, a removal, a new type) is refused as a whole.
 */
public final class SurveyConditions {

    /** At most this many clauses per condition. */
    public static final int CLAUSES_MAX = 10;

    /** Why a design's condition is refused: a message key of the survey bundle and its parameters. */
    public record Problem(String questionCode, String key, List<Object> params) {
        public Problem {
            params = List.copyOf(params);
        }
    }

    private SurveyConditions() {
    }

    /** Whether conditions may test answers to a question of this type. */
    public static boolean canReferTo(QuestionType type) {
        return type != null && (type.isChoice() || type.isNumeric());
    }

    /** Whether every question is shown, in respondent order; answers to hidden questions never count. */
    public static Map<String, Boolean> visibility(SurveyStructure structure, Map<String, AnswerValue> answers) {
        Map<String, Boolean> visible = new LinkedHashMap<>();
        for (QuestionDef q : structure.questions()) {
            visible.put(q.code(), q.condition() == null || holds(q.condition(), code ->
                    Boolean.TRUE.equals(visible.get(code)) ? answers.get(code) : null));
        }
        return visible;
    }

    /** Whether {@code condition} holds, {@code shownAnswer} giving the answer of a shown question (null otherwise). */
    public static boolean holds(Condition condition, Function<String, AnswerValue> shownAnswer) {
        if (condition.join() == Condition.Join.ANY) {
            return condition.clauses().stream().anyMatch(c -> holds(c, shownAnswer.apply(c.questionCode())));
        }
        return condition.clauses().stream().allMatch(c -> holds(c, shownAnswer.apply(c.questionCode())));
    }

    /** Whether one clause holds for {@code answer} (null or empty: never). */
    public static boolean holds(Clause clause, AnswerValue answer) {
        if (answer == null) {
            return false;
        }
        if (clause.operator() == Clause.Operator.ONE_OF) {
            return answer.options().stream().anyMatch(clause.optionCodes()::contains);
        }
        if (answer.number() == null || clause.value() == null) {
            return false;
        }
        int c = answer.number().compareTo(clause.value());
        return switch (clause.operator()) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case ONE_OF -> throw new IllegalStateException();
        };
    }

    /** Codes of the questions whose conditions refer to {@code code}, in order. */
    public static List<String> dependents(List<QuestionDef> questions, String code) {
        return questions.stream()
                .filter(q -> q.condition() != null && q.condition().clauses().stream().anyMatch(c -> c.questionCode().equals(code)))
                .map(QuestionDef::code).toList();
    }

    /**
     * The first condition in {@code questions} (respondent order) that a design may not hold: no or too many clauses,
     * a question that does not exist or does not come earlier, a question of a type conditions cannot test, an
     * operator that does not fit it, options it does not offer, a value outside its range.
     */
    public static Optional<Problem> check(List<QuestionDef> questions) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            position.putIfAbsent(questions.get(i).code(), i);
        }
        for (int i = 0; i < questions.size(); i++) {
            QuestionDef q = questions.get(i);
            if (q.condition() == null) {
                continue;
            }
            int clauses = q.condition().clauses().size();
            if (clauses == 0 || clauses > CLAUSES_MAX) {
                return Optional.of(new Problem(q.code(), "survey.error.condition-clauses", List.of(CLAUSES_MAX)));
            }
            for (Clause clause : q.condition().clauses()) {
                Integer at = clause.questionCode() == null ? null : position.get(clause.questionCode());
                String on = String.valueOf(clause.questionCode());
                if (at == null) {
                    return problem(q, "survey.error.condition-unknown", on);
                }
                if (at >= i) {
                    return problem(q, "survey.error.condition-order", on);
                }
                Optional<Problem> p = checkClause(q, clause, questions.get(at));
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> checkClause(QuestionDef q, Clause clause, QuestionDef on) {
        if (!canReferTo(on.type()) || clause.operator() == null) {
            return problem(q, "survey.error.condition-type", on.code());
        }
        if (on.type().isChoice()) {
            Set<String> offered = on.choices().stream().map(OptionDef::code).collect(Collectors.toSet());
            if (clause.operator() != Clause.Operator.ONE_OF || clause.optionCodes().isEmpty()
                    || !offered.containsAll(clause.optionCodes())) {
                return problem(q, "survey.error.condition-options", on.code());
            }
            return Optional.empty();
        }
        BigDecimal v = clause.value();
        if (clause.operator() == Clause.Operator.ONE_OF || v == null) {
            return problem(q, "survey.error.condition-value-missing", on.code());
        }
        BigDecimal min = on.type() == QuestionType.SCALE ? BigDecimal.valueOf(on.scaleMin()) : on.min();
        BigDecimal max = on.type() == QuestionType.SCALE ? BigDecimal.valueOf(on.scaleMax()) : on.max();
        boolean whole = on.type() == QuestionType.SCALE || on.integerOnly();
        if ((whole && v.stripTrailingZeros().scale() > 0) || (min != null && v.compareTo(min) < 0)
                || (max != null && v.compareTo(max) > 0) || v.stripTrailingZeros().scale() > 4
                || v.abs().compareTo(new BigDecimal("1000000000000")) >= 0) {
            return problem(q, "survey.error.condition-value", on.code(), range(min, max));
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(QuestionDef q, String key, Object... more) {
        List<Object> params = new ArrayList<>();
        params.add(q.code());
        params.addAll(List.of(more));
        return Optional.of(new Problem(q.code(), key, params));
    }

    private static String range(BigDecimal min, BigDecimal max) {
        return (min == null ? "" : min.stripTrailingZeros().toPlainString()) + "–"
                + (max == null ? "" : max.stripTrailingZeros().toPlainString());
    }

    /**
     * The condition in codes and symbols, e.g. {@code claimed in (no, partly) AND amount ≥ 1000}; {@code oneOf},
     * {@code and} and {@code or} name the test for options and the joins (the codebook writes in/AND/OR, the builder
     * its translated words).
     */
    public static String describe(Condition condition, String oneOf, String and, String or) {
        if (condition == null) {
            return null;
        }
        return condition.clauses().stream().map(c -> describe(c, oneOf))
                .collect(Collectors.joining(" " + (condition.join() == Condition.Join.ANY ? or : and) + " "));
    }

    private static String describe(Clause c, String oneOf) {
        if (c.operator() == Clause.Operator.ONE_OF) {
            return c.questionCode() + " " + oneOf + " (" + String.join(", ", c.optionCodes()) + ")";
        }
        return c.questionCode() + " " + symbol(c.operator()) + " "
                + (c.value() == null ? "" : c.value().stripTrailingZeros().toPlainString());
    }

    /** The mathematical sign of a comparison. */
    public static String symbol(Clause.Operator operator) {
        return switch (operator) {
            case ONE_OF -> "in";
            case EQ -> "=";
            case NE -> "≠";
            case LT -> "<";
            case LE -> "≤";
            case GT -> ">";
            case GE -> "≥";
        };
    }
}
