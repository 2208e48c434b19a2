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
}
