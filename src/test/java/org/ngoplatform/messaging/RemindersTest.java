package org.ngoplatform.messaging;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RemindersTest {

    @Autowired MessagingFixtures fixtures;
    @Autowired EditionFixtures editions;
    @Autowired MessagingService messaging;
    @Autowired Reminders reminders;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void confirmed_participants_are_reminded_once_in_their_language_and_the_waiting_list_is_asked_once_registration_closes() {
        var r = fixtures.edition();
        long id = r.edition().id();
        // nothing set: nothing due while registration is open
        assertThat(reminders.runFor(id)).isZero();

        fixtures.asOrganiser(() -> {
            messaging.setReminderDays(id, 60); // the edition starts in 60 days
            return null;
        });
        assertThat(reminders.runFor(id)).isEqualTo(2);
        assertThat(reminders.runFor(id)).as("never twice to one person").isZero();
        assertThat(subjectsTo(r.anna().getUsername())).filteredOn(s -> s.contains("bis bald")).hasSize(1);
        assertThat(subjectsTo(r.boris().getUsername())).filteredOn(s -> s.contains("see you soon")).hasSize(1);
        assertThat(subjectsTo(r.chloe().getUsername())).noneMatch(s -> s.contains("see you soon"));

        editions.closeWindow(id);
        assertThat(reminders.runFor(id)).isEqualTo(1);
        assertThat(reminders.runFor(id)).isZero();
        assertThat(subjectsTo(r.chloe().getUsername())).filteredOn(s -> s.contains("still interested")).hasSize(1);
        String body = jdbc.queryForObject("select body from mail_outbox where recipient = ? and subject like '%still interested%'",
                String.class, r.chloe().getUsername());
        assertThat(body).contains("number 1 on the waiting list");

        fixtures.asOrganiser(() -> {
            assertThat(messaging.messages(id, 0, 10)).extracting(MessageSummary::kind, MessageSummary::recipients)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(MessageKind.STILL_INTERESTED, 1),
                            org.assertj.core.groups.Tuple.tuple(MessageKind.REMINDER, 2));
            return null;
        });
    }

    private List<String> subjectsTo(String recipient) {
        return jdbc.queryForList("select subject from mail_outbox where recipient = ?", String.class, recipient);
    }
}
