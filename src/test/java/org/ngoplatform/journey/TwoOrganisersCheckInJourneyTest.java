package org.ngoplatform.journey;

import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.attendance.AttendanceService;
import org.ngoplatform.attendance.AttendeeSummary;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 §4/§5: two organisers check people in on their phones (360 px) at the same desk and the same time, each
 * on the same edition's check-in page: each finds people by search and marks them with a tap, each sees the other's
 * marks arrive without reloading (the app's live updates), an undo by one shows at the other's, and when they are
 * done the attendance service holds exactly the marks they left, none lost.
 */
class TwoOrganisersCheckInJourneyTest extends BrowserJourney {

    @Autowired EditionFixtures editionFixtures;
    @Autowired AccountFixtures accounts;
    @Autowired RegistrationService registrations;
    @Autowired AttendanceService attendance;

    /** The second organiser's browser (the first is the journey's own {@link #driver}). */
    private WebDriver second;
    private WebDriverWait secondWait;

    @Test
    void two_organisers_check_people_in_at_360_px_at_the_same_time_and_see_each_others_marks() throws Exception {
        EditionSummary edition = editionFixtures.open(10);
        // four confirmed participants, each found by the search under an organisation of their own
        String run = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Long> people = new LinkedHashMap<>();
        for (String organisation : List.of("Payoke", "Caritas", "Proxima", "Solwodi")) {
            AccountPrincipal person = accounts.signIn(Role.PARTICIPANT);
            registrations.register(edition.id(), EditionFixtures.request(organisation + " " + run, "Social worker"));
            people.put(organisation, person.accountId());
        }
        AccountFixtures.signOut();
        AccountPrincipal anna = accounts.create(Role.ORGANISER);
        AccountPrincipal boris = accounts.create(Role.ORGANISER);
        String page = "editions/" + edition.id() + "/check-in";

        phone(driver);
        signIn(anna.getUsername(), AccountFixtures.PASSWORD);
        open(page);
        second = newDriver(360, 780);
        try {
            secondWait = newWait(second, 60);
            phone(second);
            asSecond(() -> {
                signIn(boris.getUsername(), AccountFixtures.PASSWORD);
                open(page);
            });
            assertThat(count()).isEqualTo("0 of 4 present");
            assertThat(inSecond(this::count)).isEqualTo("0 of 4 present");

            // each searches and taps someone else
            markFound("Payoke", people.get("Payoke"));
            asSecond(() -> markFound("Caritas", people.get("Caritas")));

            // each sees the other's mark arrive (the count, then the row once the search is cleared)
            awaitCount("2 of 4 present");
            asSecond(() -> awaitCount("2 of 4 present"));
            clearSearch();
            awaitPresent(people.get("Caritas"));
            asSecond(() -> {
                clearSearch();
                awaitPresent(people.get("Payoke"));
            });

            // both go on at once: Anna marks Proxima, Boris Solwodi, then Anna undoes Boris's Caritas by mistake
            markFound("Proxima", people.get("Proxima"));
            asSecond(() -> markFound("Solwodi", people.get("Solwodi")));
            clearSearch();
            click("undo-" + people.get("Caritas"));
            awaitCount("3 of 4 present");
            asSecond(() -> {
                awaitCount("3 of 4 present");
                clearSearch();
                awaitAbsent(people.get("Caritas"));
                awaitPresent(people.get("Proxima"));
            });
            awaitPresent(people.get("Solwodi"));
        } finally {
            second.quit();
        }

        // no mark lost, none doubled: exactly what the two left
        AccountFixtures.signIn(anna);
        try {
            // both pages opened on the same point (today's, else the first); no other point has a mark
            List<String> marks = new java.util.ArrayList<>();
            for (var point : attendance.points(edition.id())) {
                List<AttendeeSummary> list = attendance.checkInList(edition.id(), point.point());
                assertThat(list).hasSize(4);
                list.stream().filter(AttendeeSummary::present).forEach(a -> marks.add(point.point().key() + " " + a.accountId()));
            }
            String shared = attendance.points(edition.id()).stream().map(p -> p.point())
                    .filter(p -> p.day().equals(java.time.LocalDate.now(java.time.ZoneId.of(edition.timeZone())))).findFirst()
                    .orElse(attendance.points(edition.id()).getFirst().point()).key();
            assertThat(marks).containsExactlyInAnyOrder(shared + " " + people.get("Payoke"), shared + " " + people.get("Proxima"),
                    shared + " " + people.get("Solwodi"));
        } finally {
            AccountFixtures.signOut();
        }
    }

    /** A phone's viewport, as the page tour and the phone grids journey set it. */
    private static void phone(WebDriver browser) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 780, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Types into the search, waits until only that person's row is left and taps its "Present". */
    private void markFound(String organisation, long accountId) {
        type("check-in-search", organisation);
        wait.until(d -> d.findElements(By.cssSelector("#check-in-list .check-in-row")).size() == 1
                && !d.findElements(By.id("attendee-" + accountId)).isEmpty());
        click("mark-" + accountId);
        awaitPresent(accountId);
    }

    private void clearSearch() {
        type("check-in-search", "");
    }

    private String count() {
        return byId("check-in-count").getText();
    }

    private void awaitCount(String text) {
        wait.withMessage(() -> "count " + text + ", shown: " + count()).until(d -> text.equals(count()));
    }

    private void awaitPresent(long accountId) {
        wait.withMessage(() -> "attendee-" + accountId + " present").until(d -> !d.findElements(By.id("undo-" + accountId)).isEmpty()
                && d.findElement(By.id("attendee-" + accountId)).getDomAttribute("class").contains("present"));
    }

    private void awaitAbsent(long accountId) {
        wait.withMessage(() -> "attendee-" + accountId + " not present").until(d -> !d.findElements(By.id("mark-" + accountId)).isEmpty());
    }

    /** Runs the helpers in the second organiser's browser. */
    private void asSecond(Runnable steps) {
        inSecond(() -> {
            steps.run();
            return null;
        });
    }

    private <T> T inSecond(java.util.function.Supplier<T> steps) {
        WebDriver first = driver;
        WebDriverWait firstWait = wait;
        driver = second;
        wait = secondWait;
        try {
            return steps.get();
        } finally {
            driver = first;
            wait = firstWait;
        }
    }
}
