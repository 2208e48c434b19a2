package org.ngoplatform.survey.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveyTranslationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The translations page and the respondent's choice of language, browserless (issue 17 §1; the Selenium journey of
 * a German and an English respondent at 360 px is not built yet).
 */
@IntegrationTest
class SurveyTranslationsViewTest extends SpringBrowserlessTest {

    @Autowired SurveyBuilderService builder;
    @Autowired SurveyTranslationService translation;
    @Autowired AccountFixtures fixtures;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void an_analyst_adds_german_translates_beside_the_english_text_and_a_respondent_answers_in_german() {
        fixtures.signIn(Role.ANALYST);
        long id = builder.create(SurveyTestData.settings("View languages"));
        builder.addQuestion(id, 0, SurveyTestData.choice("role", QuestionType.SINGLE_CHOICE, true, "lawyer", "ngo"));

        SurveyTranslationsView view = navigate("surveys/" + id + "/translations", SurveyTranslationsView.class);
        assertThat(view.baseLanguage.getValue()).isEqualTo("en");
        test(view.newLanguage).selectItem("German (de)");
        test(view.add).click();

        TextArea role = find(TextArea.class).id("translate-q-role-text");
        assertThat(role.getLabel()).isEqualTo("German (de)");
        assertThat(role.getMaxLength()).isEqualTo(1000);
        assertThat(view.texts.getElement().getTextRecursively()).contains("Question role", "Question role: option lawyer");
        test(role).setValue("Ihre Rolle");
        assertThat(translation.texts(id, "de")).filteredOn(t -> t.key().equals("q.role.text")).singleElement()
                .satisfies(t -> assertThat(t.translation()).isEqualTo("Ihre Rolle"));
        assertThat(find(Span.class).id("translate-progress-de").getText()).startsWith("1 of 6 texts translated");

        // a translation longer than its base field allows is refused next to the field; nothing changes
        test(role).setValue("R".repeat(1001));
        assertThat(role.isInvalid()).isTrue();
        assertThat(role.getErrorMessage()).isEqualTo("This text is longer than allowed; please shorten it.");
        assertThat(translation.texts(id, "de").stream().filter(t -> "Ihre Rolle".equals(t.translation())).count()).isEqualTo(1);

        translation.texts(id, "de").forEach(t -> translation.saveText(id, "de", t.key(), "DE " + t.base()));
        builder.changeStatus(id, SurveyStatus.OPEN);
        String key = jdbc.sql("SELECT public_key FROM survey WHERE id = ?").param(id).query(String.class).single();
        AccountFixtures.signOut();

        UI.getCurrent().navigate("s/" + key, QueryParameters.of("lang", "de"));
        SurveyRespondView respond = (SurveyRespondView) getCurrentView();
        assertThat(find(H1.class).first().getText()).startsWith("DE View languages");
        assertThat(respond.language.isVisible()).isTrue();
        assertThat(respond.language.getValue()).isEqualTo("de");
        test(respond.start).click();
        @SuppressWarnings("unchecked")
        HasValue<?, String> answer = (HasValue<?, String>) respond.form.field("role").orElseThrow().input;
        answer.setValue("ngo");
        test(respond.form.next).click();
        test(respond.form.submit).click();
        assertThat(find(Paragraph.class).id("survey-thanks").getText()).isEqualTo("DE Thanks!");
        assertThat(jdbc.sql("SELECT language FROM survey_response WHERE survey_id = ?").param(id).query(String.class).single())
                .isEqualTo("de");
    }
}
