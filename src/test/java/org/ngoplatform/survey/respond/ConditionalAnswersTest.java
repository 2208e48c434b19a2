package org.ngoplatform.survey.respond;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyStructure.Clause;
import org.ngoplatform.survey.SurveyStructure.Condition.Join;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.design.QuestionForm;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.results.SurveyResultsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Conditions over several earlier answers decide what a respondent must answer and what is kept. */
@IntegrationTest
class ConditionalAnswersTest {

    @Autowired SurveyBuilderService builder;
    @Autowired ResponseStore responses;
    @Autowired SurveyResultsService results;
    @Autowired SurveyTestData data;
    @Autowired AccountFixtures fixtures;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /** claimed (yes/no), years (number 0..60), trust (scale 1..5); detail (required text) when claimed = yes AND (years ≥ 5) AND trust ≤ 2. */
    private SurveyTestData.Built survey() {
        AccountPrincipal analyst = fixtures.signIn(Role.ANALYST);
        var settings = SurveyTestData.settings("Conditional answers");
        settings.setSuppressionK(2);
        long id = builder.create(settings);
        builder.addQuestion(id, 0, SurveyTestData.choice("claimed", QuestionType.YES_NO, true));
        builder.addQuestion(id, 0, SurveyTestData.number("years", true, 0, 60));
        builder.addQuestion(id, 0, SurveyTestData.text("trust", QuestionType.SCALE));
        QuestionForm detail = SurveyTestData.when(SurveyTestData.text("detail", QuestionType.SHORT_TEXT), Join.ALL,
                Clause.oneOf("claimed", Set.of("yes")), Clause.compare("years", Clause.Operator.GE, BigDecimal.valueOf(5)),
                Clause.compare("trust", Clause.Operator.LE, BigDecimal.TWO));
        detail.setRequired(true);
        builder.addQuestion(id, 0, detail);
        builder.changeStatus(id, SurveyStatus.OPEN);
        String key = builder.find(id).orElseThrow().publicKey();
        AccountFixtures.signOut();
        return new SurveyTestData.Built(id, key, analyst);
    }

    private static Map<String, AnswerValue> answers(String claimed, int years, int trust, String detail) {
        var a = new java.util.HashMap<String, AnswerValue>(Map.of("claimed", AnswerValue.ofOptions(claimed),
                "years", AnswerValue.ofNumber(years), "trust", AnswerValue.ofNumber(trust)));
        if (detail != null) a.put("detail", AnswerValue.ofText(detail));
        return a;
    }

    @Test
    void a_question_shown_only_when_all_clauses_hold_is_required_then_and_its_hidden_answers_are_never_stored() {
        var survey = survey();
        assertThatThrownBy(() -> data.submit(survey, answers("yes", 7, 1, null)))
                .as("all three hold: shown, so required")
                .isInstanceOfSatisfying(SurveyAnswersRejectedException.class, e -> assertThat(e.problems()).containsOnlyKeys("detail"));

        data.submit(survey, answers("yes", 7, 1, "Asked and answered"));
        data.submit(survey, answers("yes", 60, 2, "Asked again"));
        data.submit(survey, answers("yes", 3, 1, "Typed before years changed")); // years < 5: hidden
        data.submit(survey, answers("no", 7, 1, "Typed before claimed changed")); // claimed no: hidden
        data.submit(survey, answers("yes", 7, 4, null)); // trust > 2: hidden, so not required

        assertThat(jdbc.sql("SELECT a.text_value FROM survey_answer a JOIN survey_response r ON r.id = a.response_id "
                        + "WHERE r.survey_id = ? AND a.text_value IS NOT NULL").param(survey.id()).query(String.class).list())
                .as("answers to a hidden question are dropped before anything is stored")
                .containsExactlyInAnyOrder("Asked and answered", "Asked again");

        AccountFixtures.signIn(survey.analyst());
        List<SubmittedResponse> stored = new ArrayList<>();
        responses.forEachResponsePage(survey.id(), null, 10, stored::addAll);
        assertThat(stored).extracting(r -> r.answers().get("detail").state()).containsExactlyInAnyOrder(
                SubmittedResponse.AnswerState.ANSWERED, SubmittedResponse.AnswerState.ANSWERED,
                SubmittedResponse.AnswerState.SKIPPED_BY_CONDITION,
                SubmittedResponse.AnswerState.SKIPPED_BY_CONDITION, SubmittedResponse.AnswerState.SKIPPED_BY_CONDITION);
        var detail = results.results(survey.id(), null).questions().stream()
                .filter(q -> q.question().code().equals("detail")).findFirst().orElseThrow();
        assertThat(detail.answered().display()).isEqualTo("2");
        assertThat(detail.notShown().display()).as("hidden: not shown, never \"not answered\"").isEqualTo("3");
        assertThat(detail.missing().value().orElse(0)).isZero();
    }
}
