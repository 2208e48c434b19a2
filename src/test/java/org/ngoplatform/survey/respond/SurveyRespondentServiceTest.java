package org.ngoplatform.survey.respond;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.SurveyRejectedException;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.results.SurveyResultsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@IntegrationTest
class SurveyRespondentServiceTest {

    @Autowired SurveyRespondentService respondent;
    @Autowired ResponseStore responses;
    @Autowired SurveyResultsService results;
    @Autowired SurveyBuilderService builder;
    @Autowired SurveyTestData data;
    @Autowired AccountFixtures fixtures;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private long responseCount(long surveyId) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?").param(surveyId).query(Long.class).single();
    }

    @Test
    void required_and_range_rules_are_explained_per_question_and_nothing_is_stored() {
        var survey = data.openSurvey();
        Map<String, AnswerValue> answers = Map.of("years", AnswerValue.ofNumber(61), "claimed", AnswerValue.ofOptions("maybe"));

        assertThatThrownBy(() -> data.submit(survey, answers))
                .isInstanceOfSatisfying(SurveyAnswersRejectedException.class, e -> {
                    assertThat(e.problems().get("role").key()).isEqualTo("survey.answer.required");
                    assertThat(e.problems().get("years")).isEqualTo(new AnswerRules.Problem("survey.answer.max", "60"));
                    assertThat(e.problems().get("claimed").key()).isEqualTo("survey.answer.option");
                });
        var half = new HashMap<>(SurveyTestData.complete("lawyer", 3, false));
        half.put("years", AnswerValue.ofNumber(new BigDecimal("2.5")));
        assertThatThrownBy(() -> data.submit(survey, half))
                .isInstanceOfSatisfying(SurveyAnswersRejectedException.class,
                        e -> assertThat(e.problems().get("years").key()).isEqualTo("survey.answer.integer"));
        assertThat(responseCount(survey.id())).isZero();
    }

    @Test
    void conditional_questions_count_only_when_shown() {
        var survey = data.openSurvey();
        // "routes" is required but only asked when claimed = yes
        var notClaimed = new HashMap<>(SurveyTestData.complete("ngo", 4, false));
        notClaimed.put("routes", AnswerValue.ofOptions("civil"));
        data.submit(survey, notClaimed);
        var claimedWithoutRoutes = new HashMap<>(SurveyTestData.complete("ngo", 4, true));
        claimedWithoutRoutes.remove("routes");
        assertThatThrownBy(() -> data.submit(survey, claimedWithoutRoutes))
                .isInstanceOfSatisfying(SurveyAnswersRejectedException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("routes"));
        var withOther = new HashMap<>(SurveyTestData.complete("ngo", 4, true));
        withOther.put("routes", AnswerValue.ofOptions(java.util.Set.of("other"), " "));
        assertThatThrownBy(() -> data.submit(survey, withOther))
                .isInstanceOfSatisfying(SurveyAnswersRejectedException.class,
                        e -> assertThat(e.problems().get("routes").key()).isEqualTo("survey.answer.other-missing"));

        AccountFixtures.signIn(survey.analyst());
        var stored = new java.util.ArrayList<SubmittedResponse>();
        responses.forEachResponsePage(survey.id(), null, 10, stored::addAll);
        assertThat(stored).singleElement().satisfies(r -> {
            assertThat(r.answers().get("routes").state()).isEqualTo(SubmittedResponse.AnswerState.SKIPPED_BY_CONDITION);
            assertThat(r.answers().get("comment").state()).isEqualTo(SubmittedResponse.AnswerState.UNANSWERED);
            assertThat(r.answers().get("role").value().options()).containsExactly("ngo");
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id WHERE r.survey_id = ? AND a.option_code = 'civil'")
                .param(survey.id()).query(Long.class).single()).as("answers to hidden questions are dropped").isZero();
    }

    @Test
    void an_anonymous_respondent_saves_and_resumes_with_a_code_that_is_stored_only_as_a_hash() {
        var survey = data.openSurvey();
        var saved = respondent.saveDraft(survey.key(), null, Map.of("role", AnswerValue.ofOptions("lawyer"), "years", AnswerValue.ofNumber(7)), 1);
        assertThat(saved.resumeCode()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(saved.expiresAt()).isCloseTo(java.time.Instant.now().plus(respondent.draftTtl()), within(Duration.ofMinutes(1)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_draft WHERE resume_code_hash = ?").param(saved.resumeCode()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT account_id FROM survey_draft WHERE survey_id = ?").param(survey.id()).query(Long.class).list()).containsOnlyNulls();

        // typed later in lower case, without dashes
        var resumed = respondent.resumeWithCode(survey.key(), saved.resumeCode().replace("-", "").toLowerCase());
        assertThat(resumed.pageIndex()).isEqualTo(1);
        assertThat(resumed.answers().get("years").number()).isEqualByComparingTo("7");
        assertThat(resumed.answers().get("role").options()).containsExactly("lawyer");

        // saving again with the same code keeps the code and replaces the answers
        var again = respondent.saveDraft(survey.key(), saved.resumeCode(), Map.of("role", AnswerValue.ofOptions("ngo")), 0);
        assertThat(again.resumeCode()).isNull();
        assertThat(respondent.resumeWithCode(survey.key(), saved.resumeCode()).answers()).containsOnlyKeys("role");

        var answers = SurveyTestData.complete("ngo", 9, false);
        respondent.submit(survey.key(), respondent.newSubmissionToken(), answers, saved.resumeCode());
        assertThatThrownBy(() -> respondent.resumeWithCode(survey.key(), saved.resumeCode()))
                .as("the draft is gone once submitted").isInstanceOf(SurveyRejectedException.class);
    }

    @Test
    void an_expired_resume_code_is_refused_and_its_draft_deleted() {
        var survey = data.openSurvey();
        var saved = respondent.saveDraft(survey.key(), null, Map.of("years", AnswerValue.ofNumber(3)), 0);
        jdbc.sql("UPDATE survey_draft SET expires_at = ? WHERE resume_code_hash = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)),
                        SurveyRespondentService.hash(SurveyRespondentService.normaliseCode(saved.resumeCode()))).update();

        assertThatThrownBy(() -> respondent.resumeWithCode(survey.key(), saved.resumeCode()))
                .isInstanceOfSatisfying(SurveyRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.resume.invalid"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_draft WHERE survey_id = ?").param(survey.id()).query(Long.class).single()).isZero();
        assertThatThrownBy(() -> respondent.resumeWithCode(survey.key(), "ZZZZ-ZZZZ-ZZZZ")).isInstanceOf(SurveyRejectedException.class);
    }

    @Test
    void expired_drafts_are_purged() {
        var survey = data.openSurvey();
        respondent.saveDraft(survey.key(), null, Map.of("years", AnswerValue.ofNumber(3)), 0);
        jdbc.sql("UPDATE survey_draft SET expires_at = ? WHERE survey_id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), survey.id()).update();
        assertThat(respondent.purgeExpiredDrafts()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_draft WHERE survey_id = ?").param(survey.id()).query(Long.class).single()).isZero();
    }

    @Test
    void a_failure_midway_through_a_submission_leaves_no_partial_response() {
        var survey = data.openSurvey();
        var saved = respondent.saveDraft(survey.key(), null, Map.of("years", AnswerValue.ofNumber(3)), 1);
        String marker = "boom-" + UUID.randomUUID().toString().substring(0, 8);
        String trigger = "fail_" + marker.replace('-', '_');
        // the last answer written ("comment") makes the database fail after the response and earlier answers
        jdbc.sql("CREATE TRIGGER " + trigger + " BEFORE INSERT ON survey_answer FOR EACH ROW "
                + "BEGIN IF NEW.text_value = '" + marker + "' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'; END IF; END").update();
        try {
            var answers = new HashMap<>(SurveyTestData.complete("lawyer", 20, true));
            answers.put("comment", AnswerValue.ofText(marker));
            String token = respondent.newSubmissionToken();
            assertThatThrownBy(() -> respondent.submit(survey.key(), token, answers, saved.resumeCode())).isInstanceOf(Exception.class);

            assertThat(responseCount(survey.id())).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_answer a WHERE a.question_id IN (SELECT q.id FROM survey_question q JOIN survey_version v ON v.id = q.version_id WHERE v.survey_id = ?)")
                    .param(survey.id()).query(Long.class).single()).isZero();
            assertThat(respondent.resumeWithCode(survey.key(), saved.resumeCode()).answers()).as("the draft survives").containsKey("years");
            // the same token may be used again once the problem is gone
            answers.put("comment", AnswerValue.ofText("fine"));
            respondent.submit(survey.key(), token, answers, saved.resumeCode());
            assertThat(responseCount(survey.id())).isEqualTo(1);
        } finally {
            jdbc.sql("DROP TRIGGER IF EXISTS " + trigger).update();
        }
    }

    @Test
    void a_one_time_token_stops_a_second_submission_without_knowing_who_submitted() {
        var survey = data.openSurvey();
        String token = respondent.newSubmissionToken();
        var answers = SurveyTestData.complete("lawyer", 5, false);
        respondent.submit(survey.key(), token, answers, null);
        assertThatThrownBy(() -> respondent.submit(survey.key(), token, answers, null))
                .isInstanceOfSatisfying(SurveyRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.error.already-submitted"));
        assertThat(responseCount(survey.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_used_token WHERE token_hash = ?").param(token).query(Long.class).single()).isZero();
    }

    private long usedTokens(long surveyId) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_used_token WHERE survey_id = ?").param(surveyId).query(Long.class).single();
    }

    @Test
    void used_tokens_are_forgotten_once_a_survey_stops_taking_answers_and_the_responses_stay() {
        var closing = data.openSurvey();
        var expiring = data.openSurvey();
        var open = data.openSurvey();
        for (var survey : java.util.List.of(closing, expiring, open)) {
            data.submit(survey, SurveyTestData.complete("lawyer", 5, false));
            data.submit(survey, SurveyTestData.complete("ngo", 6, false));
            assertThat(usedTokens(survey.id())).isEqualTo(2);
        }

        // closed by status: its tokens go at once
        AccountFixtures.signIn(closing.analyst());
        builder.changeStatus(closing.id(), SurveyStatus.CLOSED);
        AccountFixtures.signOut();
        assertThat(usedTokens(closing.id())).isZero();
        assertThat(responseCount(closing.id())).isEqualTo(2);
        assertThat(usedTokens(expiring.id())).as("other surveys keep theirs").isEqualTo(2);

        // still OPEN but past its end date: the nightly purge takes its tokens; an open survey keeps its own
        jdbc.sql("UPDATE survey SET closes_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), expiring.id()).update();
        respondent.purgeExpiredDrafts();
        assertThat(usedTokens(expiring.id())).isZero();
        assertThat(responseCount(expiring.id())).isEqualTo(2);
        assertThat(usedTokens(open.id())).isEqualTo(2);
    }

    @Test
    void closed_and_full_surveys_take_no_answers() {
        var settings = SurveyTestData.settings("Limited");
        settings.setResponseLimit(1);
        var survey = data.openSurvey(settings);
        data.submit(survey, SurveyTestData.complete("lawyer", 5, false));
        assertThat(respondent.open(survey.key()).orElseThrow().full()).isTrue();
        assertThatThrownBy(() -> data.submit(survey, SurveyTestData.complete("ngo", 5, false)))
                .isInstanceOfSatisfying(SurveyRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.error.full"));

        var other = data.openSurvey();
        AccountFixtures.signIn(other.analyst());
        builder.changeStatus(other.id(), SurveyStatus.CLOSED);
        AccountFixtures.signOut();
        assertThatThrownBy(() -> data.submit(other, SurveyTestData.complete("ngo", 5, false)))
                .isInstanceOfSatisfying(SurveyRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.error.closed"));
        assertThat(respondent.open("no-such-key")).isEmpty();
    }

    @Test
    void an_identified_survey_resumes_from_the_account_and_records_who_answered_separately() {
        var settings = SurveyTestData.settings("Identified");
        settings.setAudience(SurveyAudience.SIGNED_IN);
        settings.setAnonymity(SurveyAnonymity.IDENTIFIED);
        var survey = data.openSurvey(settings);

        assertThat(respondent.open(survey.key()).orElseThrow().signInRequired()).isTrue();
        assertThatThrownBy(() -> respondent.saveDraft(survey.key(), null, Map.of(), 0)).isInstanceOf(AccessDeniedException.class);

        AccountPrincipal me = fixtures.signIn(Role.PARTICIPANT);
        var saved = respondent.saveDraft(survey.key(), null, Map.of("years", AnswerValue.ofNumber(11)), 1);
        assertThat(saved.resumeCode()).as("no code: the account is the key").isNull();
        assertThat(respondent.resumeMine(survey.key()).orElseThrow().answers().get("years").number()).isEqualByComparingTo("11");

        data.submit(survey, SurveyTestData.complete("ngo", 11, false));
        assertThat(respondent.resumeMine(survey.key())).isEmpty();
        assertThatThrownBy(() -> data.submit(survey, SurveyTestData.complete("ngo", 11, false)))
                .isInstanceOfSatisfying(SurveyRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.error.already-submitted"));

        AccountFixtures.signIn(survey.analyst());
        var ids = new java.util.ArrayList<Long>();
        responses.forEachResponsePage(survey.id(), null, 10, page -> page.forEach(r -> ids.add(r.id())));
        assertThat(responses.respondents(survey.id(), ids)).singleElement()
                .satisfies(identity -> assertThat(identity.accountId()).isEqualTo(me.accountId()));
    }

    @Test
    void results_count_per_option_and_filter_by_a_choice_question() {
        var survey = data.openSurvey();
        for (int i = 0; i < 6; i++) data.submit(survey, SurveyTestData.complete("lawyer", 10 + i, true));
        for (int i = 0; i < 2; i++) data.submit(survey, SurveyTestData.complete("ngo", 1, false));

        AccountFixtures.signIn(survey.analyst());
        var all = results.results(survey.id(), null);
        assertThat(all.responses().display()).isEqualTo("8");
        var role = all.questions().getFirst();
        assertThat(role.options()).extracting(o -> o.count().display()).containsExactly("*", "<5");
        // 6 lawyers would follow from 8 answers minus the hidden 2, so the 6 is hidden too
        assertThat(role.answered().display()).isEqualTo("8");
        var years = all.questions().get(1);
        assertThat(years.mean()).isEqualByComparingTo("9.6");
        assertThat(years.median()).isEqualByComparingTo("11.5");

        var lawyers = results.results(survey.id(), new ResponseFilter("role", "lawyer"));
        assertThat(lawyers.responses().display()).isEqualTo("6");
        assertThat(lawyers.questions().get(2).options()).extracting(o -> o.count().display()).containsExactly("6", "0");
        assertThat(results.textAnswers(survey.id(), "comment", null, 0, 4)).hasSize(4).containsOnly("Legal aid is missing.");
        assertThat(results.countTextAnswers(survey.id(), "comment", null)).isEqualTo(6);
    }

    @Test
    void results_count_the_countries_named_and_filter_by_country() {
        var survey = data.openSurvey();
        AccountFixtures.signIn(survey.analyst());
        builder.addQuestion(survey.id(), 0, SurveyTestData.text("country", QuestionType.COUNTRY));
        AccountFixtures.signOut();
        String[] countries = {"EE", "EE", "EE", "EE", "EE", "EE", "NL", "NL", "NL", "NL", "NL", "PL"};
        for (String c : countries) {
            var answers = new HashMap<>(SurveyTestData.complete("ngo", 5, false));
            answers.put("country", AnswerValue.ofText(c));
            data.submit(survey, answers);
        }
        AccountFixtures.signIn(survey.analyst());
        var country = results.results(survey.id(), null).questions().stream()
                .filter(q -> q.question().code().equals("country")).findFirst().orElseThrow();
        assertThat(country.options()).extracting(SurveyResultsService.OptionCount::code).containsExactly("EE", "NL", "PL");
        // the single Polish respondent is hidden, and so is the next smallest country that would reveal it
        assertThat(country.options()).extracting(o -> o.count().display()).containsExactly("6", "*", "<5");
        assertThat(results.results(survey.id(), new ResponseFilter("country", "NL")).responses().display()).isEqualTo("5");
    }
}
