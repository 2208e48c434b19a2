package org.ngoplatform.survey.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SurveyBuilderViewTest extends SpringBrowserlessTest {

    @Autowired SurveyBuilderService builder;
    @Autowired SurveyTestData data;
    @Autowired AccountFixtures fixtures;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void an_analyst_creates_a_survey_and_adds_a_question_in_the_editor() {
        fixtures.signIn(Role.ANALYST);
        SurveysView list = navigate(SurveysView.class);
        test(list.create).click();
        roundTrip();
        String title = "Practice survey " + UUID.randomUUID().toString().substring(0, 6);
        test(find(com.vaadin.flow.component.textfield.TextField.class).id("survey-new-title")).setValue(title);
        test(find(com.vaadin.flow.component.button.Button.class).id("survey-new-create")).click();

        SurveyEditorView editor = (SurveyEditorView) getCurrentView();
        assertThat(editor.title.getValue()).isEqualTo(title);
        test(find(com.vaadin.flow.component.button.Button.class).id("add-question-0")).click();
        roundTrip();
        QuestionDialog dialog = editor.structureEditor.questionDialog;
        test(dialog.code).setValue("profession");
        dialog.type.setValue(QuestionType.SINGLE_CHOICE);
        test(dialog.text).setValue("What is your profession?");
        test(dialog.options).setValue("lawyer = Lawyer\njudge = Judge");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(find(Component.class).id("row-profession").getElement().getTextRecursively()).contains("What is your profession?");

        // the same code again: refused on the field, the dialog and what was typed stay
        test(find(com.vaadin.flow.component.button.Button.class).id("add-question-0")).click();
        roundTrip();
        QuestionDialog again = editor.structureEditor.questionDialog;
        test(again.code).setValue("profession");
        again.type.setValue(QuestionType.SHORT_TEXT);
        test(again.text).setValue("Again?");
        test(again.save).click();
        assertThat(again.isOpened()).isTrue();
        assertThat(again.code.isInvalid()).isTrue();
        assertThat(again.code.getErrorMessage()).isEqualTo("Another question of this survey has this code.");
        assertThat(again.text.getValue()).isEqualTo("Again?");

        // a badly written option list is explained, not stored
        test(again.code).setValue("court");
        again.type.setValue(QuestionType.MULTIPLE_CHOICE);
        test(again.options).setValue("just a label");
        test(again.save).click();
        assertThat(again.options.isInvalid()).isTrue();
        assertThat(again.isOpened()).isTrue();
    }

    @Test
    void settings_are_validated_and_saved() {
        fixtures.signIn(Role.ORGANISER);
        long id = builder.create(SurveyTestData.settings("Settings"));
        SurveyEditorView editor = navigate("surveys/" + id + "/edit", SurveyEditorView.class);
        test(editor.title).setValue("");
        test(editor.saveSettings).click();
        assertThat(editor.title.isInvalid()).isTrue();

        test(editor.title).setValue("Renamed survey");
        editor.anonymity.setValue(org.ngoplatform.survey.SurveyAnonymity.IDENTIFIED);
        test(editor.saveSettings).click();
        assertThat(editor.anonymity.isInvalid()).as("identified needs sign-in").isTrue();
        assertThat(builder.find(id).orElseThrow().title()).isNotEqualTo("Renamed survey");

        editor.audience.setValue(org.ngoplatform.survey.SurveyAudience.SIGNED_IN);
        test(editor.saveSettings).click();
        assertThat(builder.find(id).orElseThrow().title()).isEqualTo("Renamed survey");
    }

    @Test
    void the_editor_offers_exactly_the_status_moves_the_status_allows() {
        var survey = data.openSurvey();
        AccountFixtures.signIn(survey.analyst());
        SurveyEditorView editor = navigate("surveys/" + survey.id() + "/edit", SurveyEditorView.class);
        assertThat(statusButtons(editor)).containsExactly("survey-status-closed");

        test(find(com.vaadin.flow.component.button.Button.class).id("survey-status-closed")).click();
        assertThat(builder.find(survey.id()).orElseThrow().status()).isEqualTo(SurveyStatus.CLOSED);
        assertThat(statusButtons(editor)).containsExactly("survey-status-open", "survey-status-archived");
        assertThat(find(com.vaadin.flow.component.button.Button.class).id("survey-status-open").getText()).isEqualTo("Reopen");

        test(find(com.vaadin.flow.component.button.Button.class).id("survey-status-archived")).click();
        assertThat(builder.find(survey.id()).orElseThrow().status()).isEqualTo(SurveyStatus.ARCHIVED);
        assertThat(statusButtons(editor)).isEmpty();
    }

    private static java.util.List<String> statusButtons(SurveyEditorView editor) {
        return editor.statusBar.getChildren().filter(c -> c instanceof com.vaadin.flow.component.button.Button)
                .map(c -> c.getId().orElse("")).toList();
    }

    @Test
    void the_preview_shows_the_respondent_form_without_saving() {
        var survey = data.openSurvey();
        AccountFixtures.signIn(survey.analyst());
        SurveyPreviewView preview = navigate("surveys/" + survey.id() + "/preview", SurveyPreviewView.class);
        assertThat(preview.form.field("role")).isPresent();
        assertThat(preview.form.save.isVisible()).isFalse();
    }

    @Test
    void results_show_suppressed_counts_and_follow_the_filter() {
        var survey = data.openSurvey();
        for (int i = 0; i < 6; i++) data.submit(survey, SurveyTestData.complete("lawyer", 5 + i, true));
        data.submit(survey, SurveyTestData.complete("ngo", 2, false));
        AccountFixtures.signIn(survey.analyst());

        SurveyResultsView view = navigate("surveys/" + survey.id() + "/results", SurveyResultsView.class);
        assertThat(view.total.getText()).isEqualTo("Responses: 7");
        String role = find(Component.class).id("result-role").getElement().getTextRecursively();
        assertThat(role).contains("<5").contains("*").doesNotContain("(86%)");
        assertThat(find(Component.class).id("result-years").getElement().getTextRecursively()).contains("Mean", "Median");

        view.filterQuestion.setValue("role");
        view.filterOption.setValue("lawyer");
        assertThat(view.total.getText()).isEqualTo("Responses: 6");
        assertThat(find(Component.class).id("result-claimed").getElement().getTextRecursively()).contains("6 (100%)");

        // a new response arrives while the view is open: the live update refreshes it
        view.filterQuestion.clear();
        AccountFixtures.signOut();
        data.submit(survey, SurveyTestData.complete("ngo", 2, false));
        AccountFixtures.signIn(survey.analyst());
        var session = com.vaadin.flow.server.VaadinSession.getCurrent();
        org.awaitility.Awaitility.await().pollInSameThread().atMost(10, java.util.concurrent.TimeUnit.SECONDS)
                .pollInterval(50, java.util.concurrent.TimeUnit.MILLISECONDS).until(() -> {
                    session.getService().runPendingAccessTasks(session);
                    roundTrip();
                    return view.total.getText().equals("Responses: 8");
                });
        assertThat(view.total.getText()).isEqualTo("Responses: 8");
    }

    @Test
    void the_list_offers_editing_results_and_duplicating() {
        var survey = data.openSurvey();
        AccountFixtures.signIn(survey.analyst());
        SurveysView list = navigate(SurveysView.class);
        test(list.filter).setValue(builder.find(survey.id()).orElseThrow().title());
        assertThat(test(list.grid).size()).isEqualTo(1);
        assertThat(builder.find(survey.id()).orElseThrow().status()).isEqualTo(SurveyStatus.OPEN);
    }

    @Test
    void settings_question_and_page_forms_mark_required_fields_and_explain_empty_ones_next_to_them_saving_nothing() {
        fixtures.signIn(Role.ORGANISER);
        long id = builder.create(SurveyTestData.settings("Required"));
        String title = builder.find(id).orElseThrow().title();
        SurveyEditorView editor = navigate("surveys/" + id + "/edit", SurveyEditorView.class);

        // settings
        org.ngoplatform.base.ui.RequiredFieldsCheck.assertMarked(editor.binder, org.ngoplatform.survey.design.SurveySettingsForm.class);
        test(editor.title).setValue("");
        test(editor.intro).setValue("Kept intro");
        test(editor.saveSettings).click();
        assertThat(editor.title.isInvalid()).isTrue();
        assertThat(editor.title.getErrorMessage()).isEqualTo("Please fill in this field.");
        assertThat(editor.intro.getValue()).as("nothing typed is lost").isEqualTo("Kept intro");
        assertThat(builder.find(id).orElseThrow().title()).isEqualTo(title);
        var structure = builder.structure(id);

        // a question
        test(find(com.vaadin.flow.component.button.Button.class).id("add-question-0")).click();
        roundTrip();
        QuestionDialog dialog = editor.structureEditor.questionDialog;
        org.ngoplatform.base.ui.RequiredFieldsCheck.assertMarked(dialog.binder, org.ngoplatform.survey.design.QuestionForm.class);
        test(dialog.help).setValue("Kept help");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isTrue();
        for (var field : java.util.List.<com.vaadin.flow.component.HasValidation>of(dialog.code, dialog.text)) {
            assertThat(field.isInvalid()).isTrue();
            assertThat(field.getErrorMessage()).isEqualTo("Please fill in this field.");
        }
        assertThat(dialog.help.getValue()).isEqualTo("Kept help");
        dialog.close();

        // a page
        test(find(com.vaadin.flow.component.button.Button.class).id("add-page")).click();
        roundTrip();
        var pageTitle = find(com.vaadin.flow.component.textfield.TextField.class).id("page-title");
        var pageIntro = find(com.vaadin.flow.component.textfield.TextArea.class).id("page-intro");
        assertThat(pageTitle.isRequiredIndicatorVisible()).isTrue();
        assertThat(pageTitle.getElement().getProperty("required", false)).as("required for assistive technology").isTrue();
        test(pageIntro).setValue("Kept page intro");
        test(find(com.vaadin.flow.component.button.Button.class).id("page-save")).click();
        assertThat(pageTitle.isInvalid()).isTrue();
        assertThat(pageTitle.getErrorMessage()).isEqualTo("Please fill in this field.");
        assertThat(pageIntro.getValue()).isEqualTo("Kept page intro");
        assertThat(builder.structure(id)).isEqualTo(structure);
    }
}
