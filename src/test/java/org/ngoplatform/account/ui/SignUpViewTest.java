package org.ngoplatform.account.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.SignUpRequest;
import org.ngoplatform.base.ui.RequiredFieldsCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class SignUpViewTest extends SpringBrowserlessTest {

    @Autowired UserDetailsService users;
    @Autowired AccountService accounts;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void empty_form_shows_messages_and_creates_nothing() {
        SignUpView view = navigate(SignUpView.class);
        test(view.submit).click();

        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("Please fill in this field.");
        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.consent.isInvalid()).isTrue();
        assertThat(getCurrentView()).isInstanceOf(SignUpView.class);
    }

    @Test
    void every_field_that_must_be_filled_in_is_marked_required() {
        SignUpView view = navigate(SignUpView.class);

        RequiredFieldsCheck.assertMarked(view.binder, SignUpRequest.class);
        assertThat(view.confirmPassword.isRequiredIndicatorVisible()).isTrue();
    }

    @Test
    void the_empty_form_shows_the_translated_message_next_to_every_required_field() {
        SignUpView view = navigate(SignUpView.class);
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        test(view.submit).click();

        RequiredFieldsCheck.assertEmptyMessage(view.binder, SignUpRequest.class, "Bitte füllen Sie dieses Feld aus.");
    }

    @Test
    void weak_password_and_mismatch_are_explained() {
        SignUpView view = navigate(SignUpView.class);
        test(view.password).setValue("abc");
        test(view.confirmPassword).setValue("abd");
        test(view.submit).click();

        assertThat(view.password.getErrorMessage()).isEqualTo("Use at least 12 characters.");
        assertThat(view.confirmPassword.getErrorMessage()).isEqualTo("The passwords do not match.");
    }

    @Test
    void a_complete_form_creates_the_account_and_leads_to_sign_in() {
        String email = "signup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        SignUpView view = fill(email);
        test(view.submit).click();

        assertThat(users.loadUserByUsername(email).getUsername()).isEqualTo(email);
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    void a_taken_email_gets_the_same_outcome_as_a_new_one_and_no_second_account() {
        String email = "taken-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        test(fill(email).submit).click();
        String firstHash = jdbc.queryForObject("select password_hash from account where email = ?", String.class, email);
        int accountsBefore = jdbc.queryForObject("select count(*) from account", Integer.class);

        SignUpView again = fill(email.toUpperCase());
        test(again.submit).click();

        assertThat(again.email.isInvalid()).isFalse();
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(accountsBefore);
        assertThat(jdbc.queryForObject("select password_hash from account where email = ?", String.class, email)).isEqualTo(firstHash);
    }

    @Test
    void the_account_keeps_the_language_the_form_was_filled_in_so_its_mails_are_written_in_it() {
        String email = "signup-de-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        SignUpView view = fill(email);
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        test(view.submit).click();

        assertThat(jdbc.queryForObject("select preferred_language from account where email = ?", String.class, email))
                .isEqualTo("de");
    }

    @Test
    void without_consent_no_account_is_created() {
        String email = "noconsent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        SignUpView view = fill(email);
        test(view.consent).click();
        test(view.submit).click();

        assertThat(view.consent.isInvalid()).isTrue();
        assertThatThrownBy(() -> users.loadUserByUsername(email)).isInstanceOf(UsernameNotFoundException.class);
    }

    private SignUpView fill(String email) {
        SignUpView view = navigate(SignUpView.class);
        test(view.email).setValue(email);
        test(view.displayName).setValue("Anna Novak");
        test(view.organisation).selectItem("La Strada Czech Republic");
        test(view.country).selectItem("Czechia");
        test(view.password).setValue("Kyiv 2006 meeting!");
        test(view.confirmPassword).setValue("Kyiv 2006 meeting!");
        test(view.consent).click();
        return view;
    }
}
