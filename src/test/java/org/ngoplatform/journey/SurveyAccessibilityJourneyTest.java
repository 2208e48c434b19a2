package org.ngoplatform.journey;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.attendance.AttendanceService;
import org.ngoplatform.attendance.CheckInPoint;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.ProgrammeFixtures;
import org.ngoplatform.programme.SessionForm;
import org.ngoplatform.programme.SessionKind;
import org.ngoplatform.programme.SessionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.workshop.ChoosingFixtures;
import org.ngoplatform.workshop.ChoosingService;
import org.ngoplatform.workshop.MembershipService;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.workshop.EntryDraft;
import org.ngoplatform.workshop.EntryType;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.OutcomeService;
import org.ngoplatform.workshop.WorkshopService;
import org.ngoplatform.survey.design.QuestionForm;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStatus;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** axe-core over an analyst's survey pages and a respondent's pages with every question type, light and dark. */
class SurveyAccessibilityJourneyTest extends AccessibilityJourney {

    @Test
    void survey_pages_of_an_analyst_have_no_serious_or_critical_violations_in_light_and_dark() {
        SurveyTestData.Built survey = surveys.openSurvey();
        AccountFixtures.signIn(survey.analyst());
        surveys.submit(survey, SurveyTestData.complete("lawyer", 4, true));
        AccountFixtures.signOut();
        AccountFixtures.signIn(survey.analyst());
        long draft = surveyBuilder.create(SurveyTestData.settings("A11y draft"));
        surveyTranslation.addLanguage(draft, "de");   // the translations page opens on German's texts
        surveyTranslation.saveText(draft, "de", "title", "Barrierefreiheit");
        AccountFixtures.signOut();

        signIn(survey.analyst().getUsername(), AccountFixtures.PASSWORD);
        List<String> problems = new ArrayList<>();
        problems.addAll(lightAndDark("surveys", null));
        problems.addAll(lightAndDark("surveys/" + draft + "/edit", null));
        problems.addAll(lightAndDark("surveys/" + draft + "/edit", "add-question-0"));
        problems.addAll(lightAndDark("surveys/" + survey.id() + "/edit", null));
        problems.addAll(lightAndDark("surveys/" + survey.id() + "/preview", null));
        problems.addAll(lightAndDark("surveys/" + survey.id() + "/results", null));
        problems.addAll(lightAndDark("surveys/" + draft + "/translations", null));
        problems.addAll(lightAndDark("surveys/" + survey.id() + "/invitations", null));
        assertThat(problems).isEmpty();
    }

