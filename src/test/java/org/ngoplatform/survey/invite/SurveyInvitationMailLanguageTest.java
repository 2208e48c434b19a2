package org.ngoplatform.survey.invite;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.TestMail;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.mail.OutboxTestSupport;
import org.ngoplatform.messaging.MessagingFixtures;
import org.ngoplatform.registration.RegistrationStatus;
import org.ngoplatform.survey.SurveyTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Survey invitations and reminders through the outbox and a real SMTP conversation (GreenMail): an edition's
 * registrants each in their account's language, a pasted address in the language the analyst chose.
 */
@IntegrationTest
class SurveyInvitationMailLanguageTest {

    @Autowired MessagingFixtures registered;
    @Autowired SurveyTestData data;
    @Autowired SurveyInvitationService invitations;
    @Autowired MailOutbox outbox;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|Survey: |Reminder: survey |you are invited to answer the survey",
            "de|Umfrage: |Erinnerung: Umfrage |Sie sind eingeladen, die Umfrage",
            "ru|Опрос: |Напоминание: опрос |Приглашаем вас ответить на опрос"})
    void invitations_and_reminders_arrive_in_the_recipients_language(String language, String subject, String reminder,
                                                                     String text) {
        var r = registered.edition();
        for (var person : new org.ngoplatform.account.AccountPrincipal[]{r.anna(), r.boris(), r.chloe()}) {
            jdbc.update("update account set preferred_language = ? where id = ?", language, person.accountId());
        }
        var survey = data.openSurvey();
        String pasted = InvitationTestSupport.address("pasted-" + language);
        AccountFixtures.signIn(survey.analyst());
        var result = invitations.inviteRegistrants(survey.id(), r.edition().id(), Set.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED));
        assertThat(result.invited()).isEqualTo(3);
        invitations.inviteAddresses(survey.id(), pasted, language);
        jdbc.update("UPDATE survey_invitation SET last_mailed_at = ? WHERE survey_id = ?",
                Timestamp.from(Instant.now().minus(49, ChronoUnit.HOURS)), survey.id());
        assertThat(invitations.remind(survey.id())).isEqualTo(4);

        OutboxTestSupport.deliverDueTo(outbox, jdbc, r.anna().getUsername(), pasted);
        for (String to : new String[]{r.anna().getUsername(), pasted}) {
            var invitation = InvitationTestSupport.about(to, subject);
            assertThat(TestMail.subject(invitation)).startsWith(subject).contains("Test survey");
            assertThat(TestMail.text(invitation)).contains(text).contains("/s/" + survey.key() + "?invitation=");
            assertThat(TestMail.subject(InvitationTestSupport.about(to, reminder))).startsWith(reminder);
        }
    }
}
