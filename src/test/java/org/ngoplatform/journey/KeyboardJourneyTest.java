package org.ngoplatform.journey;

import org.junit.jupiter.api.Test;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.EditionFixtures;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.registration.RegistrationStatus;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant signs in and registers for an edition with the keyboard alone (Tab, Shift+Tab, Enter, Space,
 * typing): the skip link comes first, focus lands where expected and is visible, and the registration is saved.
 */
class KeyboardJourneyTest extends BrowserJourney {

    /** More Tabs than any page here needs to reach its target; a page needing more is itself a finding. */
    static final int MAX_TABS = 40;

    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;
    @Autowired RegistrationService registrations;

    @Test
    void a_participant_signs_in_and_registers_using_only_the_keyboard() {
        EditionSummary edition = editions.open(25);
        AccountPrincipal participant = accounts.create(Role.PARTICIPANT);

        // sign in: Tab to the e-mail field, type, Tab to the password, type, Enter
        open("login");
        tabUntil(e -> "username".equals(e.getDomAttribute("name")), "the e-mail field of the login form");
        keys(participant.getUsername());
        press(Keys.TAB);
        assertThat(focused().getDomAttribute("name")).isEqualTo("password");
        keys(AccountFixtures.PASSWORD, Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("login"));
        waitForVaadin();

        // on the edition page the first Tab reaches the skip link, which is visible while focused
        open("editions/" + edition.id());
        press(Keys.TAB);
        WebElement skip = focused();
        assertThat(skip.getDomAttribute("id")).isEqualTo("skip-to-content");
        assertThat(skip.isDisplayed()).isTrue();
        assertThat(skip.getRect().getY()).isGreaterThanOrEqualTo(0);
        assertThat(outline(skip)).as("focus outline of the skip link").isNotEqualTo("none");
        // Enter jumps over navbar and menu: focus is in the page, and the next Tab lands on the page's first link
        press(Keys.ENTER);
        wait.until(d -> "main-content".equals(focused().getDomAttribute("id")));
        List<String> passed = tabUntil(e -> "registration-register".equals(idOf(e)), "the Register button");
        assertThat(passed).as("nothing of the navbar or the menu lies between the skip target and Register")
                .noneMatch(id -> id.equals("theme-toggle") || id.equals("language") || id.equals("main-nav"));
        assertThat(focused().getDomAttribute("focus-ring")).as("Lumo focus ring on the focused button").isNotNull();
        press(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().endsWith("/register"));
        waitForVaadin();

        // the form, field by field in reading order
        tabUntil(e -> "registration-organisation".equals(idOf(e)), "the organisation field");
        keys("La Strada Moldova");
        press(Keys.TAB);
        waitForVaadin();
        if (!"registration-job-title".equals(idOf(focused()))) {
            // the organisation list was still open and kept the focus for one more Tab
            press(Keys.TAB);
        }
        assertThat(idOf(focused())).isEqualTo("registration-job-title");
        keys("Hotline counsellor");
        List<String> order = tabUntil(e -> "registration-consent".equals(idOf(e)), "the privacy consent box");
        assertThat(order).containsSubsequence("registration-arrival", "registration-departure", "registration-dietary",
                "registration-accessibility", "registration-visa");
        // Shift+Tab goes back to the previous box, Tab forward again (a checkbox may take one stop for its host)
        assertThat(tabUntil(e -> "registration-visa".equals(idOf(e)), "the visa box, backwards", true))
                .hasSizeLessThanOrEqualTo(2);
        assertThat(tabUntil(e -> "registration-consent".equals(idOf(e)), "the consent box again", false))
                .hasSizeLessThanOrEqualTo(2);
        press(Keys.SPACE);
        waitForVaadin();
        assertThat(byId("registration-consent").getDomAttribute("checked")).isNotNull();
        tabUntil(e -> "registration-submit".equals(idOf(e)), "the submit button");
        press(Keys.ENTER);
        waitForVaadin();

        wait.until(d -> d.findElement(By.id("registration-result")).getDomAttribute("hidden") == null);
        assertThat(byId("registration-result").getText()).contains("You are registered");
        AccountFixtures.signIn(participant);
        try {
            var mine = registrations.mineFor(edition.id()).orElseThrow();
            assertThat(mine.status()).isEqualTo(RegistrationStatus.CONFIRMED);
            assertThat(mine.toRequest().getOrganisationName()).isEqualTo("La Strada Moldova");
            assertThat(mine.toRequest().getJobTitle()).isEqualTo("Hotline counsellor");
        } finally {
            AccountFixtures.signOut();
        }
    }

    private void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    private void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** The element with the keyboard focus (inside shadow roots, the host). */
    private WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /**
     * The id the app gave the element or its nearest ancestor: a field's input carries a generated id
     * ({@code input-vaadin-text-field-12}), its field the app's id.
     */
    private String idOf(WebElement element) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "let e = arguments[0]; while (e && (!e.id || /-vaadin-[a-z-]+-\\d+$/.test(e.id))) {"
                        + " e = e.parentElement || (e.getRootNode() && e.getRootNode().host); }"
                        + " return e ? e.id : '';", element));
    }

    private String outline(WebElement element) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(arguments[0]).outlineStyle", element));
    }

    /** Presses Tab until the focused element matches; returns the ids passed on the way. */
    private List<String> tabUntil(java.util.function.Predicate<WebElement> target, String what) {
        return tabUntil(target, what, false);
    }

    /** Tab, or Shift+Tab when going backwards. */
    private List<String> tabUntil(java.util.function.Predicate<WebElement> target, String what, boolean backwards) {
        List<String> passed = new ArrayList<>();
        for (int i = 0; i < MAX_TABS; i++) {
            if (backwards) {
                new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            } else {
                press(Keys.TAB);
            }
            WebElement now = focused();
            passed.add(idOf(now));
            if (target.test(now)) {
                return passed;
            }
        }
        throw new AssertionError("Tab never reached " + what + "; passed " + passed);
    }
}
