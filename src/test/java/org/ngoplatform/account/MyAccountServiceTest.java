package org.ngoplatform.account;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class MyAccountServiceTest {

    private static final String NEW_PASSWORD = "a-much-better-secret-42";

    @Autowired MyAccountService myAccount;
    @Autowired AccountRepository repository;
    @Autowired AccountFixtures fixtures;
    @Autowired PasswordEncoder encoder;
    @Autowired SessionRegistry sessions;

    @AfterEach
    void cleanUp() {
        AccountFixtures.signOut();
        RequestContextHolder.resetRequestAttributes();
    }

    private String address() {
        return "10.9." + (UUID.randomUUID().hashCode() & 0xff) + "." + (UUID.randomUUID().hashCode() & 0xff);
    }

    @Test
    void a_password_change_needs_the_current_password() {
        AccountPrincipal me = fixtures.signIn(Role.PARTICIPANT);

        assertThatThrownBy(() -> myAccount.changePassword("not-my-password-1", NEW_PASSWORD, address()))
                .isInstanceOfSatisfying(PasswordChangeRejectedException.class, e -> {
                    assertThat(e.field()).isEqualTo("currentPassword");
                    assertThat(e.messageKey()).isEqualTo("account.password.wrong");
                });
        assertThat(encoder.matches(AccountFixtures.PASSWORD, repository.findById(me.accountId()).orElseThrow().getPasswordHash())).isTrue();
    }

    @Test
    void the_new_password_follows_the_password_policy() {
        fixtures.signIn(Role.PARTICIPANT);

        assertThatThrownBy(() -> myAccount.changePassword(AccountFixtures.PASSWORD, "short1", address()))
                .isInstanceOfSatisfying(PasswordChangeRejectedException.class, e -> {
                    assertThat(e.field()).isEqualTo("newPassword");
                    assertThat(e.messageKey()).isEqualTo("password.too-short");
                });
    }

    @Test
    void wrong_current_passwords_are_throttled_like_failed_sign_ins() {
        fixtures.signIn(Role.PARTICIPANT);
        String address = address();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> myAccount.changePassword("not-my-password-1", NEW_PASSWORD, address))
                    .hasMessageContaining("account.password.wrong");
        }

        assertThatThrownBy(() -> myAccount.changePassword(AccountFixtures.PASSWORD, NEW_PASSWORD, address))
                .isInstanceOfSatisfying(PasswordChangeRejectedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.password.throttled"));
    }

    @Test
    void a_changed_password_signs_in_and_the_old_one_no_longer_does() {
        AccountPrincipal me = fixtures.signIn(Role.PARTICIPANT);

        myAccount.changePassword(AccountFixtures.PASSWORD, NEW_PASSWORD, address());

        String hash = repository.findById(me.accountId()).orElseThrow().getPasswordHash();
        assertThat(encoder.matches(NEW_PASSWORD, hash)).isTrue();
        assertThat(encoder.matches(AccountFixtures.PASSWORD, hash)).isFalse();
    }

    @Test
    void the_first_organiser_must_change_the_one_time_password_and_then_no_longer_must() {
        AccountPrincipal organiser = fixtures.createWithOneTimePassword(Role.ORGANISER);
        AccountFixtures.signIn(organiser);
        assertThat(organiser.mustChangePassword()).isTrue();
        assertThat(myAccount.mustChangePassword()).isTrue();

        myAccount.changePassword(AccountFixtures.PASSWORD, NEW_PASSWORD, address());

        assertThat(myAccount.mustChangePassword()).isFalse();
        Account account = repository.findById(organiser.accountId()).orElseThrow();
        assertThat(account.hasOneTimePassword()).isFalse();
        assertThat(((AccountPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .mustChangePassword()).isFalse();
    }

    @Test
    void a_password_change_signs_out_the_other_sessions_and_keeps_this_one() {
        AccountPrincipal me = fixtures.signIn(Role.PARTICIPANT);
        AccountPrincipal someoneElse = fixtures.create(Role.PARTICIPANT);
        MockHttpSession here = new MockHttpSession();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(here);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        String elsewhere = "elsewhere-" + UUID.randomUUID();
        String theirs = "theirs-" + UUID.randomUUID();
        sessions.registerNewSession(here.getId(), me);
        sessions.registerNewSession(elsewhere, new AccountPrincipal(repository.findById(me.accountId()).orElseThrow()));
        sessions.registerNewSession(theirs, someoneElse);

        myAccount.changePassword(AccountFixtures.PASSWORD, NEW_PASSWORD, address());

        assertThat(sessions.getSessionInformation(elsewhere).isExpired()).isTrue();
        assertThat(sessions.getSessionInformation(here.getId()).isExpired()).isFalse();
        assertThat(sessions.getSessionInformation(theirs).isExpired()).isFalse();
        sessions.removeSessionInformation(here.getId());
        sessions.removeSessionInformation(elsewhere);
        sessions.removeSessionInformation(theirs);
    }

    @Test
    void a_person_changes_their_own_name_organisation_country_and_language() {
        AccountPrincipal me = fixtures.signIn(Role.PARTICIPANT);
        String organisation = "Profile Test NGO " + UUID.randomUUID().toString().substring(0, 8);
        ProfileChange change = myAccount.profile();
        change.setDisplayName("  Renamed Person ");
        change.setOrganisationName(organisation);
        change.setCountryCode("DE");
        change.setLanguage("ru");

        myAccount.changeProfile(change);

        Account account = repository.findById(me.accountId()).orElseThrow();
        assertThat(account.getDisplayName()).isEqualTo("Renamed Person");
        assertThat(account.getCountryCode()).isEqualTo("DE");
        assertThat(account.getPreferredLanguage()).isEqualTo("ru");
        assertThat(myAccount.profile().getOrganisationName()).isEqualTo(organisation);
    }

    @Test
    void control_characters_in_the_name_are_refused_like_at_sign_up() {
        AccountPrincipal me = fixtures.signIn(Role.PARTICIPANT);
        ProfileChange change = myAccount.profile();
        change.setDisplayName("Evil\u202Eeman");

        assertThatThrownBy(() -> myAccount.changeProfile(change))
                .isInstanceOfSatisfying(ProfileChangeRejectedException.class, e -> {
                    assertThat(e.field()).isEqualTo("displayName");
                    assertThat(e.messageKey()).isEqualTo(org.ngoplatform.base.SingleLineText.MESSAGE_KEY);
                });
        assertThat(repository.findById(me.accountId()).orElseThrow().getDisplayName()).isEqualTo(me.displayName());
    }

    @Test
    void an_unsupported_language_is_refused() {
        fixtures.signIn(Role.PARTICIPANT);
        ProfileChange change = myAccount.profile();
        change.setLanguage("xx");

        assertThatThrownBy(() -> myAccount.changeProfile(change))
                .isInstanceOfSatisfying(ProfileChangeRejectedException.class,
                        e -> assertThat(e.field()).isEqualTo("language"));
    }
}
