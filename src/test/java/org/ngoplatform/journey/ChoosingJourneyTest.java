package org.ngoplatform.journey;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.ProgrammeFixtures;
import org.ngoplatform.programme.SessionKind;
import org.ngoplatform.programme.SessionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.WorkshopService;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SATURDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SUNDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.session;

/**
 * Ranked workshop choices end to end: an organiser opens choosing for a workshop slot; three participants rank its
 * groups on a 360 px phone (buttons, no dragging); the organiser computes the allocation, moves one person by hand and
 * publishes; a participant finds their group on their own programme and downloads its {@code .ics}.
 */
class ChoosingJourneyTest extends BrowserJourney {

    @Autowired ProgrammeFixtures programme;
    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;
    @Autowired RegistrationService registrations;
    @Autowired WorkshopService workshops;
    @Autowired JdbcTemplate jdbc;

    private long group(long editionId, String title, long slot, int capacity) {
        return editions.asOrganiser(() -> {
            GroupForm form = new GroupForm();
            form.setTitle(title);
            form.setProgrammeSessionId(slot);
            form.setRoom("Room " + title.charAt(0));
            form.setCapacity(capacity);
            return workshops.createGroup(editionId, form).id();
        });
    }

    private AccountPrincipal confirmed(EditionSummary edition) {
        AccountPrincipal p = accounts.create(Role.PARTICIPANT);
        AccountFixtures.signIn(p);
        try {
            registrations.register(edition.id(), EditionFixtures.request("La Strada", "Counsellor"));
        } finally {
            AccountFixtures.signOut();
        }
        return p;
    }

    @Test
    void an_organiser_opens_choosing_three_participants_rank_on_a_phone_and_the_allocation_is_published() throws Exception {
        EditionSummary edition = programme.vienna("Vienna", SPRING_SATURDAY, SPRING_SUNDAY, true);
        programme.add(edition.id(), session(SessionKind.PLENARY, "Opening plenary", "Main hall",
                SPRING_SATURDAY.atTime(9, 0), SPRING_SATURDAY.atTime(10, 30)));
        SessionSummary slot = programme.add(edition.id(), session(SessionKind.WORKSHOP_SLOT, "Workshops I", null,
                SPRING_SATURDAY.atTime(11, 0), SPRING_SATURDAY.atTime(13, 0)));
        programme.add(edition.id(), session(SessionKind.PLENARY, "Closing", "Main hall",
                SPRING_SUNDAY.atTime(12, 0), SPRING_SUNDAY.atTime(13, 0)));
        long shelters = group(edition.id(), "Shelters", slot.id(), 1);
        long hotlines = group(edition.id(), "Hotlines", slot.id(), 3);
        AccountPrincipal anna = confirmed(edition);
        AccountPrincipal boris = confirmed(edition);
        AccountPrincipal chiara = confirmed(edition);
        AccountPrincipal organiser = accounts.create(Role.ORGANISER);

        // the organiser opens choosing from the groups admin, deadline in the edition's zone
        signIn(organiser.getUsername(), AccountFixtures.PASSWORD);
        open("admin/editions/" + edition.id() + "/groups");
        click("choosing-link-" + slot.id());
        wait.until(d -> d.getCurrentUrl().endsWith("admin/choosing/" + slot.id()));
        waitForVaadin();
        String deadline = LocalDateTime.now(ZoneId.of("Europe/Vienna")).plusDays(2).withHour(18).withMinute(0)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16);
        type("choosing-closes", deadline);
        click("choosing-open");
        wait.until(d -> byId("choosing-status").getText().contains("Europe/Vienna"));
        long seed = jdbc.queryForObject("select seed from workshop_choosing where session_id = ?", Long.class, slot.id());
        assertThat(byId("choosing-status").getText()).contains(String.valueOf(seed));
        screenshot("choosing-admin-opened-1280");

        // three participants rank on a phone: Anna wants Shelters then Hotlines, Boris only Hotlines, Chiara Hotlines then Shelters
        rankOnPhone(anna, slot.id(), List.of(shelters, hotlines), "choosing-ranking-360");
        rankOnPhone(boris, slot.id(), List.of(hotlines), null);
        rankOnPhone(chiara, slot.id(), List.of(hotlines, shelters), null);

