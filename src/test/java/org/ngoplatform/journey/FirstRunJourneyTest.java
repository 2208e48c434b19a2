package org.ngoplatform.journey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ngoplatform.H2DefaultTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first run as the README tells it: the app started as {@code mvn spring-boot:run} starts it (default profile,
 * embedded H2 in MariaDB mode, no mail server, no admin password configured) on a database that is genuinely empty;
 * the first organiser reads the one-time password from the log, signs in, sets a lasting password, creates and opens
 * the first edition from the start page's First steps; a newcomer signs up and registers; the organiser sees it.
 *
 * <p>Why H2 in a temporary folder and not a fresh MariaDB database: H2 is what a newcomer gets (README, "The two
 * commands"), so this walks their path, and the database file lives in a folder created for that context alone, so no
 * other test's data or an earlier run's can leak in. The JDBC URL is the one of {@code application.properties} with
 * only its folder moved ({@link H2DefaultTest}).
 *
 * <p>It runs on {@link H2DefaultTest}'s context as the <b>first</b> nested class of
 * {@code org.ngoplatform.H2DefaultGroupTest} ({@code -Dtest='H2DefaultGroupTest$FirstRun'}): that context is exactly
 * the app this story needs, and as the group's first class this test sees it start (the log of the start is captured
 * from before the context exists) on its empty database; the group's other classes run after it on what it leaves.
 * Before, it started a context of its own ({@code @DirtiesContext}), one Spring and Vaadin start more per suite
 * (docs/performance.md, "Suite speed, 2026-12-07 (second session)"). If the context has already started when this
 * test begins, the one-time password is not in its captured log and the test fails at its first assertion: it cannot
 * pass on a database that was not empty at its start.
 */
@H2DefaultTest
@ExtendWith(OutputCaptureExtension.class)
public abstract class FirstRunJourneyTest extends ChromiumJourney {

    private static final String ORGANISER = "organiser@ngo-platform.local";
    private static final Pattern ONE_TIME = Pattern.compile(
            "First organiser created: " + Pattern.quote(ORGANISER) + "\\R\\s*One-time password: (\\S+)");
    private static final String ORGANISER_PASSWORD = "Tallinn 2013 lasting!";
    private static final String PARTICIPANT = "Daina Firstrun";
    private static final String PARTICIPANT_EMAIL = "daina@example.org";
    private static final String PARTICIPANT_PASSWORD = "Vilnius first run 2027";

