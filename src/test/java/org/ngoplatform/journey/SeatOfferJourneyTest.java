package org.ngoplatform.journey;

import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.MyRegistration;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.registration.SeatOfferFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A waiting person is offered a freed seat: the mail's accept link opens the offer after signing in, with its
 * deadline in the edition's time zone, and one press gives them the seat.
 */
class SeatOfferJourneyTest extends BrowserJourney {

    @Autowired SeatOfferFixtures offers;
    @Autowired AccountFixtures accounts;
    @Autowired RegistrationService registrations;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_waiting_person_follows_the_offer_mail_and_accepts_the_seat_in_the_app() throws Exception {
        EditionSummary edition = offers.withOffers(1, 48);
        AccountPrincipal holder = accounts.signIn(Role.PARTICIPANT);
        MyRegistration seat = registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
        AccountPrincipal waiting = accounts.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("La Strada Moldova", "Lawyer"));
        AccountFixtures.signIn(holder);
        registrations.cancel(seat.id());
        AccountFixtures.signOut();

        String mail = jdbc.queryForObject("select body from mail_outbox where recipient = ? and subject like '%offered%'",
                String.class, waiting.getUsername());
        Matcher link = Pattern.compile("/(my/offers/\\d+\\?answer=accept)").matcher(mail);
        assertThat(link.find()).as("the accept link in the mail").isTrue();

        signIn(waiting.getUsername(), AccountFixtures.PASSWORD);
        open(link.group(1));
        String offerId = link.group(1).replaceAll("\\D+(\\d+).*", "$1");
        assertThat(byId("offer-deadline-" + offerId).getText()).contains("(Europe/Tallinn)");
        screenshot("offer-open");
        click("offer-accept-" + offerId);

        wait.until(d -> d.findElements(org.openqa.selenium.By.id("offer-closed")).size() == 1);
        assertThat(byId("offer-closed").getText()).contains("Accepted");
        open("my/registrations");
        assertThat(byId("my-registration-list").getText()).contains(edition.title()).contains("Confirmed");
        screenshot("offer-accepted");
    }
}
