package org.ngoplatform.survey.design;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.SurveyRejectedException;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.respond.ResponseStore;
import org.ngoplatform.survey.respond.SubmittedResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ngoplatform.survey.SurveyTestData.choice;
import static org.ngoplatform.survey.SurveyTestData.codes;
import static org.ngoplatform.survey.SurveyTestData.number;
import static org.ngoplatform.survey.SurveyTestData.settings;
import static org.ngoplatform.survey.SurveyTestData.text;
import static org.ngoplatform.survey.SurveyTestData.when;

@IntegrationTest
class SurveyBuilderServiceTest {

    @Autowired SurveyBuilderService builder;
    @Autowired ResponseStore responses;
    @Autowired SurveyTestData data;
    @Autowired AccountFixtures fixtures;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private long draftSurvey() {
        fixtures.signIn(Role.ANALYST);
        return builder.create(settings("Builder"));
    }

    @Test
    void questions_and_sections_keep_the_order_the_analyst_gives_them() {
        long id = draftSurvey();
        builder.addQuestion(id, 0, text("a", QuestionType.SHORT_TEXT));
        builder.addQuestion(id, 0, text("b", QuestionType.SHORT_TEXT));
        builder.addQuestion(id, 0, text("c", QuestionType.SHORT_TEXT));
        builder.addSection(id, "Second", null);
        builder.addQuestion(id, 1, text("d", QuestionType.SHORT_TEXT));

        assertThat(codes(builder.moveQuestion(id, "c", -1))).containsExactly("a", "c", "b", "d");
        // past the end of its page a question moves to the next page's start
        SurveyStructure moved = builder.moveQuestion(id, "b", 1);
        assertThat(moved.sections().get(1).questions()).extracting(SurveyStructure.QuestionDef::code).containsExactly("b", "d");
        SurveyStructure swapped = builder.moveSection(id, 1, -1);
        assertThat(swapped.sections()).extracting(SurveyStructure.SectionDef::title).containsExactly("Second", "Page 1");
        assertThat(codes(swapped)).containsExactly("b", "d", "a", "c");
        assertThat(codes(builder.removeQuestion(id, "d"))).containsExactly("b", "a", "c");
        // what was stored reads back the same
        assertThat(codes(builder.structure(id))).containsExactly("b", "a", "c");
    }