    /**
     * A respondent meets every question type (single and multiple choice with "other", yes/no, scale, number,
     * date, country, short and long text, matrix and ranking), required and optional, on four pages: each page is checked before
     * answering, after "Next" with everything empty (messages showing, also on an empty "other" text), then the
     * review and the thank-you page; every state in light and in dark.
     */
    @Test
    void every_question_type_of_a_survey_with_and_without_messages_has_no_serious_or_critical_violations() {
        accounts.signIn(Role.ANALYST);
        long id = surveyBuilder.create(SurveyTestData.settings("A11y every type"));
        surveyBuilder.editSection(id, 0, "Choices", "Pick what applies.");
        for (boolean required : new boolean[] {true, false}) {
            String r = required ? "req" : "opt";
            QuestionForm single = SurveyTestData.choice("single_" + r, QuestionType.SINGLE_CHOICE, required, "lawyer", "ngo");
            single.setAllowOther(true);
            single.setHelp("Your main role.");
            surveyBuilder.addQuestion(id, 0, single);
            QuestionForm multiple = SurveyTestData.choice("multi_" + r, QuestionType.MULTIPLE_CHOICE, required, "criminal", "civil", "fund");
            multiple.setAllowOther(true);
            if (required) {
                multiple.setHelp("Tick all that apply.");
            }
            surveyBuilder.addQuestion(id, 0, multiple);
            surveyBuilder.addQuestion(id, 0, SurveyTestData.choice("yesno_" + r, QuestionType.YES_NO, required));
            QuestionForm scale = SurveyTestData.choice("scale_" + r, QuestionType.SCALE, required);
            scale.setScaleMin(1);
            scale.setScaleMax(5);
            scale.setScaleMinLabel("not at all");
            scale.setScaleMaxLabel("very well");
            surveyBuilder.addQuestion(id, 0, scale);
        }
        surveyBuilder.addSection(id, "Numbers and dates", null);
        for (boolean required : new boolean[] {true, false}) {
            String r = required ? "req" : "opt";
            surveyBuilder.addQuestion(id, 1, SurveyTestData.number("number_" + r, required, 0, 60));
            QuestionForm date = SurveyTestData.text("date_" + r, QuestionType.DATE);
            date.setRequired(required);
            surveyBuilder.addQuestion(id, 1, date);
            QuestionForm country = SurveyTestData.text("country_" + r, QuestionType.COUNTRY);
            country.setRequired(required);
            surveyBuilder.addQuestion(id, 1, country);
        }
        surveyBuilder.addSection(id, "Your words", null);
        for (boolean required : new boolean[] {true, false}) {
            String r = required ? "req" : "opt";
            for (QuestionType type : List.of(QuestionType.SHORT_TEXT, QuestionType.LONG_TEXT)) {
                QuestionForm text = SurveyTestData.text(type.name().toLowerCase() + "_" + r, type);
                text.setRequired(required);
                surveyBuilder.addQuestion(id, 2, text);
            }
        }
        surveyBuilder.addSection(id, "Rows and ranks", null);
        surveyBuilder.addQuestion(id, 3, SurveyTestData.matrix("matrix_req", true, false, List.of("police", "court"), "never", "often"));
        surveyBuilder.addQuestion(id, 3, SurveyTestData.matrix("matrix_opt", false, true, List.of("police", "court"), "fund", "lawyer"));
        surveyBuilder.addQuestion(id, 3, SurveyTestData.ranking("ranking_req", true, "speed", "money", "respect"));
        surveyBuilder.changeStatus(id, SurveyStatus.OPEN);
        String key = surveyBuilder.find(id).orElseThrow().publicKey();
        AccountFixtures.signOut();

        List<String> problems = new ArrayList<>();
        String page = "s/" + key;
        open(page);
        problems.addAll(bothThemes(page + " start"));
        click("survey-start");

        // page 1: the choices; a required checkbox group is announced as required through its description
        problems.addAll(bothThemes(page + " page 1"));
        assertThat(byId("q-multi_req").getDomAttribute("aria-required")).isNull();
        assertThat(accessibleDescription("q-multi_req")).startsWith("Required").contains("Tick all that apply.");
        assertThat(accessibleDescription("q-multi_opt")).doesNotContain("Required");
        assertThat(byId("q-single_req").getDomAttribute("aria-required")).as("allowed on a radiogroup").isEqualTo("true");
        click("survey-next");
        assertThat(byId("q-multi_req").getDomAttribute("invalid")).as("messages show on page 1").isNotNull();
        assertThat(accessibleDescription("q-multi_req")).contains("Required", "Tick all that apply.", "Please answer this question.");
        problems.addAll(bothThemes(page + " page 1 with messages"));
        tick("single_req", "Other");
        tick("multi_req", "Other");
        tick("multi_req", "Label civil");
        tick("yesno_req", "Yes");
        tick("scale_req", "4");
        click("survey-next");
        assertThat(byId("q-multi_req-other").getDomAttribute("invalid")).as("the empty \"other\" text has a message").isNotNull();
        problems.addAll(bothThemes(page + " page 1 with \"other\" open and empty"));
        type("q-single_req-other", "Social worker");
        type("q-multi_req-other", "Mediation");
        click("survey-next");

        // page 2: number, date, country
        assertThat(byId("survey-progress").getDomProperty("textContent")).isEqualTo("Page 2 of 4");
        problems.addAll(bothThemes(page + " page 2"));
        click("survey-next");
        assertThat(byId("q-date_req").getDomAttribute("invalid")).as("messages show on page 2").isNotNull();
        problems.addAll(bothThemes(page + " page 2 with messages"));
        type("q-number_req", "7");
        type("q-date_req", "2026-03-01");
        choose("q-country_req", "Estonia");
        click("survey-next");

        // page 3: short and long text
        assertThat(byId("survey-progress").getDomProperty("textContent")).isEqualTo("Page 3 of 4");
        problems.addAll(bothThemes(page + " page 3"));
        click("survey-next");
        assertThat(byId("q-long_text_req").getDomAttribute("invalid")).as("messages show on page 3").isNotNull();
        problems.addAll(bothThemes(page + " page 3 with messages"));
        type("q-short_text_req", "Hotline counsellor");
        type("q-long_text_req", "Legal aid is missing.");
        click("survey-next");

        // page 4: a matrix with one answer per row, one with several, a ranking (a combo box per place)
        assertThat(byId("survey-progress").getDomProperty("textContent")).isEqualTo("Page 4 of 4");
        problems.addAll(bothThemes(page + " page 4"));
        click("survey-next");
        problems.addAll(bothThemes(page + " page 4 with messages"));
        // the same page answered on a 360 px phone: no sideways scrolling, with its messages and once answered
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        try {
            waitForVaadin();
            assertThat(sidewaysOverflow()).as("page 4 with messages at 360 px").isLessThanOrEqualTo(0L);
            tick("matrix_req-police", "Label never");
            tick("matrix_req-court", "Label often");
            tick("matrix_opt-court", "Label fund");
            choose("q-ranking_req-rank1", "Label respect");
            choose("q-ranking_req-rank2", "Label speed");
            choose("q-ranking_req-rank3", "Label money");
            assertThat(sidewaysOverflow()).as("page 4 answered at 360 px").isLessThanOrEqualTo(0L);
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        click("survey-next");

        // review, then thanks
        assertThat(byId("survey-review").getDomProperty("textContent")).contains("Social worker", "Mediation", "Estonia", "Legal aid is missing.",
                "Label respect");
        problems.addAll(bothThemes(page + " review"));
        click("survey-submit");
        byId("survey-thanks");
        problems.addAll(bothThemes(page + " thank-you"));
        assertThat(problems).isEmpty();
    }
}
