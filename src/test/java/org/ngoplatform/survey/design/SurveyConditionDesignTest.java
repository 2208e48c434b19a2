package org.ngoplatform.survey.design;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyRejectedException;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.Clause;
import org.ngoplatform.survey.SurveyStructure.Clause.Operator;
import org.ngoplatform.survey.SurveyStructure.Condition;
import org.ngoplatform.survey.SurveyStructure.Condition.Join;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.respond.ResponseStore;
import org.ngoplatform.survey.respond.SubmittedResponse;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ngoplatform.survey.SurveyTestData.choice;
import static org.ngoplatform.survey.SurveyTestData.codes;
import static org.ngoplatform.survey.SurveyTestData.number;
import static org.ngoplatform.survey.SurveyTestData.settings;
import static org.ngoplatform.survey.SurveyTestData.text;
import static org.ngoplatform.survey.SurveyTestData.when;

/** Conditions over several earlier questions, as the builder accepts and refuses them (issue 17 §2). */
@IntegrationTest
class SurveyConditionDesignTest {

    @Autowired SurveyBuilderService builder;
    @Autowired ResponseStore responses;
    @Autowired SurveyTestData data;
    @Autowired AccountFixtures fixtures;

    private static final Condition WHY = new Condition(Join.ANY, List.of(
            Clause.oneOf("claimed", Set.of("no")),
            Clause.compare("amount", Operator.LT, new BigDecimal("1000")),
            Clause.compare("trust", Operator.LE, BigDecimal.TWO)));

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /** Page 1: claimed (yes/no), amount (number 0..100000), trust (scale 1..5), why (text, on all three); page 2 empty. */
    private long survey() {
        fixtures.signIn(Role.ANALYST);
        long id = builder.create(settings("Conditions"));
        builder.addQuestion(id, 0, choice("claimed", QuestionType.YES_NO, true));
        builder.addQuestion(id, 0, number("amount", false, 0, 100000));
        builder.addQuestion(id, 0, text("trust", QuestionType.SCALE));
        builder.addQuestion(id, 0, when(text("why", QuestionType.SHORT_TEXT), Join.ANY, WHY.clauses().toArray(Clause[]::new)));
        builder.addSection(id, "More", null);
        return id;
    }

    private SurveyRejectedException refused(long id, Executable change) {
        SurveyStructure before = builder.structure(id);
        SurveyRejectedException e = assertThrows(SurveyRejectedException.class, change);
        assertThat(builder.structure(id)).as("nothing changed").isEqualTo(before);
        return e;
    }

    @Test
    void a_condition_over_choice_number_and_scale_answers_is_kept_as_entered() {
        long id = survey();
        assertThat(builder.structure(id).question("why").orElseThrow().condition()).isEqualTo(WHY);
        assertThat(QuestionForm.of(builder.structure(id).question("why").orElseThrow()).getCondition()).isEqualTo(WHY);
    }

    @Test
    void a_condition_on_the_same_or_a_later_question_is_refused_next_to_the_condition() {
        long id = survey();
        QuestionForm self = when(text("self", QuestionType.YES_NO), "self", "yes");
        SurveyRejectedException e = refused(id, () -> builder.addQuestion(id, 0, self));
        assertThat(e.field()).isEqualTo("condition");
        assertThat(e.messageKey()).isEqualTo("survey.error.condition-order");

        QuestionForm claimed = QuestionForm.of(builder.structure(id).question("claimed").orElseThrow());
        claimed.setCondition(new Condition(Join.ALL, List.of(Clause.compare("amount", Operator.GT, BigDecimal.ONE))));
        e = refused(id, () -> builder.updateQuestion(id, "claimed", claimed));
        assertThat(e.messageKey()).isEqualTo("survey.error.condition-order");
        assertThat(e.params()).containsExactly("claimed", "amount");
    }

    @Test
    void moves_that_would_put_a_question_above_what_it_depends_on_are_refused_and_change_nothing() {
        long id = survey();
        SurveyRejectedException e = refused(id, () -> builder.moveQuestion(id, "why", -1));
        assertThat(e.messageKey()).isEqualTo("survey.error.condition-order");
        assertThat(e.params()).containsExactly("why", "trust");
        refused(id, () -> builder.moveQuestion(id, "trust", 1));
        builder.moveQuestion(id, "why", 1); // to the next page: still after everything it depends on
        assertThat(refused(id, () -> builder.moveSection(id, 0, 1)).params()).as("nor can the page they are on move below it")
                .containsExactly("why", "claimed");
        assertThat(codes(builder.structure(id))).containsExactly("claimed", "amount", "trust", "why");
    }

