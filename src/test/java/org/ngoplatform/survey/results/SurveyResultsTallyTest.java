package org.ngoplatform.survey.results;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.live.LiveUpdates;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyResponseArrived;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.design.QuestionForm;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveySettingsForm;
import org.ngoplatform.survey.respond.ResponseFilter;
import org.ngoplatform.survey.respond.ResponseStore;
import org.ngoplatform.survey.respond.SurveyRespondentService;
import org.ngoplatform.survey.results.SurveyResultsService.SurveyResults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ngoplatform.survey.SurveyTestData.choice;
import static org.ngoplatform.survey.SurveyTestData.number;
import static org.ngoplatform.survey.SurveyTestData.text;
import static org.ngoplatform.survey.SurveyTestData.when;

/**
 * Results read from the running counts (V23) equal, cell for cell and status for status (so suppression included),
 * results computed the old way by a pass over every response ({@link LegacyResults}, the code before the counts),
 * on random responses through the real submit path, over two survey versions, unfiltered and for every filter.
 */
@IntegrationTest
class SurveyResultsTallyTest {

    @Autowired SurveyBuilderService builder;
    @Autowired SurveyRespondentService respondent;
    @Autowired SurveyResultsService results;
    @Autowired ResponseStore store;
    @Autowired AccountFixtures accounts;
    @Autowired JdbcClient jdbc;
    @Autowired LiveUpdates live;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private record Built(long id, String key) {
    }

    /** Every question type, optional questions (so "missing"), a condition (so "not shown"), small k. */
    private Built survey(int k) {
        accounts.signIn(Role.ANALYST);
        SurveySettingsForm settings = SurveyTestData.settings("Tally");
        settings.setSuppressionK(k);
        long id = builder.create(settings);
        QuestionForm role = choice("role", QuestionType.SINGLE_CHOICE, true, "lawyer", "ngo", "police");
        role.setAllowOther(true);
        builder.addQuestion(id, 0, role);
        builder.addQuestion(id, 0, number("years", false, 0, 40));
        QuestionForm amount = number("amount", false, 0, 1000);
        amount.setIntegerOnly(false);
        builder.addQuestion(id, 0, amount);
        builder.addQuestion(id, 0, text("country", QuestionType.COUNTRY));
        builder.addSection(id, "Claims", null);
        builder.addQuestion(id, 1, choice("claimed", QuestionType.YES_NO, true));
        QuestionForm routes = when(choice("routes", QuestionType.MULTIPLE_CHOICE, true, "criminal", "civil", "fund"), "claimed", "yes");
        routes.setAllowOther(true);
        builder.addQuestion(id, 1, routes);
        QuestionForm scale = new QuestionForm();
        scale.setCode("sat");
        scale.setType(QuestionType.SCALE);
        scale.setText("Satisfied?");
        scale.setScaleMin(1);
        scale.setScaleMax(5);
        builder.addQuestion(id, 1, scale);
        builder.addQuestion(id, 1, text("comment", QuestionType.LONG_TEXT));
        builder.addQuestion(id, 1, text("name", QuestionType.SHORT_TEXT));
        builder.addQuestion(id, 1, text("when", QuestionType.DATE));
        builder.changeStatus(id, SurveyStatus.OPEN);
        String key = builder.find(id).orElseThrow().publicKey();
        AccountFixtures.signOut();
        return new Built(id, key);
    }

    private void submitRandom(Built survey, int n, Random random) {
        accounts.signIn(Role.ANALYST);
        SurveyStructure s = store.structure(survey.id());
        AccountFixtures.signOut();
        for (int i = 0; i < n; i++) {
            respondent.submit(survey.key(), respondent.newSubmissionToken(), RandomAnswers.of(s, random), null);
        }
    }