    @Test
    void codes_are_unique_within_a_survey_and_a_duplicate_writes_nothing() {
        long id = draftSurvey();
        builder.addQuestion(id, 0, choice("profession", QuestionType.SINGLE_CHOICE, true, "lawyer", "judge"));
        builder.addSection(id, "Two", null);

        assertThatThrownBy(() -> builder.addQuestion(id, 1, text("profession", QuestionType.SHORT_TEXT)))
                .isInstanceOfSatisfying(SurveyRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.error.code-taken"));
        assertThatThrownBy(() -> builder.addQuestion(id, 0, choice("dupes", QuestionType.SINGLE_CHOICE, true, "x", "x")))
                .isInstanceOfSatisfying(SurveyRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.error.option-duplicate"));
        assertThatThrownBy(() -> builder.addQuestion(id, 0, text("Bad Code", QuestionType.SHORT_TEXT)))
                .isInstanceOf(SurveyRejectedException.class);
        assertThat(codes(builder.structure(id))).containsExactly("profession");
    }

    @Test
    void a_condition_must_point_to_an_earlier_choice_question_and_its_real_options() {
        long id = draftSurvey();
        builder.addQuestion(id, 0, choice("claimed", QuestionType.YES_NO, true));
        builder.addQuestion(id, 0, number("amount", false, 0, 100000));

        assertThatThrownBy(() -> builder.addQuestion(id, 0, when(text("why", QuestionType.SHORT_TEXT), "amount", "1")))
                .isInstanceOf(SurveyRejectedException.class);
        assertThatThrownBy(() -> builder.addQuestion(id, 0, when(text("why", QuestionType.SHORT_TEXT), "claimed", "maybe")))
                .isInstanceOf(SurveyRejectedException.class);
        builder.addQuestion(id, 0, when(text("why", QuestionType.SHORT_TEXT), "claimed", "no"));
        // moving the dependent question above its condition would break it
        builder.moveQuestion(id, "why", -1);
        assertThatThrownBy(() -> builder.moveQuestion(id, "why", -1)).isInstanceOf(SurveyRejectedException.class);
        assertThatThrownBy(() -> builder.removeQuestion(id, "claimed")).isInstanceOf(SurveyRejectedException.class);
        assertThat(codes(builder.structure(id))).containsExactly("claimed", "why", "amount");
        assertThat(builder.structure(id).question("why").orElseThrow().condition())
                .isEqualTo(SurveyStructure.Condition.oneOf("claimed", java.util.Set.of("no")));
    }

    @Test
    void the_structure_freezes_after_the_first_response_and_changes_make_a_new_version() {
        var survey = data.openSurvey();
        AccountFixtures.signIn(survey.analyst());
        // no responses yet: edits stay in version 1
        builder.editSection(survey.id(), 1, "Compensation claims", null);
        assertThat(builder.find(survey.id()).orElseThrow().currentVersion()).isEqualTo(1);

        AccountFixtures.signOut();
        data.submit(survey, SurveyTestData.complete("lawyer", 12, true));
        AccountFixtures.signIn(survey.analyst());

        SurveyStructure v2 = builder.addQuestion(survey.id(), 1, text("training", QuestionType.SHORT_TEXT));
        assertThat(v2.versionNumber()).isEqualTo(2);
        builder.updateQuestion(survey.id(), "years", QuestionForm.of(v2.question("years").orElseThrow()));
        assertThat(builder.find(survey.id()).orElseThrow().currentVersion()).as("one copy per frozen version").isEqualTo(2);

        List<SurveyStructure> versions = responses.versions(survey.id());
        assertThat(versions).hasSize(2);
        assertThat(codes(versions.get(0))).containsExactly("role", "years", "claimed", "routes", "comment");
        assertThat(codes(versions.get(1))).containsExactly("role", "years", "claimed", "routes", "comment", "training");
        assertThat(versions.get(0).questions().getFirst().id()).isNotEqualTo(versions.get(1).questions().getFirst().id());

        List<SubmittedResponse> all = new ArrayList<>();
        responses.forEachResponsePage(survey.id(), null, 10, all::addAll);
        assertThat(all).singleElement().satisfies(r -> {
            assertThat(r.versionNumber()).isEqualTo(1);
            assertThat(r.answers().get("years").value().number()).isEqualByComparingTo("12");
            assertThat(r.answers().get("training").state()).isEqualTo(SubmittedResponse.AnswerState.NOT_IN_VERSION);
        });
        // a code that old responses are keyed by cannot be renamed any more
        var renamed = QuestionForm.of(v2.question("comment").orElseThrow());
        renamed.setCode("remarks");
        assertThatThrownBy(() -> builder.updateQuestion(survey.id(), "comment", renamed))
                .isInstanceOfSatisfying(SurveyRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.error.code-frozen"));
    }

    @Test
    void duplicating_copies_settings_and_structure_into_a_new_draft() {
        var survey = data.openSurvey();
        AccountFixtures.signIn(survey.analyst());
        long copy = builder.duplicate(survey.id(), "Second round");

        SurveySummary summary = builder.find(copy).orElseThrow();
        assertThat(summary.status()).isEqualTo(SurveyStatus.DRAFT);
        assertThat(summary.title()).isEqualTo("Second round");
        assertThat(summary.publicKey()).isNotEqualTo(survey.key());
        assertThat(summary.responses()).isZero();
        assertThat(codes(builder.structure(copy))).isEqualTo(codes(builder.structure(survey.id())));
        assertThat(builder.structure(copy).question("routes").orElseThrow().condition().clauses().getFirst().questionCode()).isEqualTo("claimed");
    }

    @Test
    void status_follows_draft_open_closed_archived_and_archived_is_read_only() {
        long id = draftSurvey();
        assertThatThrownBy(() -> builder.changeStatus(id, SurveyStatus.OPEN))
                .isInstanceOfSatisfying(SurveyRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.error.no-questions"));
        builder.addQuestion(id, 0, text("a", QuestionType.SHORT_TEXT));
        builder.changeStatus(id, SurveyStatus.OPEN);
        assertThatThrownBy(() -> builder.changeStatus(id, SurveyStatus.DRAFT)).isInstanceOf(SurveyRejectedException.class);
        builder.changeStatus(id, SurveyStatus.CLOSED);
        builder.changeStatus(id, SurveyStatus.ARCHIVED);
        assertThatThrownBy(() -> builder.addQuestion(id, 0, text("b", QuestionType.SHORT_TEXT)))
                .isInstanceOfSatisfying(SurveyRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.error.archived"));
    }

    @Test
    void identified_surveys_need_signed_in_respondents() {
        long id = draftSurvey();
        SurveySettingsForm s = builder.find(id).orElseThrow().toForm();
        s.setAnonymity(SurveyAnonymity.IDENTIFIED);
        assertThatThrownBy(() -> builder.updateSettings(id, s)).isInstanceOf(SurveyRejectedException.class);
        s.setAudience(SurveyAudience.SIGNED_IN);
        assertThat(builder.updateSettings(id, s).anonymity()).isEqualTo(SurveyAnonymity.IDENTIFIED);
    }

    @Test
    void only_analysts_and_organisers_build_surveys() {
        fixtures.signIn(Role.PARTICIPANT);
        assertThatThrownBy(() -> builder.create(settings("Nope"))).isInstanceOf(AccessDeniedException.class);
        AccountFixtures.signOut();
        assertThatThrownBy(() -> builder.count(null)).isInstanceOf(Exception.class);
        fixtures.signIn(Role.ORGANISER);
        assertThat(builder.create(settings("Organiser's"))).isPositive();
    }

    @Test
    void the_seeded_compensation_survey_is_open_with_conditions() {
        fixtures.signIn(Role.ANALYST);
        long seeded = jdbc.sql("SELECT id FROM survey WHERE public_key = 'compensation-professionals-2026'").query(Long.class).single();
        SurveyStructure s = builder.structure(seeded);
        assertThat(s.questions()).hasSizeBetween(15, 20);
        assertThat(s.question("routes").orElseThrow().options()).extracting(SurveyStructure.OptionDef::code)
                .containsExactly("criminal", "civil", "state_fund", "labour_court", "settlement");
        assertThat(s.question("routes").orElseThrow().condition().clauses().getFirst().questionCode()).isEqualTo("any_claimed");
        assertThat(builder.find(seeded).orElseThrow().status()).isEqualTo(SurveyStatus.OPEN);
    }
}
