package org.ngoplatform.survey.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.design.QuestionForm;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveySettingsForm;
import org.ngoplatform.survey.respond.SurveyRespondentService;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markup typed by an analyst (survey texts, question text, help, option label) or by a respondent (free text)
 * is shown as the characters typed in the respondent view, its review, the thanks, the preview, the editor and
 * the results: text of components, never elements.
 */
@IntegrationTest
class SurveyLiteralTextViewTest extends SpringBrowserlessTest {

    static final String MARKUP = "<script>alert('x')</script><b>b</b>";

    @Autowired SurveyBuilderService builder;
    @Autowired SurveyRespondentService respondent;
    @Autowired AccountFixtures fixtures;

    record Built(long id, String key, AccountPrincipal analyst) {
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /** Every analyst text is markup: title, intro, thanks, page title and intro, question text, help, option label. */
    private Built markupSurvey() {
        AccountPrincipal analyst = fixtures.signIn(Role.ANALYST);
        SurveySettingsForm settings = new SurveySettingsForm();
        settings.setTitle(MARKUP + " " + UUID.randomUUID().toString().substring(0, 8));
        settings.setIntro(MARKUP);
        settings.setThankYou(MARKUP);
        long id = builder.create(settings);
        builder.editSection(id, 0, MARKUP, MARKUP);
        QuestionForm story = new QuestionForm();
        story.setCode("story");
        story.setType(QuestionType.LONG_TEXT);
        story.setText(MARKUP);
        story.setHelp(MARKUP);
        builder.addQuestion(id, 0, story);
        QuestionForm role = new QuestionForm();
        role.setCode("role");
        role.setType(QuestionType.SINGLE_CHOICE);
        role.setText("Role");
        role.setOptions(List.of(new QuestionForm.OptionInput("lawyer", MARKUP), new QuestionForm.OptionInput("ngo", "NGO")));
        builder.addQuestion(id, 0, role);
        builder.changeStatus(id, SurveyStatus.OPEN);
        String key = builder.find(id).orElseThrow().publicKey();
        AccountFixtures.signOut();
        return new Built(id, key, analyst);
    }

    /** Components on screen whose text is exactly the markup. */
    private List<Component> showingMarkup() {
        List<Component> found = new ArrayList<>();
        collect(UI.getCurrent(), found);
        return found;
    }

    private static void collect(Component c, List<Component> found) {
        if (c instanceof HasText t && MARKUP.equals(t.getText())) {
            found.add(c);
        }
        c.getChildren().forEach(child -> collect(child, found));
    }

    private static List<Component> descendants(Component root) {
        List<Component> all = new ArrayList<>();
        root.getChildren().forEach(c -> {
            all.add(c);
            all.addAll(descendants(c));
        });
        return all;
    }

    /** No element was made from the typed markup, and no text went in as HTML. */
    private static void assertNoMarkupElements() {
        List<String> problems = new ArrayList<>();
        walk(UI.getCurrent().getElement(), problems);
        assertThat(problems).isEmpty();
    }

    private static void walk(Element e, List<String> problems) {
        if (List.of("script", "b", "img").contains(e.getTag())) {
            problems.add("<" + e.getTag() + "> element");
        }
        if (e.hasProperty("innerHTML")) {
            problems.add("innerHTML on <" + e.getTag() + ">");
        }
        e.getChildren().forEach(child -> walk(child, problems));
    }

    @Test
    void the_respondent_sees_markup_as_typed_in_the_form_the_review_and_the_thanks() {
        Built survey = markupSurvey();
        SurveyRespondView view = navigate("s/" + survey.key(), SurveyRespondView.class);
        assertThat(showingMarkup()).as("intro").anyMatch(c -> c instanceof Paragraph);
        test(view.start).click();

        QuestionField story = view.form.field("story").orElseThrow();
        TextArea input = (TextArea) story.input;
        assertThat(input.getLabel()).isEqualTo(MARKUP);
        assertThat(input.getHelperText()).isEqualTo(MARKUP);
        assertThat(showingMarkup()).as("page title and intro").hasSizeGreaterThanOrEqualTo(2);
        assertNoMarkupElements();

        input.setValue(MARKUP);
        test(view.form.next).click();
        assertThat(showingMarkup().stream().filter(Span.class::isInstance).count())
                .as("question text and answer in the review").isEqualTo(2);
        assertThat(find(Component.class).id("survey-review").getElement().getTextRecursively())
                .contains(MARKUP + MARKUP);
        assertNoMarkupElements();

        test(view.form.submit).click();
        assertThat(find(Paragraph.class).id("survey-thanks").getText()).isEqualTo(MARKUP);
        assertNoMarkupElements();
    }

    @Test
    void the_preview_and_the_editor_show_markup_as_typed() {
        Built survey = markupSurvey();
        AccountFixtures.signIn(survey.analyst());
        SurveyPreviewView preview = navigate("surveys/" + survey.id() + "/preview", SurveyPreviewView.class);
        assertThat(((TextArea) preview.form.field("story").orElseThrow().input).getLabel()).isEqualTo(MARKUP);
        assertThat(showingMarkup()).as("intro, page title and intro").hasSizeGreaterThanOrEqualTo(3);
        assertNoMarkupElements();

        navigate("surveys/" + survey.id() + "/edit", SurveyEditorView.class);
        assertThat(showingMarkup()).as("question text and page intro in the structure").hasSizeGreaterThanOrEqualTo(2);
        assertNoMarkupElements();
    }

    @Test
    void results_show_question_text_and_free_text_answers_as_typed() {
        Built survey = markupSurvey();
        respondent.submit(survey.key(), respondent.newSubmissionToken(),
                Map.of("story", AnswerValue.ofText(MARKUP), "role", AnswerValue.ofOptions(Set.of("lawyer"), null)), null);
        AccountFixtures.signIn(survey.analyst());
        navigate("surveys/" + survey.id() + "/results", SurveyResultsView.class);
        Component card = find(Component.class).id("result-story");
        assertThat(card.getChildren().filter(H3.class::isInstance).map(h -> ((H3) h).getText()).toList())
                .containsExactly(MARKUP);
        List<String> texts = new ArrayList<>();
        descendants(card).stream().filter(ListItem.class::isInstance).forEach(li -> texts.add(((ListItem) li).getText()));
        assertThat(texts).as("the free-text answers").containsExactly(MARKUP);
        assertThat(find(Component.class).id("result-role").getElement().getTextRecursively()).contains(MARKUP);
        assertNoMarkupElements();
    }
}