    /** Unfiltered, and filtered on every option of every choice question and on every country. */
    private List<ResponseFilter> filters(SurveyStructure s) {
        List<ResponseFilter> filters = new ArrayList<>();
        filters.add(null);
        for (QuestionDef q : s.questions()) {
            q.choices().forEach(o -> filters.add(new ResponseFilter(q.code(), o.code())));
            if (q.type() == QuestionType.COUNTRY) {
                for (String c : List.of("DE", "PL", "UA", "MK", "IT", "FR")) filters.add(new ResponseFilter(q.code(), c));
            }
        }
        filters.add(new ResponseFilter("role", "nobody-chose-this"));
        return filters;
    }

    private void assertSameAsAPassOverEveryResponse(Built survey) {
        SurveyStructure s = store.structure(survey.id());
        for (ResponseFilter f : filters(s)) {
            SurveyResults fromCounts = results.results(survey.id(), f);
            SurveyResults byPass = LegacyResults.aggregate(s, f, pages -> store.forEachResponsePage(survey.id(), f, 500, pages));
            assertThat(fromCounts).as("filter %s", f).isEqualTo(byPass);
            for (String code : List.of("comment", "name", "country")) {
                assertThat(results.countTextAnswers(survey.id(), code, f)).as("%s texts, filter %s", code, f)
                        .isEqualTo(LegacyResults.countTextAnswers(store, survey.id(), code, f));
                for (int offset : new int[] {0, 10, 37}) {
                    assertThat(results.textAnswers(survey.id(), code, f, offset, 10)).as("%s texts from %d, filter %s", code, offset, f)
                            .isEqualTo(LegacyResults.textAnswers(store, survey.id(), code, f, offset, 10));
                }
            }
        }
    }

    @Test
    void results_from_the_running_counts_equal_a_pass_over_every_response_on_random_answers_over_two_versions() {
        Random random = new Random(15);
        Built survey = survey(3);
        submitRandom(survey, 60, random);
        accounts.signIn(Role.ANALYST);
        // the first read counts what came before (as after the migration), later submits add to the counts
        assertSameAsAPassOverEveryResponse(survey);
        AccountFixtures.signOut();
        submitRandom(survey, 60, random);

        accounts.signIn(Role.ANALYST);
        assertSameAsAPassOverEveryResponse(survey);
        // version 2: one option more, a new question, one question removed (an option removed from a single choice
        // that has answers made the old pass fail; LegacyResults is that pass, so this test keeps every option and
        // answers_to_an_option_removed_later_... covers the removal)
        QuestionForm role = choice("role", QuestionType.SINGLE_CHOICE, true, "lawyer", "ngo", "police", "judge");
        role.setAllowOther(true);
        builder.updateQuestion(survey.id(), "role", role);
        builder.addQuestion(survey.id(), 0, choice("extra", QuestionType.SINGLE_CHOICE, false, "e1", "e2"));
        builder.removeQuestion(survey.id(), "name");
        assertThat(store.versions(survey.id())).hasSize(2);
        AccountFixtures.signOut();
        submitRandom(survey, 80, random);

        accounts.signIn(Role.ANALYST);
        assertSameAsAPassOverEveryResponse(survey);
    }

