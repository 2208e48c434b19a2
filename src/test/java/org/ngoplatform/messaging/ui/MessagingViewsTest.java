package org.ngoplatform.messaging.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.messaging.InvitationService;
import org.ngoplatform.messaging.MessagingFixtures;
import org.ngoplatform.messaging.MessagingService;
import org.ngoplatform.registration.RegistrationStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MessagingViewsTest extends SpringBrowserlessTest {

    @Autowired MessagingFixtures fixtures;
    @Autowired AccountFixtures accounts;
    @Autowired MessagingService messaging;
    @Autowired InvitationService invitations;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void an_organiser_sees_whom_a_message_reaches_is_told_next_to_the_field_what_is_missing_and_sends_after_confirming() {
        MessagingFixtures.Registered r = fixtures.edition();
        accounts.signIn(Role.ORGANISER);
        MessagesView view = navigate("admin/editions/" + r.edition().id() + "/messages", MessagesView.class);
        assertThat(view.getPageTitle()).contains(r.edition().title());
        assertThat(view.reach.getText()).as("two confirmed").isEqualTo("Recipients of this message now: 2");
        test(view.visa).click();
        assertThat(view.reach.getText()).as("only Boris asked for a visa letter").isEqualTo("Recipients of this message now: 1");
        test(view.visa).click();
        view.statuses.setValue(EnumSet.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED));
        assertThat(view.reach.getText()).isEqualTo("Recipients of this message now: 3");

        test(view.body).setValue("The venue has changed.");
        test(view.send).click();
        confirmSend();
        assertThat(view.subject.isInvalid()).isTrue();
        assertThat(view.subject.getErrorMessage()).isEqualTo("Please fill in this field.");
        assertThat(messaging.countMessages(r.edition().id())).as("nothing sent").isZero();
        assertThat(view.body.getValue()).as("what was typed is kept").isEqualTo("The venue has changed.");

        String subject = "Venue " + UUID.randomUUID().toString().substring(0, 6);
        test(view.subject).setValue(subject);
        test(view.send).click();
        assertThat(view.confirm.isOpened()).isTrue();
        confirmSend();
        assertThat(view.subject.isInvalid()).isFalse();
        assertThat(view.subject.getValue()).as("cleared once sent").isEmpty();
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo(subject);
        assertThat(jdbc.sql("select count(*) from mail_outbox where subject = ? or subject like ?")
                .param(subject).param("%" + subject + "%").query(Long.class).single())
                .as("one mail per recipient, in each one's language").isEqualTo(3L);
    }

    @Test
    void an_organiser_who_pastes_a_wrong_address_is_shown_which_and_nobody_is_invited_until_it_is_corrected() {
        MessagingFixtures.Registered r = fixtures.edition();
        long id = r.edition().id();
        accounts.signIn(Role.ORGANISER);
        InvitationsView view = navigate("admin/editions/" + id + "/invitations", InvitationsView.class);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String good = "lena." + tag + "@example.org";
        String other = "omar." + tag + "@example.org";
        test(view.list).setValue(good + "\nnot-an-address\n" + other);
        test(view.invite).click();
        assertThat(view.list.isInvalid()).isTrue();
        assertThat(view.list.getErrorMessage()).startsWith("1 entries are not valid addresses.");
        assertThat(view.problems.getElement().getTextRecursively()).contains("not-an-address");
        assertThat(invitations.countInvitations(id)).as("nothing written").isZero();
        assertThat(view.list.getValue()).as("the list is kept to be corrected").contains(good);

        test(view.list).setValue(good + "\n" + other + "\n" + good);
        test(view.invite).click();
        assertThat(view.list.isInvalid()).isFalse();
        assertThat(view.list.getValue()).isEmpty();
        assertThat(invitations.countInvitations(id)).isEqualTo(2);
        assertThat(test(view.grid).size()).isEqualTo(2);
        assertThat(view.getElement().getTextRecursively()).doesNotContain("not-an-address");
    }

    private void confirmSend() {
        test($(Button.class).id("messaging-confirm-send")).click();
    }
}
