package org.ngoplatform.survey.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.SurveyTestData;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SurveyResultsExportViewTest extends SpringBrowserlessTest {

    @Autowired SurveyTestData data;
    @Autowired AccountFixtures fixtures;
    @Autowired AuditLog auditLog;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void the_results_view_downloads_the_filtered_workbook_without_identity_for_analysts() {
        var survey = data.openSurvey();
        for (int i = 0; i < 3; i++) data.submit(survey, SurveyTestData.complete("lawyer", 5 + i, true));
        data.submit(survey, SurveyTestData.complete("ngo", 2, false));
        AccountFixtures.signIn(survey.analyst());

        SurveyResultsView view = navigate("surveys/" + survey.id() + "/results", SurveyResultsView.class);
        assertThat(view.includeIdentity.isVisible()).as("anonymous survey: no identity choice").isFalse();
        view.filterQuestion.setValue("role");
        view.filterOption.setValue("lawyer");
        test(view.download).click();

        assertThat(view.download.dialog().isOpened()).isTrue();
        assertThat(find(Paragraph.class).withId("export-message").single().getText()).isEqualTo("Ready: 3 rows.");
        Anchor link = find(Anchor.class).withId("export-download").single();
        assertThat(link.getText()).isEqualTo("Download survey-" + survey.id() + "-results.xlsx");

        fixtures.signIn(Role.ORGANISER);
        assertThat(auditLog.forSubject("survey:" + survey.id()))
                .filteredOn(e -> e.getAction().equals(ExportService.FINISHED)).singleElement()
                .satisfies(e -> assertThat(e.getDetails()).contains("filter=role = lawyer", "rows=3", "identity=false"));
    }

    @Test
    void only_organisers_see_the_identity_choice_and_only_for_identified_surveys() {
        var settings = SurveyTestData.settings("Identified view");
        settings.setAudience(SurveyAudience.SIGNED_IN);
        settings.setAnonymity(SurveyAnonymity.IDENTIFIED);
        var survey = data.openSurvey(settings);

        AccountFixtures.signIn(survey.analyst());
        SurveyResultsView asAnalyst = navigate("surveys/" + survey.id() + "/results", SurveyResultsView.class);
        assertThat(asAnalyst.includeIdentity.isVisible()).isFalse();
        assertThat(asAnalyst.download.isVisible()).isTrue();

        fixtures.signIn(Role.ORGANISER);
        SurveyResultsView asOrganiser = navigate("surveys/" + survey.id() + "/results", SurveyResultsView.class);
        assertThat(asOrganiser.includeIdentity.isVisible()).isTrue();
        assertThat(asOrganiser.includeIdentity.getValue()).as("off unless ticked").isFalse();
    }
}
