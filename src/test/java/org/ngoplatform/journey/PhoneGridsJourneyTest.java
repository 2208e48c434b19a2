package org.ngoplatform.journey;

import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.BulkAccounts;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.WorkshopService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisers' grids in a real browser at 1280 and 360 px: on a phone every grid shows cards and nothing in it
 * scrolls sideways, the header shows the whole name and language; at 1280 px the registrations fit with their
 * actions inside the grid and no header cut. Screenshots go to target/screenshots/phones (or NGO_SHOTS_DIR); the
 * 1280 px shots of every grid, which no check needs, only when NGO_SHOTS_DIR is set.
 */
class PhoneGridsJourneyTest extends BrowserJourney {

    @Autowired EditionFixtures editionFixtures;
    @Autowired RegistrationService registrations;
    @Autowired AccountFixtures accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired SurveyTestData surveys;
    @Autowired ApplicationContext context;
    @Autowired WorkshopService workshops;

    @Test
    void every_admin_grid_shows_cards_on_a_phone_and_the_registrations_fit_at_1280_px() throws IOException {
        EditionSummary edition = editionFixtures.open(2);
        for (AccountPrincipal person : BulkAccounts.participants(context, 3)) {
            AccountFixtures.signIn(person);
            var request = EditionFixtures.request("La Strada International – Amsterdam office", "Hotline counsellor");
            request.setArrivalOn(edition.startsOn());
            request.setDepartureOn(edition.endsOn());
            request.setDietaryNeeds("Vegetarian, no nuts");
            request.setVisaLetter(true);
            registrations.register(edition.id(), request);
        }
        AccountFixtures.signIn(surveys.openSurvey(SurveyTestData.settings("Access to compensation")).analyst());
        AccountFixtures.signOut();
        String email = accounts.create(Role.ORGANISER).getUsername();
        // a long name, as real ones are (the fixture's is short); set before signing in, so the header shows it
        jdbc.update("update account set display_name = ? where email = ?", "Anna Johansson-Lindqvist", email);
        signIn(email, AccountFixtures.PASSWORD);

        for (String title : List.of("Compensation for trafficked persons", "Labour exploitation in agriculture")) {
            editionFixtures.asOrganiser(() -> {
                GroupForm group = new GroupForm();
                group.setTitle(title);
                group.setRoom("Room B 2.14");
                group.setCapacity(12);
                return workshops.createGroup(edition.id(), group);
            });
        }

        String registrationsPage = "admin/editions/" + edition.id() + "/registrations";
        Map<String, String> grids = Map.of("editions", "admin/editions", "surveys", "surveys",
                "registrations", registrationsPage, "outbox", "admin/outbox", "accounts", "admin/accounts", "audit", "admin/audit",
                "groups", "admin/editions/" + edition.id() + "/groups", "organisations", "admin/organisations",
                "retention", "admin/privacy");

        // 1280 px: the registrations' actions inside the grid, no header cut, the search label whole
        open(registrationsPage);
        WebElement grid = byId("registrations-grid");
        waitForRows(grid);
        shoot("registrations-1280");
        assertThat(cutHeaders(grid)).as("headers cut at 1280 px").isEmpty();
        assertThat(js("const g = arguments[0].getBoundingClientRect();"
                + " return [...arguments[0].querySelectorAll('vaadin-button[id^=cancel-]')].filter(b => b.getBoundingClientRect().right > g.right)"
                + ".map(b => b.id + ' ' + b.getBoundingClientRect().right + ' > ' + g.right);",
                grid)).as("every Cancel button inside the grid").asList().isEmpty();
        assertThat((Boolean) js("const l = arguments[0].querySelector('label'); return l.scrollWidth <= l.clientWidth;",
                byId("registrations-text-filter"))).as("search label whole").isTrue();
        assertThat(grid.getText()).contains(EditionFormatForTest.medium(edition.startsOn()));
        // Every grid fits beside the menu at 1280 px too: set column widths that wrap, not the widest entry's (the
        // editions, audit, outbox and retention grids scrolled sideways by 85-340 px before); the screenshots only when
        // someone asks for them (NGO_SHOTS_DIR set)
        List<String> at1280 = new ArrayList<>();
        for (var page : grids.entrySet()) {
            open(page.getValue());
            WebElement g = driver.findElement(By.cssSelector("vaadin-grid"));
            waitForRows(g);
            if (!((Boolean) js("const t = arguments[0].$.table; return t.scrollWidth <= t.clientWidth + 1;", g))) {
                at1280.add(page.getKey() + ": the grid scrolls sideways");
            }
            // header and body columns line up: a width in em is taken from each cell's own font size, and header
            // cells use a smaller one than body cells (vaadin/flow-components#6849), so widths are set in rem
            if (!((Boolean) js("const cells = sel => [...arguments[0].shadowRoot.querySelectorAll(sel)].filter(c => c.offsetWidth > 0);"
                    + " const head = cells('thead tr:last-child th'); const body = cells('tbody tr:not([hidden]) td').slice(0, head.length);"
                    + " return head.every((c, i) => !body[i] || Math.abs(c.getBoundingClientRect().left - body[i].getBoundingClientRect().left) <= 1);", g))) {
                at1280.add(page.getKey() + ": header and body columns do not line up");
            }
            if (System.getenv("NGO_SHOTS_DIR") != null) {
                shoot(page.getKey() + "-1280");
            }
        }
        assertThat(at1280).as("grids at 1280 px").isEmpty();

        // 360 px: cards, nothing scrolls sideways, the header shows the whole name and language
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 780, "deviceScaleFactor", 1, "mobile", true));
        List<String> problems = new ArrayList<>();
        for (var page : grids.entrySet()) {
            open(page.getValue());
            WebElement g = driver.findElement(By.cssSelector("vaadin-grid"));
            waitForRows(g);
            if (!((Boolean) js("return !!arguments[0].querySelector('.grid-card')", g))) {
                problems.add(page.getKey() + ": no cards");
            }
            if (!((Boolean) js("const t = arguments[0].$.table; return t.scrollWidth <= t.clientWidth + 1;", g))) {
                problems.add(page.getKey() + ": the grid scrolls sideways");
            }
            if (!((Boolean) js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))) {
                problems.add(page.getKey() + ": the page scrolls sideways");
            }
            problems.addAll(cutHeader(page.getKey()));
            // a page whose filters fill the first screen (audit log): show the grid's first cards
            js("const r = arguments[0].getBoundingClientRect(); if (r.top > 450) arguments[0].scrollIntoView();", g);
            shoot(page.getKey() + "-360");
        }
        assertThat(problems).isEmpty();

        open(registrationsPage);
        waitForRows(byId("registrations-grid"));
        click("theme-toggle");
        js("arguments[0].scrollIntoView();", byId("registrations-grid"));
        shoot("registrations-360-dark");
        js("window.scrollTo(0, 0); document.querySelector('vaadin-app-layout').scrollTop = 0;");
        click("theme-toggle");
        // each language by its own name, as the box lists it (Java writes Russian's in lower case)
        for (var language : Map.of("de", "Deutsch", "ru", "русский", "en", "English").entrySet()) {
            chooseLanguage(language.getValue());
            waitForRows(byId("registrations-grid"));
            assertThat(cutHeader(language.getKey())).isEmpty();
            shoot("registrations-360-" + language.getKey());
            // the drawer beside the page at 1280 px: every menu entry whole ("Datenschutz und Aufbewahrung" was cut)
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
            assertThat(js("return [...document.querySelectorAll('vaadin-side-nav-item')].filter(i => {"
                    + " const s = i.shadowRoot.querySelector('slot:not([name])'); return s.scrollWidth > s.clientWidth + 1; })"
                    + ".map(i => i.textContent.trim());")).as("menu entries cut at 1280 px in " + language.getKey()).asList().isEmpty();
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 360, "height", 780, "deviceScaleFactor", 1, "mobile", true));
            // field labels whole on a phone: the retention dialog's long German and Russian ones ended in "…"
            open("admin/privacy");
            WebElement set = wait.until(d -> d.findElements(By.cssSelector("vaadin-button[id^=retention-card-set-]")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null));
            js("arguments[0].click()", set);
            wait.until(d -> !d.findElements(By.cssSelector("vaadin-integer-field")).isEmpty());
            waitForVaadin();
            assertThat(cutLabels()).as("field labels cut at 360 px in " + language.getKey()).isEmpty();
            new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
            waitForVaadin();
            open(registrationsPage);
        }
    }

    /** The labels of the page's fields that end in "…" because they are longer than their field. */
    @SuppressWarnings("unchecked")
    private List<String> cutLabels() {
        return (List<String>) js("return [...document.querySelectorAll('*')].filter(e => e.shadowRoot)"
                + ".flatMap(e => [...e.shadowRoot.querySelectorAll('[part~=label]')])"
                + ".filter(p => p.offsetWidth > 0 && p.scrollWidth > p.clientWidth + 1)"
                + ".map(p => { const l = p.getRootNode().host.querySelector('[slot=label]'); return l ? l.textContent.trim() : '?'; });");
    }

    /** The person's name and the language box show their whole text. */
    private List<String> cutHeader(String where) {
        List<String> cut = new ArrayList<>();
        if (!(Boolean) js("const n = document.getElementById('current-user'); return n.scrollWidth <= n.clientWidth;")) {
            cut.add(where + ": name cut");
        }
        if (!(Boolean) js("const i = document.querySelector('#language input'); return i.scrollWidth <= i.clientWidth;")) {
            cut.add(where + ": language cut");
        }
        return cut;
    }

    @SuppressWarnings("unchecked")
    private List<String> cutHeaders(WebElement grid) {
        return (List<String>) js("const cells = [...arguments[0].querySelectorAll('vaadin-grid-cell-content')]"
                + ".filter(c => c.assignedSlot && c.assignedSlot.parentElement.closest('thead'));"
                + " return cells.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent);", grid);
    }

    private void waitForRows(WebElement grid) {
        wait.until(d -> (Boolean) js("return [...arguments[0].querySelectorAll('vaadin-grid-cell-content')]"
                + ".filter(c => c.textContent.trim()).length > 2 && !arguments[0].hasAttribute('loading')", grid));
    }


    private void shoot(String name) throws IOException {
        String dir = System.getenv().getOrDefault("NGO_SHOTS_DIR", "target/screenshots/phones");
        Path target = Path.of(dir, name + ".png");
        Files.createDirectories(target.getParent());
        var file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** "Apr 12, 2027": how the app writes a date in English. */
    private static final class EditionFormatForTest {
        static String medium(java.time.LocalDate date) {
            return java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH).format(date);
        }
    }
}
