package org.ngoplatform.survey.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matrix and ranking questions in the browserless UI: an analyst adds both in the question dialog, a respondent
 * answers them (each matrix row a radio group, each ranked place a combo box: no dragging), is told about an
 * unanswered row and a duplicate place, and the answers reach results as tables.
 */
@IntegrationTest
class SurveyMatrixRankingViewTest extends SpringBrowserlessTest {

    @Autowired SurveyBuilderService builder;
    @Autowired AccountFixtures fixtures;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void an_analyst_adds_a_matrix_and_a_ranking_and_a_respondent_answers_both_with_checks() {
        AccountPrincipal analyst = fixtures.signIn(Role.ANALYST);
        long id = builder.create(SurveyTestData.settings("Matrix view"));
        SurveyEditorView editor = navigate("surveys/" + id + "/edit", SurveyEditorView.class);

        test(find(com.vaadin.flow.component.button.Button.class).id("add-question-0")).click();
        roundTrip();
        QuestionDialog dialog = editor.structureEditor.questionDialog;
        test(dialog.code).setValue("rights");
        dialog.type.setValue(QuestionType.MATRIX);
        assertThat(dialog.rows.isVisible()).isTrue();
        assertThat(dialog.allowOther.isVisible()).isFalse();
        test(dialog.text).setValue("How well are these rights met?");
        test(dialog.options).setValue("yes = Fully\nno = Not at all");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).as("no rows: refused on the rows field").isTrue();
        assertThat(dialog.rows.isInvalid()).isTrue();
        assertThat(dialog.rows.getErrorMessage()).isEqualTo("Add at least one row to the matrix.");
        test(dialog.rows).setValue("police = Protection by the police\ncourt = A fair trial");
        dialog.required.setValue(true);
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();

        test(find(com.vaadin.flow.component.button.Button.class).id("add-question-0")).click();
        roundTrip();
        QuestionDialog ranking = editor.structureEditor.questionDialog;
        test(ranking.code).setValue("needs");
        ranking.type.setValue(QuestionType.RANKING);
        assertThat(ranking.rows.isVisible()).isFalse();
        test(ranking.text).setValue("What is needed most?");
        test(ranking.options).setValue("money = Money");
        test(ranking.save).click();
        assertThat(ranking.options.getErrorMessage()).isEqualTo("A ranking needs at least two options to put in order.");
        test(ranking.options).setValue("money = Money\nsafety = Safety\nwork = Work");
        ranking.required.setValue(true);
        test(ranking.save).click();
        assertThat(ranking.isOpened()).isFalse();
        SurveyStructure structure = builder.structure(id);
        assertThat(structure.question("rights").orElseThrow().rows()).extracting(SurveyStructure.OptionDef::code)
                .containsExactly("police", "court");
        builder.changeStatus(id, SurveyStatus.OPEN);
        String key = builder.find(id).orElseThrow().publicKey();
        AccountFixtures.signOut();

        SurveyRespondView view = navigate("s/" + key, SurveyRespondView.class);
        test(view.start).click();
        SurveyFormPanel form = view.form;
        MatrixField matrix = (MatrixField) form.field("rights").orElseThrow().input;
        RankingField places = (RankingField) form.field("needs").orElseThrow().input;
        assertThat(places.places).hasSize(3);
        assertThat(places.places.getFirst().getLabel()).isEqualTo("Rank 1");

        matrix.single.get("police").setValue("yes");
        places.places.get(0).setValue("safety");
        places.places.get(1).setValue("safety");
        places.places.get(2).setValue("money");
        test(form.next).click();
        assertThat(form.page()).as("stays on the page").isZero();
        assertThat(matrix.isInvalid()).isTrue();
        assertThat(matrix.getErrorMessage()).isEqualTo("Please answer every row (1 still open).");
        assertThat(matrix.single.get("court").isInvalid()).as("the open row is marked").isTrue();
        assertThat(matrix.single.get("police").isInvalid()).isFalse();
        assertThat(places.getErrorMessage()).isEqualTo("An option is chosen for two places: give each place a different option.");
        assertThat(places.places.get(1).isInvalid()).as("the repeated place is marked").isTrue();

        matrix.single.get("court").setValue("no");
        places.places.get(1).setValue("work");
        test(form.next).click();
        assertThat(find(Component.class).id("survey-review").getElement().getTextRecursively())
                .contains("Protection by the police: Fully", "A fair trial: Not at all", "1. Safety; 2. Work; 3. Money");
        test(form.submit).click();
        assertThat(find(Paragraph.class).id("survey-thanks").isVisible()).isTrue();

        List<String> stored = jdbc.sql("SELECT CONCAT(COALESCE(a.row_code, ''), ':', a.option_code, ':', COALESCE(CAST(a.number_value AS SIGNED), 0)) "
                        + "FROM survey_answer a JOIN survey_response r ON r.id = a.response_id WHERE r.survey_id = ? ORDER BY a.id")
                .param(id).query(String.class).list();
        assertThat(stored).containsExactlyInAnyOrder("police:yes:0", "court:no:0", ":safety:1", ":work:2", ":money:3");

        AccountFixtures.signIn(analyst);
        navigate("surveys/" + id + "/results", SurveyResultsView.class);
        String needs = find(Component.class).id("row-results-needs").getElement().getTextRecursively();
        assertThat(needs).contains("Rank 1", "Mean rank", "Safety");
        assertThat(find(Component.class).id("row-results-rights").getElement().getTextRecursively()).contains("Protection by the police", "Fully");
        assertThat(Set.of(SurveyStatus.OPEN)).contains(builder.find(id).orElseThrow().status());
    }
}
