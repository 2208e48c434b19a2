package org.ngoplatform.messaging;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.TestMail;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.mail.OutboxTestSupport;
import org.ngoplatform.registration.RegistrationStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of mail messaging writes, through the outbox and a real SMTP conversation (GreenMail), in the
 * recipient's language: the organiser's message (their words as written, the lines around them translated), the
 * reminder (with the calendar the confirmation carried), the waiting list's "still interested?", and the invitation (in the language the organiser chose).
 */
@IntegrationTest
class MessagingMailLanguageTest {

    @Autowired MessagingFixtures fixtures;
    @Autowired EditionFixtures editions;
    @Autowired MessagingService messaging;
    @Autowired Reminders reminders;
    @Autowired InvitationService invitations;
    @Autowired MailOutbox outbox;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|A message from the organisers|see you soon|are you still interested?|Invitation to the NGO Platform",
            "de|Eine Nachricht des Organisationsteams|bis bald|haben Sie noch Interesse?|Einladung zur NGO Platform",
            "ru|Сообщение организаторов|до скорой встречи|вы всё ещё заинтересованы?|Приглашение на NGO Platform"})
    void each_mail_messaging_writes_arrives_in_the_recipients_language(String language, String messageFooter,
                                                                       String reminder, String stillInterested,
                                                                       String invitation) {
        var r = fixtures.edition();
        long id = r.edition().id();
        for (var person : new org.ngoplatform.account.AccountPrincipal[]{r.anna(), r.boris(), r.chloe()}) {
            jdbc.update("update account set preferred_language = ? where id = ?", language, person.accountId());
        }
        String invited = "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@test.ngo-platform.local";
        fixtures.asOrganiser(() -> {
            messaging.send(id, new AudienceFilter(Set.of(RegistrationStatus.CONFIRMED), null, null, null, false),
                    new MessageForm("Zimmer 4 / room 4 / комната 4", "Wir treffen uns in Zimmer 4. Комната 4."));
            messaging.setReminderDays(id, 60); // the edition starts in 60 days
            return invitations.invite(id, invited, language);
        });
        assertThat(reminders.runFor(id)).isEqualTo(2);
        editions.closeWindow(id);
        assertThat(reminders.runFor(id)).isEqualTo(1);

        OutboxTestSupport.deliverDueTo(outbox, jdbc, r.anna().getUsername(), r.chloe().getUsername(), invited);

        MimeMessage message = TestMail.aboutTo(r.anna().getUsername(), "Zimmer 4 / room 4 / комната 4");
        assertThat(TestMail.text(message)).startsWith("Wir treffen uns in Zimmer 4. Комната 4.").contains(messageFooter);
        MimeMessage reminded = TestMail.messagesTo(r.anna().getUsername(), 2).stream()
                .filter(m -> TestMail.subject(m).endsWith(reminder)).findFirst().orElseThrow();
        assertThat(TestMail.attachments(reminded)).as("the calendar the confirmation carried: the edition as one event")
                .singleElement().satisfies(ics -> assertThat(ics.content()).contains("BEGIN:VCALENDAR")
                        .contains("UID:registration-"));
        assertThat(TestMail.subject(TestMail.aboutTo(r.chloe().getUsername(), stillInterested))).endsWith(stillInterested);
        assertThat(TestMail.subject(TestMail.onlyTo(invited))).startsWith(invitation);
    }
}
