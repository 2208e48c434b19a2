package org.ngoplatform.survey.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.Clause;
import org.ngoplatform.survey.SurveyStructure.Condition;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.design.QuestionForm;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The question dialog's condition editor: clauses over earlier questions with AND/OR, refusals next to it. */
@IntegrationTest
class ConditionEditorViewTest extends SpringBrowserlessTest {

    @Autowired SurveyBuilderService builder;
    @Autowired AccountFixtures fixtures;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private long survey() {
        fixtures.signIn(Role.ANALYST);
        long id = builder.create(SurveyTestData.settings("Condition editor"));
        builder.addQuestion(id, 0, SurveyTestData.choice("claimed", QuestionType.YES_NO, true));
        builder.addQuestion(id, 0, SurveyTestData.number("amount", false, 0, 100000));
        builder.addQuestion(id, 0, SurveyTestData.text("note", QuestionType.SHORT_TEXT));
        return id;
    }

    private QuestionDialog newQuestion(long id, String code) {
        SurveyEditorView editor = navigate("surveys/" + id + "/edit", SurveyEditorView.class);
        test(find(Button.class).id("add-question-0")).click();
        roundTrip();
        QuestionDialog dialog = editor.structureEditor.questionDialog;
        test(dialog.code).setValue(code);
        dialog.type.setValue(QuestionType.SHORT_TEXT);
        test(dialog.text).setValue("Why?");
        return dialog;
    }

    @Test
    void the_builder_writes_the_condition_summary_in_the_users_language_with_no_english_word_left() {
        long id = survey();
        builder.addQuestion(id, 0, SurveyTestData.when(SurveyTestData.text("why", QuestionType.SHORT_TEXT), "claimed", "no"));
        try {
            com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
            navigate("surveys/" + id + "/edit", SurveyEditorView.class);
            assertThat(find(Component.class).id("row-why").getElement().getTextRecursively())
                    .contains("Angezeigt, wenn claimed ist eines von (no)").doesNotContain(" in (");
            com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("ru"));
            navigate("surveys/" + id + "/edit", SurveyEditorView.class);
            assertThat(find(Component.class).id("row-why").getElement().getTextRecursively())
                    .contains("Показывается, если claimed — одно из (no)").doesNotContain(" in (");
        } finally {
            com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        }
    }

    @Test
    void an_analyst_combines_a_choice_and_a_number_clause_with_or() {
        long id = survey();
        QuestionDialog dialog = newQuestion(id, "why");
        ConditionEditor editor = dialog.condition;
        assertThat(editor.join.isVisible()).as("one clause needs no join").isFalse();

        test(editor.add).click();
        ConditionEditor.ClauseRow first = editor.rows.getFirst();
        assertThat(first.question.getListDataView().getItems()).as("text questions cannot be tested")
                .containsExactly("claimed", "amount");
        first.question.setValue("claimed");
        assertThat(first.options.isVisible()).isTrue();
        assertThat(first.operator.isVisible()).isFalse();
        first.options.setValue(Set.of("no"));

        test(editor.add).click();
        ConditionEditor.ClauseRow second = editor.rows.get(1);
        second.question.setValue("amount");
        assertThat(second.options.isVisible()).isFalse();
        assertThat(second.operator.isVisible() && second.value.isVisible()).isTrue();
        second.operator.setValue(Clause.Operator.LT);
        second.value.setValue(new BigDecimal("1000"));
        assertThat(editor.join.isVisible()).isTrue();
        editor.join.setValue(Condition.Join.ANY);

        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        Condition expected = new Condition(Condition.Join.ANY, List.of(Clause.oneOf("claimed", Set.of("no")),
                Clause.compare("amount", Clause.Operator.LT, new BigDecimal("1000"))));
        SurveyStructure s = builder.structure(id);
        assertThat(s.question("why").orElseThrow().condition()).isEqualTo(expected);
        assertThat(find(Component.class).id("row-why").getElement().getTextRecursively())
                .contains("Shown when claimed is one of (no) or amount < 1000");

        // editing shows the clauses again, and removing them all makes the question always shown
        QuestionDialog edit = new QuestionDialog(QuestionForm.of(s.question("why").orElseThrow()),
                s.questions().subList(0, 3), f -> true);
        edit.open();
        roundTrip();
        assertThat(edit.condition.getValue()).isEqualTo(expected);
        assertThat(edit.condition.rows.get(1).value.getValue()).isEqualByComparingTo("1000");
        test(edit.condition.rows.get(1).remove).click();
        test(edit.condition.rows.getFirst().remove).click();
        assertThat(edit.condition.getValue()).isNull();
        assertThat(edit.binder.getBean().getCondition()).isNull();
    }

    @Test
    void a_value_the_earlier_question_does_not_accept_is_explained_next_to_the_condition_and_nothing_is_saved() {
        long id = survey();
        SurveyStructure before = builder.structure(id);
        QuestionDialog dialog = newQuestion(id, "big");
        test(dialog.condition.add).click();
        ConditionEditor.ClauseRow row = dialog.condition.rows.getFirst();
        row.question.setValue("amount");
        row.operator.setValue(Clause.Operator.GT);
        row.value.setValue(new BigDecimal("200000"));
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.condition.isInvalid()).isTrue();
        assertThat(dialog.condition.getErrorMessage()).isEqualTo(
                "big has a condition on amount: the value must be one that amount accepts (0–100000). Nothing was changed.");
        assertThat(builder.structure(id)).isEqualTo(before);

        // a clause without its value: what is missing, also next to it
        row.value.clear();
        test(dialog.save).click();
        assertThat(dialog.condition.getErrorMessage()).isEqualTo("big has a condition on amount: choose a comparison and enter a value.");
        assertThat(builder.structure(id)).isEqualTo(before);
    }
}