    @Test
    public void on_an_empty_database_the_first_organiser_opens_the_first_edition_and_a_newcomer_registers(CapturedOutput log)
            throws Exception {
        // The log of the start: the one-time password, shown once.
        Matcher printed = ONE_TIME.matcher(log.getAll());
        assertThat(printed.find()).as("one-time password in the log of the start:%n%s", log.getAll()).isTrue();
        String oneTime = printed.group(1);

        // Nobody signed in: nothing upcoming, no first steps (those are for organisers).
        open("");
        assertThat(byId("home").getText()).contains("No upcoming edition has been announced yet.");
        assertThat(driver.findElements(By.id("first-steps"))).isEmpty();
        assertThat(driver.findElements(By.id("current-user"))).isEmpty();

        // The first organiser signs in with it and is held on My account until a lasting password is set.
        signIn(ORGANISER, oneTime);
        WebElement mustChange = byId("account-must-change");
        assertThat(mustChange.isDisplayed()).isTrue();
        assertThat(mustChange.getText()).startsWith("You signed in with a one-time password.");
        assertThat(byId("current-user").getText()).isEqualTo("Organiser");
        wait.until(d -> d.getCurrentUrl().endsWith("/account"));
        assertThat(driver.findElements(By.cssSelector("vaadin-side-nav-item[current]"))).as("no menu entry marked").isEmpty();
        screenshot("first-run-must-change");
        open("admin/editions");
        assertThat(byId("account-must-change").isDisplayed()).as("no other page opens first").isTrue();
        wait.until(d -> d.getCurrentUrl().endsWith("/account"));
        assertThat(driver.findElements(By.id("editions-admin"))).isEmpty();

        type("account-current-password", oneTime);
        type("account-new-password", ORGANISER_PASSWORD);
        type("account-confirm-password", ORGANISER_PASSWORD);
        click("account-change-password");

        // On the start page: First steps.
        WebElement firstSteps = byId("first-steps");
        assertThat(firstSteps.getText()).contains("First steps", "Create the next edition", "Give colleagues their roles");
        screenshot("first-run-first-steps");
        clickNatively(byId("first-steps-editions"));
        byId("editions-admin");
        gridCell("editions-grid", "Tallinn 2013");
        assertThat(byId("editions-grid").getText()).as("only the network's past editions").doesNotContain("Draft", "Registration open");

        // The first edition: created as a draft, then opened for registration.
        ZoneId vilnius = ZoneId.of("Europe/Vilnius");
        LocalDate startsOn = LocalDate.now(vilnius).plusDays(90);
        String title = "Vilnius " + startsOn.getYear();
        click("edition-new");
        type("edition-city", "Vilnius");
        choose("edition-country", "Lithuania");
        type("edition-venue", "Congress Hall");
        choose("edition-zone", "Europe/Vilnius");
        type("edition-starts", startsOn.toString());
        type("edition-ends", startsOn.plusDays(2).toString());
        type("edition-opens", LocalDateTime.now(vilnius).minusDays(1).truncatedTo(ChronoUnit.MINUTES).toString());
        type("edition-closes", startsOn.minusDays(14).atTime(18, 0).toString());
        type("edition-capacity", "30");
        screenshot("first-run-edition-form");
        click("edition-save");
        gridCell("editions-grid", title);
        assertThat(byId("editions-grid").getText()).contains(title, "Draft");

        clickNatively(gridCell("editions-grid", title));
        click("edition-status-OPEN");
        wait.until(d -> byId("editions-grid").getText().contains("Registration open"));
        assertThat(byId("editions-grid").getText()).doesNotContain("Draft");

        // The start page now announces it, and First steps are gone.
        open("");
        assertThat(byId("upcoming-editions").getText()).contains("Vilnius, Lithuania", "Registration open");
        assertThat(driver.findElements(By.id("first-steps"))).isEmpty();
        signOut();

        // A newcomer creates an account, signs in, finds the edition and registers.
        open("signup");
        type("signup-email", PARTICIPANT_EMAIL);
        type("signup-name", PARTICIPANT);
        choose("signup-organisation", "La Strada Ukraine");
        choose("signup-country", "Ukraine");
        type("signup-password", PARTICIPANT_PASSWORD);
        type("signup-password-confirm", PARTICIPANT_PASSWORD);
        check("signup-consent");
        click("signup-submit");
        wait.until(d -> d.getCurrentUrl().endsWith("/login"));
        signIn(PARTICIPANT_EMAIL, PARTICIPANT_PASSWORD);
        assertThat(byId("current-user").getText()).isEqualTo(PARTICIPANT);

        clickNatively(byId("upcoming-editions").findElement(By.linkText("Vilnius, Lithuania")));
        assertThat(byId("registration-seats").getText()).isEqualTo("Seats left: 30 of 30");
        String editionPath = driver.getCurrentUrl().replaceFirst("^http://localhost:\\d+/", "");
        assertThat(editionPath).matches("editions/\\d+");
        click("registration-register");
        assertThat(byId("registration-organisation").findElement(By.cssSelector("input")).getDomProperty("value"))
                .as("organisation taken from the account").isEqualTo("La Strada Ukraine");
        type("registration-job-title", "Hotline counsellor");
        check("registration-consent");
        click("registration-submit");
        wait.until(d -> d.findElement(By.id("registration-result")).getDomAttribute("hidden") == null);
        assertThat(byId("registration-result").getText()).contains("You are registered: your seat is confirmed.");
        screenshot("first-run-registered");
        open(editionPath);
        assertThat(byId("registration-my-status").getText()).isEqualTo("Your registration: Confirmed");
        assertThat(byId("registration-seats").getText()).isEqualTo("Seats left: 29 of 30");
        signOut();

        // The one-time password worked once only; the organiser's own password finds the registration.
        open("login");
        byId("login-view").findElement(By.cssSelector("input[name='username']")).sendKeys(ORGANISER);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(oneTime, org.openqa.selenium.Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("login?error"));
        waitForVaadin();
        assertThat(byId("login-view").getText()).contains("Sign-in failed");

        signIn(ORGANISER, ORGANISER_PASSWORD);
        assertThat(driver.findElements(By.id("account-must-change"))).isEmpty();
        open("admin/editions");
        clickNatively(byId("editions-grid").findElement(By.linkText("Registrations")));
        wait.until(d -> byId("registrations-grid").getText().contains(PARTICIPANT));
        assertThat(byId("edition-registrations").getText()).contains("Registrations: " + title);
        assertThat(byId("registrations-grid").getText()).contains(PARTICIPANT, "Confirmed", "La Strada Ukraine", "Ukraine");
        screenshot("first-run-organiser-sees-registration");

        assertThat(log.getAll().split(Pattern.quote(oneTime), -1)).as("the one-time password is printed once").hasSize(2);
    }

    private void signOut() {
        click("logout");
        byId("login-link");
        waitForVaadin();
    }

    /** A real mouse click (scrolled into view first), for links and grid rows. */
    private void clickNatively(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(d -> element.isDisplayed());
        element.click();
        waitForVaadin();
    }

    /** Waits for the grid cell showing exactly this text. */
    private WebElement gridCell(String gridId, String text) {
        return wait.until(d -> byId(gridId).findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .filter(cell -> text.equals(cell.getText().strip())).findFirst().orElse(null));
    }
}