        // the optimal allocation gives everyone their first choice; the organiser moves Anna to Hotlines by hand
        open("admin/choosing/" + slot.id());
        click("choosing-compute");
        wait.until(d -> !d.findElements(org.openqa.selenium.By.id("allocation-choices")).isEmpty());
        assertThat(byId("choosing-preview").getText()).contains(String.valueOf(seed));
        assertThat(byId("choosing-person-" + anna.accountId()).getText()).contains("Shelters");
        screenshot("choosing-preview-1280");
        pick("choosing-move-" + anna.accountId(), "Hotlines (1 free)");
        wait.until(d -> byId("choosing-person-" + anna.accountId()).getText().contains("Hotlines"));
        click("choosing-publish");
        wait.until(d -> byId("choosing-unpublish").isDisplayed());
        assertThat(jdbc.queryForList("select account_id from workshop_membership where group_id = ? order by account_id",
                Long.class, hotlines)).containsExactly(anna.accountId(), boris.accountId(), chiara.accountId());
        assertThat(jdbc.queryForObject("select count(*) from workshop_membership where group_id = ?", Long.class, shelters)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient in (?, ?, ?) and subject like '%workshop group%'",
                Long.class, anna.getUsername(), boris.getUsername(), chiara.getUsername())).isEqualTo(3);

        // Anna signs in, lands on her programme, sees her group in the slot and downloads the programme's .ics
        // (at this desk browser as a new visitor: the organiser's tab closed, cookies and stored data gone)
        NextVisitor.arrive(driver, port);
        signIn(anna.getUsername(), AccountFixtures.PASSWORD);
        assertThat(driver.getCurrentUrl()).endsWith("/my/programme");
        assertThat(byId("my-group-in-" + slot.id()).getText()).contains("Hotlines").contains("Room H");
        String ics = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0].href, {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('failed: ' + e));",
                byId("my-programme-ics-" + edition.id()));
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("Workshops I").contains("TZID:Europe/Vienna");
        screenshot("choosing-my-programme-1280");
    }

    /** The phone the participants rank on, one after another ({@link NextVisitor}); the organiser's browser stays open beside it. */
    private WebDriver phone;

    @AfterEach
    void putThePhoneAway() {
        if (phone != null) {
            phone.quit();
        }
    }

    /**
     * The participant signs in on a 360 px phone, lands on their programme, follows its link and ranks by buttons.
     * The phone is one Chromium for the three participants, each arriving as a new visitor (no session, no stored
     * data of the last one); it used to be a new Chromium per participant.
     */
    private void rankOnPhone(AccountPrincipal who, long sessionId, List<Long> ranking, String screenshotName) throws IOException {
        WebDriver desk = driver;
        WebDriverWait deskWait = wait;
        if (phone == null) {
            phone = newDriver(360, 780);
        }
        NextVisitor.arrive(phone, port);
        NextVisitor.phone(phone, 360, 780);
        driver = phone;
        wait = newWait(driver, 60);
        try {
            signIn(who.getUsername(), AccountFixtures.PASSWORD);
            assertThat(driver.getCurrentUrl()).as("a participant with an upcoming edition lands on their programme")
                    .endsWith("/my/programme");
            click("choose-" + sessionId);
            wait.until(d -> d.getCurrentUrl().endsWith("my/programme/choose/" + sessionId));
            waitForVaadin();
            for (long groupId : ranking) {
                click("add-" + groupId);
                byId("remove-" + groupId);
            }
            click("ranking-save");
            assertThat(sidewaysOverflow()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(0);
            if (screenshotName != null) screenshot(screenshotName);
            long saved = jdbc.queryForObject("select count(*) from workshop_ranked_choice where session_id = ? and account_id = ?",
                    Long.class, sessionId, who.accountId());
            assertThat(saved).isEqualTo(ranking.size());
        } finally {
            driver = desk;
            wait = deskWait;
        }
    }
}
