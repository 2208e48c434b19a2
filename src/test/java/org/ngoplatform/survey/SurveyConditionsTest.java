package org.ngoplatform.survey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ngoplatform.survey.SurveyStructure.Clause;
import org.ngoplatform.survey.SurveyStructure.Clause.Operator;
import org.ngoplatform.survey.SurveyStructure.Condition;
import org.ngoplatform.survey.SurveyStructure.Condition.Join;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.SurveyStructure.SectionDef;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SurveyConditionsTest {

    private static final Clause CLAIMED_YES = Clause.oneOf("claimed", Set.of("yes"));
    private static final Clause AMOUNT_AT_LEAST_1000 = Clause.compare("amount", Operator.GE, new BigDecimal("1000"));

    @ParameterizedTest(name = "claimed={0} amount={1}: all {2}, any {3}")
    @CsvSource({
            "yes, 5000, true,  true",
            "yes, 10,   false, true",
            "no,  5000, false, true",
            "no,  10,   false, false",
    })
    void all_needs_every_clause_and_any_needs_one(String claimed, long amount, boolean all, boolean any) {
        Map<String, AnswerValue> answers = Map.of("claimed", AnswerValue.ofOptions(claimed), "amount", AnswerValue.ofNumber(amount));
        assertThat(SurveyConditions.holds(new Condition(Join.ALL, List.of(CLAIMED_YES, AMOUNT_AT_LEAST_1000)), answers::get)).isEqualTo(all);
        assertThat(SurveyConditions.holds(new Condition(Join.ANY, List.of(CLAIMED_YES, AMOUNT_AT_LEAST_1000)), answers::get)).isEqualTo(any);
    }

    @ParameterizedTest(name = "{0} {1} 3 holds for 2/3/4: {2}/{3}/{4}")
    @CsvSource({
            "EQ, =, false, true,  false",
            "NE, ≠, true,  false, true",
            "LT, <, true,  false, false",
            "LE, ≤, true,  true,  false",
            "GT, >, false, false, true",
            "GE, ≥, false, true,  true",
    })
    void comparisons_of_numbers_and_scale_points(Operator op, String symbol, boolean at2, boolean at3, boolean at4) {
        Clause clause = Clause.compare("q", op, new BigDecimal("3.0"));
        assertThat(SurveyConditions.holds(clause, AnswerValue.ofNumber(2))).isEqualTo(at2);
        assertThat(SurveyConditions.holds(clause, AnswerValue.ofNumber(3))).as("3 and 3.0 are equal").isEqualTo(at3);
        assertThat(SurveyConditions.holds(clause, AnswerValue.ofNumber(4))).isEqualTo(at4);
        assertThat(SurveyConditions.symbol(op)).isEqualTo(symbol);
    }

    @Test
    void a_missing_answer_never_satisfies_a_clause_not_even_not_equal() {
        for (Operator op : Operator.values()) {
            Clause clause = op == Operator.ONE_OF ? CLAIMED_YES : Clause.compare("q", op, BigDecimal.ONE);
            assertThat(SurveyConditions.holds(clause, null)).as(op.name()).isFalse();
            assertThat(SurveyConditions.holds(clause, AnswerValue.EMPTY)).as(op.name()).isFalse();
        }
        assertThat(SurveyConditions.holds(new Condition(Join.ANY, List.of(CLAIMED_YES, AMOUNT_AT_LEAST_1000)), c -> null)).isFalse();
    }

    @Test
    void one_of_matches_any_chosen_option_of_a_multiple_choice() {
        Clause clause = Clause.oneOf("routes", Set.of("civil", "fund"));
        assertThat(SurveyConditions.holds(clause, AnswerValue.ofOptions("criminal", "fund"))).isTrue();
        assertThat(SurveyConditions.holds(clause, AnswerValue.ofOptions("criminal"))).isFalse();
    }

    @Test
    void answers_to_a_hidden_question_do_not_make_a_later_condition_hold() {
        // claimed (yes/no) → amount only when claimed = yes → detail when amount ≥ 1000 OR claimed = no
        SurveyStructure s = structure(
                yesNo("claimed", null),
                number("amount", Condition.oneOf("claimed", Set.of("yes")), null, null),
                text("detail", new Condition(Join.ANY, List.of(AMOUNT_AT_LEAST_1000, Clause.oneOf("claimed", Set.of("no"))))));
        Map<String, AnswerValue> answers = new HashMap<>(Map.of("claimed", AnswerValue.ofOptions("yes"), "amount", AnswerValue.ofNumber(5000)));
        assertThat(SurveyConditions.visibility(s, answers)).containsExactly(
                Map.entry("claimed", true), Map.entry("amount", true), Map.entry("detail", true));
        answers.put("claimed", AnswerValue.ofOptions("no"));
        assertThat(SurveyConditions.visibility(s, answers)).as("no: amount hidden, detail by its OR").containsExactly(
                Map.entry("claimed", true), Map.entry("amount", false), Map.entry("detail", true));
        answers.remove("claimed");
        assertThat(SurveyConditions.visibility(s, answers)).as("the stale amount of a hidden question counts for nothing")
                .containsExactly(Map.entry("claimed", true), Map.entry("amount", false), Map.entry("detail", false));
    }

    @Test
    void a_design_may_refer_only_to_earlier_choice_number_and_scale_questions() {
        QuestionDef claimed = yesNo("claimed", null);
        QuestionDef amount = number("amount", null, BigDecimal.ZERO, new BigDecimal("100000"));
        QuestionDef trust = scale("trust", null);
        QuestionDef note = text("note", null);
        assertThat(problem(claimed, amount, trust, note, text("ok", new Condition(Join.ALL, List.of(CLAIMED_YES,
                AMOUNT_AT_LEAST_1000, Clause.compare("trust", Operator.LE, BigDecimal.TWO)))))).isNull();

        assertThat(problem(claimed, text("later", Condition.oneOf("after", Set.of("a"))), choice("after", null)))
                .as("a later question").isEqualTo(new SurveyConditions.Problem("later", "survey.error.condition-order", List.of("later", "after")));
        assertThat(problem(claimed, yesNo("self", Condition.oneOf("self", Set.of("yes")))).key())
                .as("itself").isEqualTo("survey.error.condition-order");
        assertThat(problem(claimed, text("x", Condition.oneOf("nowhere", Set.of("yes")))).key()).isEqualTo("survey.error.condition-unknown");
        assertThat(problem(note, text("x", Condition.oneOf("note", Set.of("yes")))).key()).isEqualTo("survey.error.condition-type");
        assertThat(problem(claimed, text("x", Condition.oneOf("claimed", Set.of("maybe")))).key()).isEqualTo("survey.error.condition-options");
        assertThat(problem(claimed, text("x", Condition.oneOf("claimed", Set.of()))).key()).isEqualTo("survey.error.condition-options");
        assertThat(problem(claimed, text("x", new Condition(Join.ALL, List.of(Clause.compare("claimed", Operator.EQ, BigDecimal.ONE))))).key())
                .as("a comparison on a choice").isEqualTo("survey.error.condition-options");
        assertThat(problem(amount, text("x", new Condition(Join.ALL, List.of(Clause.oneOf("amount", Set.of("1")))))).key())
                .as("options on a number").isEqualTo("survey.error.condition-value-missing");
        assertThat(problem(trust, text("x", new Condition(Join.ALL, List.of(Clause.compare("trust", Operator.GT, BigDecimal.valueOf(6)))))))
                .as("outside the scale").isEqualTo(new SurveyConditions.Problem("x", "survey.error.condition-value", List.of("x", "trust", "1–5")));
        assertThat(problem(trust, text("x", new Condition(Join.ALL, List.of(Clause.compare("trust", Operator.GT, new BigDecimal("2.5")))))).key())
                .as("between scale points").isEqualTo("survey.error.condition-value");
        assertThat(problem(amount, text("x", new Condition(Join.ALL, List.of(Clause.compare("amount", Operator.LT, BigDecimal.valueOf(-1)))))).key())
                .as("below the number's minimum").isEqualTo("survey.error.condition-value");
        assertThat(problem(claimed, text("x", new Condition(Join.ALL, List.of())))).isEqualTo(
                new SurveyConditions.Problem("x", "survey.error.condition-clauses", List.of(SurveyConditions.CLAUSES_MAX)));
    }

    @Test
    void dependents_and_description_name_the_codes() {
        Condition both = new Condition(Join.ANY, List.of(Clause.oneOf("claimed", new java.util.LinkedHashSet<>(List.of("yes", "partly"))), AMOUNT_AT_LEAST_1000));
        assertThat(SurveyConditions.dependents(List.of(yesNo("claimed", null), text("a", both), text("b", null)), "claimed"))
                .containsExactly("a");
        assertThat(SurveyConditions.describe(both, "in", "AND", "OR")).isEqualTo("claimed in (yes, partly) OR amount ≥ 1000");
        assertThat(SurveyConditions.describe(both, "ist eines von", "und", "oder"))
                .as("every word given by the caller").isEqualTo("claimed ist eines von (yes, partly) oder amount ≥ 1000");
        assertThat(SurveyConditions.describe(null, "in", "AND", "OR")).isNull();
    }

    // --- definitions -----------------------------------------------------------------------------

    private static SurveyConditions.Problem problem(QuestionDef... questions) {
        return SurveyConditions.check(List.of(questions)).orElse(null);
    }

    private static SurveyStructure structure(QuestionDef... questions) {
        return new SurveyStructure(1, 1, 1, "t", null, null, SurveyAudience.PUBLIC_LINK, SurveyAnonymity.ANONYMOUS, 5,
                List.of(new SectionDef(1, 0, "p", null, new ArrayList<>(List.of(questions)))));
    }

    private static QuestionDef def(String code, QuestionType type, Condition c, BigDecimal min, BigDecimal max,
                                   Integer scaleMin, Integer scaleMax, List<OptionDef> options) {
        return new QuestionDef(0, code, type, code, null, false, min, max, false, scaleMin, scaleMax, null, null, false, c, options);
    }

    private static QuestionDef yesNo(String code, Condition c) {
        return def(code, QuestionType.YES_NO, c, null, null, null, null, List.of());
    }

    private static QuestionDef choice(String code, Condition c) {
        return def(code, QuestionType.SINGLE_CHOICE, c, null, null, null, null, List.of(new OptionDef("a", "A")));
    }

    private static QuestionDef number(String code, Condition c, BigDecimal min, BigDecimal max) {
        return def(code, QuestionType.NUMBER, c, min, max, null, null, List.of());
    }

    private static QuestionDef scale(String code, Condition c) {
        return def(code, QuestionType.SCALE, c, null, null, 1, 5, List.of());
    }

    private static QuestionDef text(String code, Condition c) {
        return def(code, QuestionType.SHORT_TEXT, c, null, null, null, null, List.of());
    }
}
