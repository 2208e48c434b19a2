package org.ngoplatform.journey;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SignUpJourneyTest extends BrowserJourney {

    @Test
    void a_newcomer_signs_up_signs_in_and_sees_the_past_editions() throws Exception {
        String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        open("signup");
        type("signup-email", email);
        type("signup-name", "Olena Journey");
        choose("signup-organisation", "La Strada Ukraine");
        choose("signup-country", "Ukraine");
        type("signup-password", "Skopje 2007 journey!");
        type("signup-password-confirm", "Skopje 2007 journey!");
        check("signup-consent");
        screenshot("signup-filled");
        click("signup-submit");

        wait.until(ExpectedConditions.urlContains("/login"));
        waitForVaadin();
        var form = byId("login-view");
        form.findElement(By.cssSelector("input[name='username']")).sendKeys(email);
        form.findElement(By.cssSelector("input[name='password']")).sendKeys("Skopje 2007 journey!\n");

        wait.until(d -> d.findElements(By.id("current-user")).size() == 1);
        waitForVaadin();
        assertThat(byId("current-user").getText()).isEqualTo("Olena Journey");
        assertThat(byId("past-editions").getText()).contains("Tallinn, Estonia", "Warsaw, Poland");
        screenshot("home-signed-in");
    }
}
