package org.ngoplatform.messaging;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.mail.MailDelivered;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.mail.OutboxMail;
import org.ngoplatform.mail.OutboxTestSupport;
import org.ngoplatform.registration.RegistrationStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class MessagingServiceTest {

    @Autowired org.ngoplatform.visaletter.VisaLetterService visaLetters;
    @Autowired MessagingFixtures fixtures;
    @Autowired MessagingService messaging;
    @Autowired MailOutbox outbox;
    @Autowired AuditLog audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired ApplicationEventPublisher events;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void the_audience_is_computed_from_status_group_country_organisation_and_visa_letter() {
        var r = fixtures.edition();
        long id = r.edition().id();
        fixtures.asOrganiser(() -> {
            assertThat(messaging.audienceSize(id, AudienceFilter.of(RegistrationStatus.CONFIRMED))).isEqualTo(2);
            assertThat(messaging.audienceSize(id, AudienceFilter.of(RegistrationStatus.WAITLISTED))).isEqualTo(1);
            assertThat(messaging.audienceSize(id, AudienceFilter.of(RegistrationStatus.CONFIRMED).inGroup(r.groupA()))).isEqualTo(1);
            assertThat(messaging.audienceSize(id, AudienceFilter.of(RegistrationStatus.WAITLISTED).inGroup(r.groupA()))).isZero();
            assertThat(messaging.audienceSize(id, new AudienceFilter(Set.of(RegistrationStatus.values()), null, "ee", " la strada ", false))).isEqualTo(2);
            assertThat(messaging.audienceSize(id, new AudienceFilter(Set.of(RegistrationStatus.values()), null, "DE", null, false))).isZero();
            // Boris ticked the registration form's box and has given no details yet: he asked
            assertThat(messaging.audienceSize(id, new AudienceFilter(Set.of(RegistrationStatus.values()), null, null, null, true))).isEqualTo(1);
            return null;
        });
        org.ngoplatform.account.AccountFixtures.signIn(r.boris());
        visaLetters.saveMine(id, org.ngoplatform.visaletter.VisaDetailsForm.of("Boris Petrov", "Moldovan", "AB1234567",
                java.time.LocalDate.of(1988, 2, 3), "Chisinau"));
        // Anna did not tick the box but gave the letter's details on its own page: she asked too
        org.ngoplatform.account.AccountFixtures.signIn(r.anna());
        visaLetters.saveMine(id, org.ngoplatform.visaletter.VisaDetailsForm.of("Anna Novak", "Ukrainian", "CD7654321",
                java.time.LocalDate.of(1990, 4, 1), "Kyiv"));
        org.ngoplatform.account.AccountFixtures.signOut();
        fixtures.asOrganiser(() -> {
            assertThat(messaging.audienceSize(id, new AudienceFilter(Set.of(RegistrationStatus.values()), null, null, null, true))).isEqualTo(2);
            return null;
        });
    }

    @Test
    void a_message_to_one_group_is_kept_audited_and_mailed_only_to_its_confirmed_members_in_their_language() {
        var r = fixtures.edition();
        long id = r.edition().id();
        MessageSummary sent = fixtures.asOrganiser(() -> {
            var preview = messaging.preview(id, AudienceFilter.of(RegistrationStatus.CONFIRMED).inGroup(r.groupA()),
                    new MessageForm("Room change", "Group A meets in room 4.")).orElseThrow();
            assertThat(preview.recipient()).isEqualTo(r.anna().getUsername());
            assertThat(preview.subject()).isEqualTo("Room change");
            assertThat(preview.body()).startsWith("Group A meets in room 4.").contains("Eine Nachricht des Organisationsteams");
            return messaging.send(id, AudienceFilter.of(RegistrationStatus.CONFIRMED).inGroup(r.groupA()),
                    new MessageForm("Room change", "Group A meets in room 4."));
        });
        assertThat(sent.recipients()).isEqualTo(1);
        assertThat(mailsTo(r.anna().getUsername(), "Room change")).isEqualTo(1);
        assertThat(mailsTo(r.boris().getUsername(), "Room change")).isZero();
        assertThat(mailsTo(r.chloe().getUsername(), "Room change")).isZero();

        OutboxTestSupport.deliverDueTo(outbox, jdbc, r.anna().getUsername());
        fixtures.asOrganiser(() -> {
            List<MessageSummary> kept = messaging.messages(id, 0, 10);
            assertThat(kept).singleElement().satisfies(m -> {
                assertThat(m.kind()).isEqualTo(MessageKind.MESSAGE);
                assertThat(m.recipients()).isEqualTo(1);
                assertThat(m.sent()).isEqualTo(1);
                assertThat(m.failed()).isZero();
                assertThat(AudienceText.decode(m.audience())).containsEntry("statuses", "CONFIRMED").containsKey("group");
            });
            assertThat(messaging.recipientsOf(kept.getFirst().id())).containsExactly(r.anna().getUsername());
            assertThat(audit.forSubject("edition:" + id)).anySatisfy(e -> assertThat(e.getAction()).isEqualTo("MESSAGE_SENT"));
            return null;
        });
    }

    @Test
    void a_mail_the_outbox_gives_up_on_counts_as_failed() {
        var r = fixtures.edition();
        long id = r.edition().id();
        fixtures.asOrganiser(() -> messaging.send(id, AudienceFilter.of(RegistrationStatus.WAITLISTED), new MessageForm("Waiting", "Still waiting.")));
        long mailId = jdbc.queryForObject("select id from mail_outbox where recipient = ? and subject = 'Waiting'", Long.class, r.chloe().getUsername());
        tx.executeWithoutResult(s -> events.publishEvent(new MailDelivered(mailId, OutboxMail.Delivery.FAILED)));
        fixtures.asOrganiser(() -> {
            assertThat(messaging.messages(id, 0, 10)).singleElement().satisfies(m -> {
                assertThat(m.failed()).isEqualTo(1);
                assertThat(m.sent()).isZero();
                assertThat(m.pending()).isZero();
            });
            return null;
        });
    }

    @Test
    void a_broken_message_or_an_audience_of_nobody_is_refused_and_changes_nothing() {
        var r = fixtures.edition();
        var other = fixtures.edition();
        long id = r.edition().id();
        fixtures.asOrganiser(() -> {
            assertThatThrownBy(() -> messaging.send(id, AudienceFilter.of(RegistrationStatus.CONFIRMED), new MessageForm("Hi", "x".repeat(MessageForm.BODY_MAX + 1))))
                    .isInstanceOfSatisfying(MessagingRejectedException.class, e -> assertThat(e.field()).isEqualTo("body"));
            assertThatThrownBy(() -> messaging.send(id, AudienceFilter.of(RegistrationStatus.CONFIRMED), new MessageForm(" ", "Text")))
                    .isInstanceOfSatisfying(MessagingRejectedException.class, e -> assertThat(e.field()).isEqualTo("subject"));
            assertThatThrownBy(() -> messaging.send(id, AudienceFilter.of(RegistrationStatus.CANCELLED), new MessageForm("Hi", "Text")))
                    .isInstanceOfSatisfying(MessagingRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("messaging.audience-empty"));
            assertThatThrownBy(() -> messaging.send(id, AudienceFilter.of(), new MessageForm("Hi", "Text")))
                    .isInstanceOfSatisfying(MessagingRejectedException.class, e -> assertThat(e.field()).isEqualTo("statuses"));
            assertThatThrownBy(() -> messaging.send(id, new AudienceFilter(Set.of(RegistrationStatus.CONFIRMED), null, null, "o".repeat(201), false), new MessageForm("Hi", "Text")))
                    .isInstanceOfSatisfying(MessagingRejectedException.class, e -> assertThat(e.field()).isEqualTo("organisation"));
            // a group of another edition
            assertThatThrownBy(() -> messaging.send(id, AudienceFilter.of(RegistrationStatus.CONFIRMED).inGroup(other.groupA()), new MessageForm("Hi", "Text")))
                    .isInstanceOfSatisfying(MessagingRejectedException.class, e -> assertThat(e.field()).isEqualTo("group"));
            assertThat(messaging.countMessages(id)).isZero();
            assertThatThrownBy(() -> messaging.setReminderDays(id, 0)).isInstanceOf(MessagingRejectedException.class);
            assertThatThrownBy(() -> messaging.setReminderDays(id, MessagingService.REMINDER_DAYS_MAX + 1)).isInstanceOf(MessagingRejectedException.class);
            assertThat(messaging.reminderDays(id)).isEmpty();
            return null;
        });
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient in (?, ?, ?) and subject = 'Hi'", Long.class,
                r.anna().getUsername(), r.boris().getUsername(), r.chloe().getUsername())).isZero();
    }

    private long mailsTo(String recipient, String subject) {
        return jdbc.queryForObject("select count(*) from mail_outbox where recipient = ? and subject = ?", Long.class, recipient, subject);
    }
}
