package org.ngoplatform.survey.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportState;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.results.SurveyExportService;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every place that shows how many responses a survey has follows the same small-cell rule for the total. */
@IntegrationTest
class SurveyResponseTotalTest extends SpringBrowserlessTest {

    @Autowired SurveyTestData data;
    @Autowired SurveyExportService surveyExport;
    @Autowired ExportService exports;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void an_anonymous_survey_with_three_responses_shows_the_suppressed_total_in_the_list_the_results_and_the_workbook() throws Exception {
        var settings = SurveyTestData.settings("Small total");
        settings.setAnonymity(SurveyAnonymity.ANONYMOUS);
        var survey = data.openSurvey(settings);
        for (int i = 0; i < 3; i++) data.submit(survey, SurveyTestData.complete("lawyer", 5 + i, true));
        AccountFixtures.signIn(survey.analyst());

        SurveysView list = navigate(SurveysView.class);
        list.filter.setValue(settings.getTitle());
        var grid = test(list.grid);
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, 0)).isEqualTo(settings.getTitle());
        assertThat(grid.getCellText(0, 2)).isEqualTo("<5");

        SurveyResultsView results = navigate("surveys/" + survey.id() + "/results", SurveyResultsView.class);
        assertThat(results.total.getText()).isEqualTo("Responses: <5");

        ExportStatus status = surveyExport.exportResults(survey.id(), null, false);
        assertThat(status.state()).isEqualTo(ExportState.DONE);
        Map<String, String> about = new HashMap<>();
        try (InputStream in = Files.newInputStream(exports.download(status.jobId()).path());
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Row row : wb.getSheet("About")) {
                if (row.getCell(0) != null && row.getCell(1) != null) {
                    var v = row.getCell(1);
                    about.put(row.getCell(0).getStringCellValue(), v.getCellType() == CellType.NUMERIC
                            ? String.valueOf((long) v.getNumericCellValue()) : v.getStringCellValue());
                }
            }
        }
        assertThat(about).containsEntry("Responses", "<5");
    }

    @Test
    void from_five_responses_on_every_place_shows_the_exact_total() throws Exception {
        var settings = SurveyTestData.settings("Large total");
        var survey = data.openSurvey(settings);
        IntStream.range(0, 6).forEach(i -> data.submit(survey, SurveyTestData.complete("ngo", i, false)));
        AccountFixtures.signIn(survey.analyst());

        SurveysView list = navigate(SurveysView.class);
        list.filter.setValue(settings.getTitle());
        assertThat(test(list.grid).getCellText(0, 2)).isEqualTo("6");
        SurveyResultsView results = navigate("surveys/" + survey.id() + "/results", SurveyResultsView.class);
        assertThat(results.total.getText()).isEqualTo("Responses: 6");
    }
}