    @Test
    void a_question_others_depend_on_cannot_be_removed_nor_lose_what_they_test() {
        long id = survey();
        SurveyRejectedException e = refused(id, () -> builder.removeQuestion(id, "amount"));
        assertThat(e.messageKey()).isEqualTo("survey.error.question-used");
        assertThat(e.params()).containsExactly("amount", "why");

        QuestionForm asText = QuestionForm.of(builder.structure(id).question("trust").orElseThrow());
        asText.setType(QuestionType.SHORT_TEXT);
        assertThat(refused(id, () -> builder.updateQuestion(id, "trust", asText)).messageKey()).isEqualTo("survey.error.condition-type");

        QuestionForm narrower = QuestionForm.of(builder.structure(id).question("amount").orElseThrow());
        narrower.setMin(BigDecimal.valueOf(5000));
        assertThat(refused(id, () -> builder.updateQuestion(id, "amount", narrower)).messageKey())
                .as("the condition's 1000 is no longer a possible answer").isEqualTo("survey.error.condition-value");

        builder.addQuestion(id, 1, text("later", QuestionType.SHORT_TEXT));
        builder.removeQuestion(id, "why");
        builder.removeQuestion(id, "amount");
        assertThat(codes(builder.structure(id))).containsExactly("claimed", "trust", "later");
    }

    @Test
    void bad_conditions_are_refused_with_a_message_for_the_condition_field() {
        long id = survey();
        builder.addQuestion(id, 0, text("note", QuestionType.SHORT_TEXT));
        Map<Condition, String> bad = Map.of(
                Condition.oneOf("note", Set.of("yes")), "survey.error.condition-type",
                Condition.oneOf("nowhere", Set.of("yes")), "survey.error.condition-unknown",
                Condition.oneOf("claimed", Set.of("maybe")), "survey.error.condition-options",
                Condition.oneOf("claimed", Set.of("Not A Code")), "survey.error.condition-options",
                new Condition(Join.ALL, List.of(Clause.compare("trust", Operator.GE, BigDecimal.valueOf(6)))), "survey.error.condition-value",
                new Condition(Join.ALL, List.of(Clause.compare("amount", Operator.GE, null))), "survey.error.condition-value-missing",
                new Condition(Join.ALL, List.of(new Clause("amount", null, Set.of(), BigDecimal.ONE))), "survey.error.condition-value-missing",
                new Condition(Join.ANY, java.util.Collections.nCopies(11, Clause.oneOf("claimed", Set.of("yes")))), "survey.error.condition-clauses");
        bad.forEach((condition, key) -> {
            QuestionForm f = text("bad", QuestionType.SHORT_TEXT);
            f.setCondition(condition);
            SurveyRejectedException e = refused(id, () -> builder.addQuestion(id, 0, f));
            assertThat(e.field()).as(condition.toString()).isEqualTo("condition");
            assertThat(e.messageKey()).as(condition.toString()).isEqualTo(key);
        });
    }

    @Test
    void a_changed_condition_after_the_first_response_makes_a_new_version_and_old_responses_keep_theirs() {
        var survey = data.openSurvey();
        data.submit(survey, SurveyTestData.complete("lawyer", 12, false));
        AccountFixtures.signIn(survey.analyst());

        QuestionForm routes = QuestionForm.of(builder.structure(survey.id()).question("routes").orElseThrow());
        Condition wider = new Condition(Join.ANY, List.of(Clause.oneOf("claimed", Set.of("yes")),
                Clause.compare("years", Operator.GE, BigDecimal.TEN)));
        routes.setCondition(wider);
        SurveyStructure v2 = builder.updateQuestion(survey.id(), "routes", routes);

        assertThat(v2.versionNumber()).isEqualTo(2);
        assertThat(v2.question("routes").orElseThrow().condition()).isEqualTo(wider);
        assertThat(responses.versions(survey.id()).getFirst().question("routes").orElseThrow().condition())
                .isEqualTo(Condition.oneOf("claimed", Set.of("yes")));
        List<SubmittedResponse> all = new ArrayList<>();
        responses.forEachResponsePage(survey.id(), null, 10, all::addAll);
        assertThat(all).singleElement().satisfies(r -> assertThat(r.answers().get("routes").state())
                .as("judged by its own version's condition").isEqualTo(SubmittedResponse.AnswerState.SKIPPED_BY_CONDITION));
    }
}
