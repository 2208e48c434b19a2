package org.ngoplatform.survey.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.contextmenu.ContextMenuTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.results.StatisticsFormat;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SurveyStatisticsDownloadViewTest extends SpringBrowserlessTest {

    @Autowired SurveyTestData data;
    @Autowired AccountFixtures fixtures;
    @Autowired AuditLog auditLog;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void the_results_view_offers_spss_r_and_long_csv_next_to_the_workbook_with_the_filter_shown() {
        var survey = data.openSurvey();
        for (int i = 0; i < 2; i++) data.submit(survey, SurveyTestData.complete("lawyer", 5 + i, true));
        data.submit(survey, SurveyTestData.complete("ngo", 2, false));
        AccountFixtures.signIn(survey.analyst());

        SurveyResultsView view = navigate("surveys/" + survey.id() + "/results", SurveyResultsView.class);
        assertThat(view.statistics.getParent()).isEqualTo(view.download.getParent());
        assertThat(view.statistics.item(StatisticsFormat.SPSS).getText()).isEqualTo("SPSS (syntax and data)");
        assertThat(view.statistics.item(StatisticsFormat.R).getText()).isEqualTo("R (script and data)");
        assertThat(view.statistics.item(StatisticsFormat.LONG_CSV).getText()).isEqualTo("Long CSV (one row per answer)");
        view.filterQuestion.setValue("role");
        view.filterOption.setValue("lawyer");

        String[] files = {"spss.zip", "r.zip", "long.csv"};
        for (int i = 0; i < files.length; i++) {
            var menu = new ContextMenuTester<>(view.statistics.menu());
            if (!view.statistics.menu().isOpened()) {
                menu.open(); // what a click on the button does in the browser
            }
            assertThat(view.statistics.getElement().getAttribute("aria-expanded")).isEqualTo("true");
            menu.clickItem(i);
            assertThat(view.statistics.dialog().isOpened()).isTrue();
            assertThat(find(Paragraph.class).withId("export-message").last().getText()).isEqualTo("Ready: 2 rows.");
            Anchor link = find(Anchor.class).withId("export-download").last();
            assertThat(link.getText()).isEqualTo("Download survey-" + survey.id() + "-" + files[i]);
            view.statistics.dialog().close();
        }

        fixtures.signIn(Role.ORGANISER);
        assertThat(auditLog.forSubject("survey:" + survey.id()))
                .filteredOn(e -> e.getAction().equals(ExportService.FINISHED)).hasSize(3)
                .allSatisfy(e -> assertThat(e.getDetails()).contains("filter=role = lawyer", "rows=2", "identity=false"));
    }
}
