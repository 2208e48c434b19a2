package org.ngoplatform.journey;

import org.junit.jupiter.api.Test;
import org.ngoplatform.TestMail;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.mail.OutboxTestSupport;
import org.ngoplatform.messaging.MessagingFixtures;
import org.ngoplatform.workshop.WorkshopService;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organiser writes to the confirmed participants of one workshop group: sees whom it reaches, previews one mail,
 * sends it, and the mail arrives only at that group's confirmed member; the kept message shows it delivered.
 */
class MessagingJourneyTest extends BrowserJourney {

    @Autowired MessagingFixtures fixtures;
    @Autowired AccountFixtures accounts;
    @Autowired WorkshopService workshops;
    @Autowired MailOutbox outbox;
    @Autowired JdbcTemplate jdbc;

    @Test
    void an_organiser_messages_the_confirmed_participants_of_one_group_and_only_they_get_the_mail() throws Exception {
        var r = fixtures.edition();
        String groupA = fixtures.asOrganiser(() -> workshops.group(r.groupA()).title());
        AccountPrincipal organiser = accounts.create(Role.ORGANISER);

        signIn(organiser.getUsername(), AccountFixtures.PASSWORD);
        open("admin/editions/" + r.edition().id() + "/messages");
        wait.until(d -> d.findElement(By.id("messaging-reach")).getText().endsWith(": 2"));
        choose("messaging-group", groupA);
        wait.until(d -> d.findElement(By.id("messaging-reach")).getText().endsWith(": 1"));
        type("messaging-subject", "Room change for your group");
        type("messaging-body", "Your group meets in room 4 tomorrow.");
        screenshot("messaging-compose-1280");

        click("messaging-preview");
        wait.until(d -> !d.findElements(By.id("messaging-preview-body")).isEmpty());
        assertThat(byId("messaging-preview-body").getText()).contains("Your group meets in room 4 tomorrow.")
                .contains("Eine Nachricht des Organisationsteams"); // the frame in Anna's language
        screenshot("messaging-preview-1280");
        click("messaging-preview-close");

        click("messaging-send");
        wait.until(d -> !d.findElements(By.id("messaging-confirm-send")).isEmpty());
        click("messaging-confirm-send");
        wait.until(d -> d.findElement(By.id("messaging-grid")).getText().contains("Room change for your group"));

        OutboxTestSupport.deliverDueTo(outbox, jdbc, r.anna().getUsername(), r.boris().getUsername(), r.chloe().getUsername());
        var mail = TestMail.aboutTo(r.anna().getUsername(), "Room change for your group");
        assertThat(TestMail.text(mail)).contains("Your group meets in room 4 tomorrow.");
        assertThat(java.util.Arrays.stream(TestMail.server().getReceivedMessages())
                .filter(m -> TestMail.subject(m).equals("Room change for your group")))
                .as("only Anna, the confirmed member of group A")
                .allSatisfy(m -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo(r.anna().getUsername()))
                .hasSize(1);

        open("admin/editions/" + r.edition().id() + "/messages");
        wait.until(d -> d.findElement(By.id("messaging-grid")).getText().contains("Room change for your group"));
        screenshot("messaging-sent-1280");

        // on a phone (headless Chromium keeps windows at least 500 px wide: 360 px by emulation) nothing scrolls sideways
        ((org.openqa.selenium.chrome.ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 360, "height", 780, "deviceScaleFactor", 1, "mobile", true));
        open("admin/editions/" + r.edition().id() + "/messages");
        wait.until(d -> d.findElement(By.id("messaging-reach")).getText().endsWith(": 2"));
        screenshot("messaging-360");
        assertThat(sidewaysOverflow()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(0);
    }
}
