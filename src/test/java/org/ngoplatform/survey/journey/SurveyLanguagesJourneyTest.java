package org.ngoplatform.survey.journey;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.journey.BrowserJourney;
import org.ngoplatform.journey.NextVisitor;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.results.SurveyExportService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 §1: an analyst adds a German translation in the browser, one respondent answers in German and another in
 * English on a 360 px phone, the results show both answers pooled (in either language), and the workbook's
 * codebook lists both languages' texts.
 */
class SurveyLanguagesJourneyTest extends BrowserJourney {

    @Autowired SurveyBuilderService builder;
    @Autowired SurveyExportService surveyExport;
    @Autowired ExportService exports;
    @Autowired AccountFixtures accounts;
    @Autowired JdbcClient jdbc;

    /**
     * The next person, on a 360 px phone: the same Chromium as a new visitor ({@link NextVisitor}: new tab, no
     * cookies, no stored data) with the phone's viewport emulated (headless Chromium keeps windows at least 500 px
     * wide, so this journey has always emulated it). It used to quit the browser and start a new one per person.
     */
    private void phone() {
        NextVisitor.arrive(driver, port);
        NextVisitor.phone(driver, 360, 800);
    }

    /** Picks an item of a Vaadin select by its label. */
    private void select(String id, String label) {
        click(id);
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().strip().equals(label)).findFirst().orElse(null));
        js("arguments[0].click()", item);
        waitForVaadin();
    }

    private void answer(String key, String language, String role, String thanks) {
        phone();
        open("s/" + key);
        if (language != null) {
            select("survey-language", language);
            wait.until(d -> byId("survey-start").getText().equals("Start"));
        }
        click("survey-start");
        tick("role", role);
        click("survey-next");
        click("survey-submit");
        wait.until(d -> byId("survey-thanks").getText().equals(thanks));
        assertThat(sidewaysOverflow()).as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(0L);
    }

    @Test
    void an_analyst_adds_german_one_respondent_answers_in_german_another_in_english_and_results_pool_both() throws Exception {
        AccountPrincipal analyst = accounts.signIn(Role.ANALYST);
        var settings = SurveyTestData.settings("Journey languages");
        settings.setSuppressionK(2);
        long id = builder.create(settings);
        builder.addQuestion(id, 0, SurveyTestData.choice("role", QuestionType.SINGLE_CHOICE, true, "lawyer", "ngo"));
        String title = builder.find(id).orElseThrow().title();
        String key = builder.find(id).orElseThrow().publicKey();
        AccountFixtures.signOut();

        signIn(analyst.getUsername(), AccountFixtures.PASSWORD);
        open("surveys/" + id + "/translations");
        choose("translate-new-language", "German (de)");
        click("translate-add");
        type("translate-title", "Sprachen " + title);
        type("translate-thank_you", "Danke!");
        type("translate-section-0-title", "Seite 1");
        type("translate-q-role-text", "Ihre Rolle");
        type("translate-q-role-option-lawyer", "Anwältin oder Anwalt");
        type("translate-q-role-option-ngo", "NGO-Mitarbeit");
        wait.until(d -> byId("translate-progress-de").getText().startsWith("6 of 6 texts translated"));
        screenshot("survey-translations-1280");
        accounts.signIn(Role.ANALYST);
        builder.changeStatus(id, SurveyStatus.OPEN);
        AccountFixtures.signOut();

        answer(key, "German – Deutsch", "NGO-Mitarbeit", "Danke!");
        screenshot("survey-languages-360-german-thanks");
        answer(key, null, "Label lawyer", "Thanks!");
        assertThat(jdbc.sql("SELECT language FROM survey_response WHERE survey_id = ? ORDER BY language").param(id)
                .query(String.class).list()).containsExactly("de", "en");

        // back at the desk (1280 px: a new tab has no phone viewport), as a new visitor
        NextVisitor.arrive(driver, port);
        signIn(analyst.getUsername(), AccountFixtures.PASSWORD);
        open("surveys/" + id + "/results");
        wait.until(d -> byId("result-role").getText().contains("Answered 2"));
        select("results-language", "German – Deutsch");
        wait.until(d -> byId("result-role").getText().contains("Ihre Rolle"));
        assertThat(byId("result-role").getText()).contains("Answered 2", "NGO-Mitarbeit", "Anwältin oder Anwalt");

        AccountFixtures.signIn(analyst);
        ExportStatus status = surveyExport.exportResults(id, null, false, "de");
        try (InputStream in = Files.newInputStream(exports.download(status.jobId()).path());
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet codebook = wb.getSheet("Codebook");
            List<String> header = new ArrayList<>();
            codebook.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).endsWith("Text: English (en)", "Text: German (de)");
            String roleRow = codebook.getRow(1).getCell(header.size() - 2).getStringCellValue() + " / "
                    + codebook.getRow(1).getCell(header.size() - 1).getStringCellValue();
            assertThat(roleRow).isEqualTo("Question role / Ihre Rolle");
        } finally {
            AccountFixtures.signOut();
        }
    }
}
