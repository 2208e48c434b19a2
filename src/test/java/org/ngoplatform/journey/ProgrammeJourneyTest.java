package org.ngoplatform.journey;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.ProgrammeFixtures;
import org.ngoplatform.programme.SessionForm;
import org.ngoplatform.programme.SessionKind;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SATURDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SUNDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.session;

/**
 * An organiser adds a session in the programme editor and is told about a room clash in the browser; anyone reads
 * the public programme on a 360 px phone (no sideways scrolling) and prints it without the app's chrome.
 */
class ProgrammeJourneyTest extends BrowserJourney {

    @Autowired ProgrammeFixtures programme;
    @Autowired AccountFixtures accounts;

    @Test
    void an_organiser_builds_the_programme_and_a_visitor_reads_and_prints_it_on_a_phone() throws IOException {
        EditionSummary edition = programme.vienna("Vienna", SPRING_SATURDAY, SPRING_SUNDAY, true);
        long id = edition.id();
        programme.add(id, session(SessionKind.PLENARY, "Opening plenary", "Main hall", SPRING_SATURDAY.atTime(9, 0), SPRING_SATURDAY.atTime(10, 30)));
        SessionForm workshops = session(SessionKind.WORKSHOP_SLOT, "Workshops I: identification and referral", "Rooms 1–4",
                SPRING_SATURDAY.atTime(11, 0), SPRING_SATURDAY.atTime(13, 0));
        workshops.setDescription("Four parallel groups; see the workshop groups on the edition page.");
        programme.add(id, workshops);
        programme.add(id, session(SessionKind.BREAK, "Lunch", null, SPRING_SATURDAY.atTime(13, 0), SPRING_SATURDAY.atTime(14, 0)));
        SessionForm dinner = session(SessionKind.SOCIAL, "Network dinner", "Heuriger Mayer", SPRING_SATURDAY.atTime(19, 30), SPRING_SATURDAY.atTime(23, 0));
        programme.add(id, dinner);
        SessionForm compensation = session(SessionKind.PLENARY, "Access to compensation: survey results", "Main hall",
                SPRING_SUNDAY.atTime(9, 30), SPRING_SUNDAY.atTime(11, 0));
        compensation.setSpeakers("Anna Kovac, Jonas Berg");
        compensation.setDescription("Clocks went forward at 02:00 last night: 9:30 is summer time (CEST).");
        programme.add(id, compensation);
        programme.add(id, session(SessionKind.PLENARY, "Closing and next edition", "Main hall", SPRING_SUNDAY.atTime(12, 0), SPRING_SUNDAY.atTime(13, 0)));

        AccountPrincipal organiser = accounts.create(Role.ORGANISER);
        signIn(organiser.getUsername(), AccountFixtures.PASSWORD);
        open("admin/editions/" + id + "/programme");
        assertThat(byId("programme-zone").getText()).contains("Europe/Vienna");
        screenshot("programme-editor-1280");

        // a session in the main hall during the opening plenary: refused, the plenary named next to the room
        click("add-on-" + SPRING_SATURDAY);
        type("session-title", "Press briefing");
        type("session-room", "main hall");
        // the dialog opened on that day offers 09:00-10:00, during the opening plenary
        click("session-save");
        try {
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return arguments[0].invalid", byId("session-room"))));
        } catch (RuntimeException notShown) {
            screenshot("programme-journey-failure");
            throw notShown;
        }
        String error = (String) js("return arguments[0].errorMessage", byId("session-room"));
        assertThat(error).contains("Opening plenary").contains("Europe/Vienna");
        screenshot("programme-editor-clash-1280");
        type("session-room", "Library");
        click("session-save");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-dialog-overlay[opened]")).isEmpty());
        assertThat(byId("programme-days").getText()).contains("Press briefing");

        phone = phone();
        phone.get("http://localhost:" + port + "/editions/" + id + "/programme");
        newWait(phone, 60).until(d -> !d.findElements(By.id("programme-ics")).isEmpty()
                && d.findElement(By.id("programme")).getText().contains("Closing and next edition"));
        JavascriptExecutor js = (JavascriptExecutor) phone;
        assertThat(((Number) js.executeScript("return document.documentElement.clientWidth")).intValue()).isEqualTo(360);
        assertThat(sidewaysOverflow(phone)).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(0);
        assertThat(phone.findElement(By.id("programme")).getText()).contains("Press briefing").contains("Europe/Vienna");
        copy(phone, "programme-public-360");

        // printed: the navigation bar and the buttons are gone, the sessions are there
        ((ChromeDriver) phone).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(js.executeScript("return getComputedStyle(document.querySelector('.app-navbar')).display")).isEqualTo("none");
        assertThat(js.executeScript("return getComputedStyle(document.getElementById('programme-ics').parentElement).display")).isEqualTo("none");
        assertThat(phone.findElement(By.id("programme")).getText()).contains("Opening plenary");
        // the content is not a scrolling box cut off after one page
        assertThat(js.executeScript("return getComputedStyle(document.querySelector('vaadin-app-layout')"
                + ".shadowRoot.querySelector(\"[part~='content']\")).overflowY")).isEqualTo("visible");

        open("editions/" + id + "/programme");
        screenshot("programme-public-1280");
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        screenshot("programme-public-print-1280");
        // the real thing: Chromium prints it on A4 (the page size comes from the app's @page rule)
        Map<String, Object> pdf = ((ChromeDriver) driver).executeCdpCommand("Page.printToPDF",
                Map.of("preferCSSPageSize", true, "printBackground", false));
        byte[] bytes = java.util.Base64.getDecoder().decode((String) pdf.get("data"));
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "programme-public-a4.pdf"), bytes);
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        WebDriver desk = driver;
        WebDriverWait deskWait = wait;
        // the same phone, now the organiser's: a new visitor at it (new tab: no session, no print emulation)
        NextVisitor.arrive(phone, port);
        NextVisitor.phone(phone, 360, 780);
        driver = phone;
        wait = newWait(driver, 60);
        try {
            signIn(organiser.getUsername(), AccountFixtures.PASSWORD);
            open("admin/editions/" + id + "/programme");
            assertThat(sidewaysOverflow()).as("the editor has no sideways scrolling at 360 px").isLessThanOrEqualTo(0);
            screenshot("programme-editor-360");
        } finally {
            driver.quit();
            driver = desk;
            wait = deskWait;
        }
    }

    /**
     * The phone: the visitor's, then the organiser's as a new visitor ({@link NextVisitor}); one Chromium for both (it
     * used to be one each). Quit after the test, also when it fails before the organiser's part.
     */
    private WebDriver phone;

    @AfterEach
    void putThePhoneAway() {
        if (phone != null) {
            phone.quit();
        }
    }

    /** A phone: headless Chromium keeps windows at least 500 px wide, so the page is given 360 px by emulation. */
    private static WebDriver phone() throws IOException {
        WebDriver phone = newDriver(360, 780);
        NextVisitor.phone(phone, 360, 780);
        return phone;
    }

    private void copy(WebDriver other, String name) throws IOException {
        WebDriver own = driver;
        driver = other;
        try {
            screenshot(name);
        } finally {
            driver = own;
        }
    }
}
