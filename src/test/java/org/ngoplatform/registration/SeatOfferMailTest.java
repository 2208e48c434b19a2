package org.ngoplatform.registration;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.TestMail;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.mail.OutboxTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offer's three mails through the outbox and a real SMTP conversation (GreenMail), in the recipient's language:
 * the offer with its deadline in the edition's zone and both links, the offer passed on, the seat confirmed.
 */
@IntegrationTest
class SeatOfferMailTest {

    @Autowired RegistrationService registrations;
    @Autowired SeatOfferService offers;
    @Autowired SeatOfferExpiry expiry;
    @Autowired SeatOfferFixtures fixtures;
    @Autowired AccountFixtures accounts;
    @Autowired MailOutbox outbox;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|a seat is offered to you|the seat offered to you has passed on|your seat is confirmed|Accept the seat",
            "de|Ihnen wird ein Platz angeboten|der Ihnen angebotene Platz ist weitergegeben|Ihr Platz ist bestätigt|Platz annehmen",
            "ru|вам предлагается место|предложенное вам место передано дальше|ваше место подтверждено|Принять место"})
    void offer_expiry_and_confirmation_mails_are_written_in_the_recipients_language(String language, String offered,
                                                                                   String passedOn, String confirmed,
                                                                                   String acceptLabel) {
        EditionSummary edition = fixtures.withOffers(1, 48);
        AccountPrincipal first = accounts.signIn(Role.PARTICIPANT);
        MyRegistration seat = register(edition);
        AccountPrincipal late = accounts.signIn(Role.PARTICIPANT);
        register(edition);
        AccountPrincipal next = accounts.signIn(Role.PARTICIPANT);
        register(edition);
        for (AccountPrincipal p : new AccountPrincipal[]{late, next}) {
            jdbc.update("update account set preferred_language = ? where id = ?", language, p.accountId());
        }
        AccountFixtures.signIn(first);
        registrations.cancel(seat.id());
        AccountFixtures.signIn(late);
        MyOffer lateOffer = offers.mine().getFirst();
        jdbc.update("update registration_offer set expires_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))), lateOffer.id());
        AccountFixtures.signIn(first); // the job runs as no one in particular
        expiry.expireDue();
        AccountFixtures.signIn(next);
        MyOffer nextOffer = offers.mine().getFirst();
        offers.accept(nextOffer.id());

        OutboxTestSupport.deliverDueTo(outbox, jdbc, late.getUsername(), next.getUsername());

        String title = "NGO Platform " + edition.title() + ": ";
        MimeMessage offer = TestMail.aboutTo(late.getUsername(), title + offered);
        String deadline = OfferRules.deadlineText(lateOffer.expiresAt(), "Europe/Tallinn", Locale.forLanguageTag(language));
        assertThat(TestMail.text(offer)).contains(deadline).contains("(Europe/Tallinn)").contains(acceptLabel)
                .contains("/my/offers/" + lateOffer.id() + "?answer=accept")
                .contains("/my/offers/" + lateOffer.id() + "?answer=decline");
        MimeMessage expired = TestMail.aboutTo(late.getUsername(), title + passedOn);
        assertThat(TestMail.text(expired)).contains(" 2");
        assertThat(TestMail.messagesTo(next.getUsername(), 3)).extracting(TestMail::subject)
                .contains(title + offered, title + confirmed);
        assertThat(TestMail.attachments(TestMail.aboutTo(next.getUsername(), title + confirmed))).as("the calendar file").isNotEmpty();
    }

    private MyRegistration register(EditionSummary edition) {
        return registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
    }
}
