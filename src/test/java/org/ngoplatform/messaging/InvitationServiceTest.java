package org.ngoplatform.messaging;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.registration.RegistrationRejectedException;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.registration.RegistrationStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class InvitationServiceTest {

    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;
    @Autowired InvitationService invitations;
    @Autowired RegistrationService registrations;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void each_new_address_gets_one_invitation_mail_in_the_chosen_language_and_repeats_are_skipped() {
        long id = editions.open(10).id();
        String a = unique("a"), b = unique("b"), c = unique("c");
        InvitationResult first = editions.asOrganiser(() -> invitations.invite(id, a + "\n" + b + "\n" + a.toUpperCase(), "de"));
        assertThat(first).isEqualTo(new InvitationResult(2, 0, 1));
        InvitationResult second = editions.asOrganiser(() -> invitations.inviteFile(id, ("Name;Email\nBee;" + b + "\nCee;" + c + "\n").getBytes(StandardCharsets.UTF_8), "en"));
        assertThat(second).isEqualTo(new InvitationResult(1, 1, 0));

        assertThat(subjectsTo(a)).singleElement().asString().startsWith("Einladung zur NGO Platform");
        assertThat(subjectsTo(b)).hasSize(1);
        assertThat(subjectsTo(c)).singleElement().asString().startsWith("Invitation to the NGO Platform");
        String body = jdbc.queryForObject("select body from mail_outbox where recipient = ?", String.class, c);
        String token = jdbc.queryForObject("select token from messaging_invitation where email = ?", String.class, c);
        assertThat(body).contains("/invitation?t=" + token);
        assertThat(invitations.invitation(token)).hasValueSatisfying(i -> {
            assertThat(i.email()).isEqualTo(c);
            assertThat(i.editionId()).isEqualTo(id);
        });
        assertThat(invitations.invitation("not-a-token")).isEmpty();
        assertThat(editions.asOrganiser(() -> invitations.countInvitations(id))).isEqualTo(3);
    }

    @Test
    void a_list_with_a_wrong_address_or_a_broken_file_changes_nothing() {
        long id = editions.open(10).id();
        String good = unique("good");
        assertThatThrownBy(() -> editions.asOrganiser(() -> invitations.invite(id, good + "\nbroken@\n" + good, "en")))
                .isInstanceOfSatisfying(InvitationsRejectedException.class, e -> assertThat(e.mistakes()).containsExactly("broken@"));
        assertThatThrownBy(() -> editions.asOrganiser(() -> invitations.inviteFile(id, (good + "\nJürgen\n").getBytes(StandardCharsets.ISO_8859_1), "en")))
                .isInstanceOfSatisfying(MessagingRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("messaging.invitations.encoding"));
        StringBuilder tenThousand = new StringBuilder();
        for (int i = 0; i < 10_000; i++) tenThousand.append("p").append(i).append("-").append(good).append('\n');
        assertThatThrownBy(() -> editions.asOrganiser(() -> invitations.invite(id, tenThousand.toString(), "en")))
                .isInstanceOf(MessagingRejectedException.class);
        assertThat(editions.asOrganiser(() -> invitations.countInvitations(id))).isZero();
        assertThat(subjectsTo(good)).isEmpty();
    }

    @Test
    void an_invitation_only_edition_lets_only_invited_addresses_register() {
        long id = editions.open(10).id();
        AccountPrincipal invited = accounts.create(Role.PARTICIPANT);
        AccountPrincipal stranger = accounts.create(Role.PARTICIPANT);
        editions.asOrganiser(() -> {
            invitations.invite(id, invited.getUsername(), "en");
            invitations.setInvitationOnly(id, true);
            assertThat(invitations.isInvitationOnly(id)).isTrue();
            return null;
        });
        AccountFixtures.signIn(stranger);
        assertThatThrownBy(() -> registrations.register(id, EditionFixtures.request("NGO", "Lawyer")))
                .isInstanceOfSatisfying(RegistrationRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("registration.not-invited"));
        assertThat(registrations.mineFor(id)).isEmpty();
        AccountFixtures.signIn(invited);
        assertThat(registrations.register(id, EditionFixtures.request("NGO", "Lawyer")).status()).isEqualTo(RegistrationStatus.CONFIRMED);

        editions.asOrganiser(() -> {
            invitations.setInvitationOnly(id, false);
            return null;
        });
        AccountFixtures.signIn(stranger);
        assertThat(registrations.register(id, EditionFixtures.request("NGO", "Lawyer")).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    private java.util.List<String> subjectsTo(String recipient) {
        return jdbc.queryForList("select subject from mail_outbox where recipient = ?", String.class, recipient);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@invited.ngo-platform.local";
    }
}