    @Test
    void answers_to_an_option_removed_later_are_counted_as_no_longer_offered_so_the_parts_add_up_and_stay_protected() {
        accounts.signIn(Role.ANALYST);
        SurveySettingsForm settings = SurveyTestData.settings("Removed option");
        settings.setSuppressionK(3);
        long id = builder.create(settings);
        builder.addQuestion(id, 0, choice("role", QuestionType.SINGLE_CHOICE, true, "lawyer", "ngo", "police"));
        builder.changeStatus(id, SurveyStatus.OPEN);
        String key = builder.find(id).orElseThrow().publicKey();
        AccountFixtures.signOut();
        for (String role : List.of("lawyer", "lawyer", "lawyer", "lawyer", "ngo", "ngo", "ngo", "police", "police", "police")) {
            respondent.submit(key, respondent.newSubmissionToken(), Map.of("role", AnswerValue.ofOptions(Set.of(role), null)), null);
        }

        accounts.signIn(Role.ANALYST);
        builder.updateQuestion(id, "role", choice("role", QuestionType.SINGLE_CHOICE, true, "lawyer", "ngo"));
        AccountFixtures.signOut();
        respondent.submit(key, respondent.newSubmissionToken(), Map.of("role", AnswerValue.ofOptions(Set.of("ngo"), null)), null);

        accounts.signIn(Role.ANALYST);
        // filtered on lawyers: no answer to a removed option among them, so no such row
        var lawyers = results.results(id, new ResponseFilter("role", "lawyer")).questions().stream()
                .filter(q -> q.question().code().equals("role")).findFirst().orElseThrow();
        assertThat(lawyers.options()).extracting(o -> o.code()).containsExactly("lawyer", "ngo");
        var role = results.results(id, null).questions().stream().filter(q -> q.question().code().equals("role"))
                .findFirst().orElseThrow();
        assertThat(role.answered().value()).hasValue(11);
        assertThat(role.options()).extracting(o -> o.code(), o -> o.count().display())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lawyer", "4"), org.assertj.core.groups.Tuple.tuple("ngo", "4"),
                        org.assertj.core.groups.Tuple.tuple(SurveyStructure.NO_LONGER_OFFERED, "3"));
    }

    @Test
    void counts_kept_at_each_submit_equal_counts_made_again_from_every_response() {
        Random random = new Random(7);
        Built survey = survey(5);
        accounts.signIn(Role.ANALYST);
        results.results(survey.id(), null); // counts complete from the start
        AccountFixtures.signOut();
        submitRandom(survey, 120, random);
        List<String> kept = rows(survey.id());

        jdbc.sql("DELETE FROM survey_result_count WHERE survey_id = ?").param(survey.id()).update();
        accounts.signIn(Role.ANALYST);
        SurveyResults rebuilt = results.results(survey.id(), new ResponseFilter("claimed", "yes"));

        assertThat(rows(survey.id())).isEqualTo(kept);
        assertThat(rebuilt).isEqualTo(LegacyResults.aggregate(store.structure(survey.id()), new ResponseFilter("claimed", "yes"),
                pages -> store.forEachResponsePage(survey.id(), new ResponseFilter("claimed", "yes"), 500, pages)));
    }

    /**
     * Matrix and ranking questions (issue 17 §2): their counts (a matrix's cells and rows answered, a ranking's
     * places) read from the running counts equal a pass over every response through the current aggregation, cell by
     * cell and suppression status by status, unfiltered and filtered; counts kept at each submit equal counts made
     * again; over a second version that drops a matrix option and adds a row and a ranked option.
     */
    @Test
    void matrix_and_ranking_results_from_the_running_counts_equal_a_pass_over_every_response() {
        Random random = new Random(17);
        accounts.signIn(Role.ANALYST);
        SurveySettingsForm settings = SurveyTestData.settings("Tally matrix");
        settings.setSuppressionK(3);
        long id = builder.create(settings);
        builder.addQuestion(id, 0, choice("role", QuestionType.SINGLE_CHOICE, true, "lawyer", "ngo", "police"));
        builder.addQuestion(id, 0, SurveyTestData.matrix("rights", true, false, List.of("police", "court", "fund"), "yes", "partly", "no"));
        builder.addQuestion(id, 0, SurveyTestData.matrix("tasks", false, true, List.of("a", "b", "c"), "x", "y", "z"));
        builder.addQuestion(id, 0, when(SurveyTestData.ranking("needs", true, "money", "safety", "work", "home"), "role", "ngo", "police"));
        builder.changeStatus(id, SurveyStatus.OPEN);
        Built survey = new Built(id, builder.find(id).orElseThrow().publicKey());
        AccountFixtures.signOut();
        submitRandom(survey, 70, random);

        accounts.signIn(Role.ANALYST);
        assertMatrixAndRankingSameAsAPass(survey);
        builder.updateQuestion(id, "rights", SurveyTestData.matrix("rights", true, false, List.of("police", "court", "fund", "aid"), "yes", "no"));
        builder.updateQuestion(id, "needs", when(SurveyTestData.ranking("needs", true, "money", "safety", "work", "home", "school"), "role", "ngo", "police"));
        assertThat(store.versions(id)).hasSize(2);
        AccountFixtures.signOut();
        submitRandom(survey, 50, random);

        accounts.signIn(Role.ANALYST);
        assertMatrixAndRankingSameAsAPass(survey);
        var rights = results.results(id, null).questions().stream().filter(q -> q.question().code().equals("rights")).findFirst().orElseThrow();
        assertThat(rights.rows().getFirst().options()).extracting(o -> o.code())
                .as("answers to the dropped option are a part of their own").contains(SurveyStructure.NO_LONGER_OFFERED);

        List<String> kept = rows(id);
        assertThat(kept).anyMatch(row -> row.contains("|rights|R|police/") ).anyMatch(row -> row.contains("|needs|R|money/1="));
        jdbc.sql("DELETE FROM survey_result_count WHERE survey_id = ?").param(id).update();
        results.results(id, null);
        assertThat(rows(id)).isEqualTo(kept);
    }

    private void assertMatrixAndRankingSameAsAPass(Built survey) {
        SurveyStructure s = store.structure(survey.id());
        for (ResponseFilter f : filters(s)) {
            SurveyResults fromCounts = results.results(survey.id(), f);
            SurveyResults byPass = SurveyResultsService.aggregate(s, f, pages -> store.forEachResponsePage(survey.id(), f, 500, pages));
            assertThat(fromCounts).as("filter %s", f).isEqualTo(byPass);
            assertThat(fromCounts.questions()).filteredOn(q -> !q.question().type().isChoice())
                    .allSatisfy(q -> assertThat(q.rows()).isNotEmpty());
        }
    }

    @Test
    void a_country_question_that_once_was_free_text_is_read_by_a_pass_and_still_equals_it() {
        Random random = new Random(3);
        Built survey = survey(3);
        submitRandom(survey, 30, random);
        accounts.signIn(Role.ANALYST);
        QuestionForm name = text("name", QuestionType.COUNTRY);
        builder.updateQuestion(survey.id(), "name", name);
        AccountFixtures.signOut();
        submitRandom(survey, 30, random);

        accounts.signIn(Role.ANALYST);
        assertThat(org.ngoplatform.survey.respond.ResponseTally.covers(store.versions(survey.id()), store.structure(survey.id()), null)).isFalse();
        assertSameAsAPassOverEveryResponse(survey);
    }

    @Test
    void a_burst_of_responses_refreshes_an_open_view_a_few_times_never_on_the_respondents_thread() throws Exception {
        Built survey = survey(5);
        ConcurrentLinkedQueue<String> deliveredOn = new ConcurrentLinkedQueue<>();
        var following = live.subscribe(SurveyResponseArrived.class, survey.id(), e -> deliveredOn.add(Thread.currentThread().getName()));
        try {
            Random random = new Random(1);
            accounts.signIn(Role.ANALYST);
            SurveyStructure s = store.structure(survey.id());
            AccountFixtures.signOut();
            Thread respondentThread = new Thread(() -> {
                for (int i = 0; i < 20; i++) {
                    respondent.submit(survey.key(), respondent.newSubmissionToken(), RandomAnswers.of(s, random), null);
                }
            }, "respondent-request");
            respondentThread.start();
            respondentThread.join();
            await().atMost(10, TimeUnit.SECONDS).until(() -> !deliveredOn.isEmpty());
            Thread.sleep(1500); // let a coalesced last delivery arrive
            assertThat(deliveredOn).as("20 responses, deliveries coalesced to about one a second")
                    .hasSizeLessThan(20).allMatch(name -> name.startsWith("live-"));
        } finally {
            following.remove();
        }
    }

    private List<String> rows(long surveyId) {
        return jdbc.sql("SELECT filter_code, filter_value, question_code, facet, value_key, response_count FROM survey_result_count "
                        + "WHERE survey_id = ? ORDER BY filter_code, filter_value, question_code, facet, value_key")
                .param(surveyId)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                        + "|" + rs.getString(5) + "=" + rs.getLong(6)).list();
    }
}
