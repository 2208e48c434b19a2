package org.ngoplatform.survey.journey;

import org.junit.jupiter.api.Test;
import org.ngoplatform.journey.BrowserJourney;
import org.ngoplatform.journey.NextVisitor;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone-sized window, an anonymous professional starts the seeded compensation survey, stops with a
 * resume code, comes back in a new browser, continues with the code and submits.
 */
class SurveyJourneyTest extends BrowserJourney {

    private static final String SURVEY = "s/compensation-professionals-2026";

    @Autowired JdbcClient jdbc;

    /**
     * A new browser on a 360 px phone, as the app sees it: the same Chromium as a new visitor ({@link NextVisitor}:
     * a new tab, no cookies, no stored data of the app) with the phone's viewport emulated (headless Chromium keeps
     * windows at least 500 px wide). It used to quit the browser and start another.
     */
    private void narrowBrowser() {
        NextVisitor.arrive(driver, port);
        NextVisitor.phone(driver, 360, 800);
    }

    /** Types into a field's input after scrolling it into view, then leaves the field (fires change). */
    private void fill(String id, String text) {
        WebElement input = byId(id).findElement(By.cssSelector("input, textarea"));
        js("arguments[0].scrollIntoView({block: 'center'})", input);
        wait.until(d -> input.isDisplayed() && input.isEnabled());
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
        waitForVaadin();
    }

    private String progress() {
        return byId("survey-progress").getAttribute("textContent");
    }

    private long responses() {
        return jdbc.sql("SELECT COUNT(*) FROM survey_response r JOIN survey s ON s.id = r.survey_id WHERE s.public_key = 'compensation-professionals-2026'")
                .query(Long.class).single();
    }

    @Test
    void a_professional_fills_the_compensation_survey_on_a_phone_stops_and_resumes_with_the_code() throws Exception {
        long before = responses();
        narrowBrowser();
        open(SURVEY);
        click("survey-start");

        // page 1: about you
        tick("profession", "Labour inspector");
        WebElement country = byId("q-country").findElement(By.cssSelector("input"));
        country.click();
        country.sendKeys("Estonia");
        WebElement estonia = wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().strip().equals("Estonia")).findFirst().orElse(null));
        estonia.click();
        waitForVaadin();
        assertThat(country.getAttribute("value")).isEqualTo("Estonia");
        fill("q-years_experience", "8");
        fill("q-persons_assisted", "25");
        screenshot("survey-360-page1");
        click("survey-next");
        assertThat(progress()).isEqualTo("Page 2 of 4");

        // page 2: conditional questions appear after "Yes"
        assertThat(driver.findElements(By.id("q-routes")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        tick("any_claimed", "Yes");
        fill("q-claims_count", "4");
        tick("routes", "State compensation fund");
        tick("routes", "Labour court or employment tribunal");
        tick("outcome", "Still pending");
        screenshot("survey-360-page2");

        // stop: the code is shown once
        click("survey-save");
        String code = byId("resume-code-shown").getText();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        screenshot("survey-360-resume-code");

        // later, in another browser: continue with the code
        narrowBrowser();
        open(SURVEY);
        fill("resume-code", code);
        click("resume-submit");
        assertThat(progress()).isEqualTo("Page 2 of 4");
        assertThat(byId("q-claims_count").findElement(By.cssSelector("input")).getAttribute("value")).isEqualTo("4");
        click("survey-next");

        // page 3: obstacles and knowledge
        tick("obstacles", "Proceedings take too long");
        tick("obstacles", "Offenders have no assets or hide them");
        tick("fund_awareness", "2");
        click("survey-next");

        // page 4: training and recommendations
        tick("training_received", "No");
        fill("q-recommendations", "Free legal aid for every compensation claim.");
        click("survey-next");

        assertThat(byId("survey-review").getText()).contains("Labour inspector", "Estonia", "State compensation fund", "Still pending");
        screenshot("survey-360-review");
        click("survey-submit");
        assertThat(byId("survey-thanks").getText()).contains("Thank you");
        screenshot("survey-360-thanks");
        assertThat(responses()).isEqualTo(before + 1);

        assertThat(sidewaysOverflow()).as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(0L);
    }
}
