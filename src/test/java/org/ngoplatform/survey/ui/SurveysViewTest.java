package org.ngoplatform.survey.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.base.ui.BrowserWindow;
import org.ngoplatform.survey.SurveyTestData;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SurveysViewTest extends SpringBrowserlessTest {

    @Autowired SurveyTestData data;
    @Autowired org.ngoplatform.survey.design.SurveyBuilderService builder;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void on_a_phone_each_survey_is_a_card_with_its_status_and_its_edit_results_and_duplicate_buttons() {
        var settings = SurveyTestData.settings("Phone list");
        var survey = data.openSurvey(settings);
        AccountFixtures.signIn(survey.analyst());
        SurveysView list = navigate(SurveysView.class);
        list.filter.setValue(settings.getTitle());

        BrowserWindow.resize(BrowserWindow.PHONE);

        assertThat(list.grid.getColumns().stream().filter(c -> c.isVisible()).toList())
                .as("only the card is shown").containsExactly(list.cards.cardColumn().orElseThrow());
        var card = test(list.grid).getCellComponent(0, 0);
        assertThat(card.getElement().getTextRecursively()).contains(settings.getTitle(), "Status: ", "Responses: 0");
        var buttons = card.getElement().getTextRecursively();
        assertThat(buttons).contains("Edit", "Results", "Duplicate");
        Button results = find(Button.class).withText("Results").single();
        test(results).click();
        assertThat(getCurrentView()).isInstanceOf(SurveyResultsView.class);
    }

    @Test
    void the_new_survey_dialog_marks_its_title_required_and_an_empty_one_is_explained_next_to_it_creating_nothing() {
        var survey = data.openSurvey(SurveyTestData.settings("New dialog"));
        AccountFixtures.signIn(survey.analyst());
        SurveysView list = navigate(SurveysView.class);
        long before = builder.count(null);
        test(list.create).click();
        roundTrip();
        var title = find(com.vaadin.flow.component.textfield.TextField.class).id("survey-new-title");
        assertThat(title.isRequiredIndicatorVisible()).isTrue();

        test(find(Button.class).id("survey-new-create")).click();

        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("Please fill in this field.");
        assertThat(builder.count(null)).isEqualTo(before);
        assertThat(getCurrentView()).isSameAs(list);
    }
}
