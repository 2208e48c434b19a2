package org.ngoplatform.journey;

import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A participant signs in, finds an open edition, registers and sees the confirmation. */
class RegistrationJourneyTest extends BrowserJourney {

    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;

    @Test
    void participant_registers_for_an_open_edition_and_sees_the_confirmation() throws Exception {
        EditionSummary edition = editions.open(20);
        AccountPrincipal participant = accounts.create(Role.PARTICIPANT);

        signIn(participant.getUsername(), AccountFixtures.PASSWORD);

        open("editions/" + edition.id());
        assertThat(byId("registration-seats").getText()).isEqualTo("Seats left: 20 of 20");
        click("registration-register");

        WebElement organisation = byId("registration-organisation").findElement(By.cssSelector("input"));
        organisation.sendKeys("La Strada Moldova", Keys.ENTER);
        type("registration-job-title", "Hotline counsellor");
        type("registration-dietary", "Vegetarian");
        WebElement consent = byId("registration-consent").findElement(By.cssSelector("input"));
        js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", consent);
        waitForVaadin();
        screenshot("registration-form");
        click("registration-submit");

        WebElement result;
        try {
            wait.until(d -> d.findElement(By.id("registration-result")).getDomAttribute("hidden") == null);
            result = byId("registration-result");
        } catch (RuntimeException notShown) {
            screenshot("registration-failed");
            throw notShown;
        }
        assertThat(result.getText()).contains("You are registered: your seat is confirmed.");
        screenshot("registration-confirmed");

        driver.manage().window().setSize(new Dimension(360, 800));
        open("my/registrations");
        assertThat(byId("my-registration-list").getText()).contains(edition.title()).contains("Confirmed");
        screenshot("registration-my-registrations-360");
        open("editions/" + edition.id());
        assertThat(byId("registration-my-status").getText()).isEqualTo("Your registration: Confirmed");
        assertThat(byId("registration-seats").getText()).isEqualTo("Seats left: 19 of 20");
        screenshot("registration-edition-360");
    }
}
