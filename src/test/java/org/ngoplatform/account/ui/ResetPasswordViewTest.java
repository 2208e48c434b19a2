package org.ngoplatform.account.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.AbstractLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.TestMail;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.mail.OutboxTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ResetPasswordViewTest extends SpringBrowserlessTest {

    private static final String SENT = "If an account exists for this email, we have sent it a link to choose a new password. "
            + "The link works once and for 30 minutes.";

    @Autowired AccountFixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired MailOutbox outbox;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void forgot_password_on_the_login_form_leads_to_the_request_page() {
        LoginView login = navigate(LoginView.class);
        assertThat(login.form.isForgotPasswordButtonVisible()).isTrue();
        ComponentUtil.fireEvent(login.form, new AbstractLogin.ForgotPasswordEvent(login.form, true));
        assertThat(getCurrentView()).isInstanceOf(ResetPasswordRequestView.class);
    }

    @Test
    void the_request_page_answers_the_same_for_a_known_and_an_unknown_email() {
        AccountPrincipal known = fixtures.create(Role.PARTICIPANT);
        String forKnown = request(known.getUsername());
        String forUnknown = request("nobody-" + UUID.randomUUID() + "@example.org");

        assertThat(forKnown).isEqualTo(forUnknown).isEqualTo(SENT);
    }

    @Test
    void the_request_page_refuses_empty_and_overlong_input_with_a_message() {
        ResetPasswordRequestView view = navigate(ResetPasswordRequestView.class);
        test(view.submit).click();
        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("Please fill in this field.");
        assertThat(view.answer.isVisible()).isFalse();

        test(view.email).setValue("a".repeat(100_000) + "@example.org");
        test(view.submit).click();
        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("Please enter a valid email address.");
        assertThat(view.answer.isVisible()).isFalse();
    }

    @Test
    void the_link_page_sets_a_new_password_once_and_then_says_the_link_is_spent() {
        AccountPrincipal person = fixtures.create(Role.PARTICIPANT);
        request(person.getUsername());
        String token = tokenMailedTo(person.getUsername());

        ResetPasswordView view = open(token);
        assertThat(view.invalid.isVisible()).isFalse();
        test(view.password).setValue("short");
        test(view.confirmPassword).setValue("short");
        test(view.submit).click();
        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).isEqualTo("Use at least 12 characters.");

        test(view.password).setValue("Tallinn 2026 meeting!");
        test(view.confirmPassword).setValue("Tallinn 2026 meeting?");
        test(view.submit).click();
        assertThat(view.confirmPassword.isInvalid()).isTrue();

        test(view.confirmPassword).setValue("Tallinn 2026 meeting!");
        test(view.submit).click();
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        String hash = jdbc.queryForObject("select password_hash from account where id = ?", String.class, person.accountId());
        assertThat(encoder.matches("Tallinn 2026 meeting!", hash)).isTrue();

        ResetPasswordView again = open(token);
        assertThat(again.invalid.isVisible()).isTrue();
        assertThat(again.invalid.getText()).startsWith("This link is not valid any more");
        assertThat(again.password.isVisible() && again.password.getParent().orElseThrow().isVisible()).isFalse();
    }

    @Test
    void a_made_up_or_script_token_shows_the_invalid_link_message_literally_safe() {
        ResetPasswordView view = open("<img src=x onerror=alert(1)><script>");
        assertThat(view.invalid.isVisible()).isTrue();
        assertThat(view.getElement().getOuterHTML()).doesNotContain("<script>").doesNotContain("<img");
    }

    private String request(String email) {
        ResetPasswordRequestView view = navigate(ResetPasswordRequestView.class);
        test(view.email).setValue(email);
        test(view.submit).click();
        assertThat(view.answer.isVisible()).isTrue();
        return view.answer.getText();
    }

    private ResetPasswordView open(String token) {
        UI.getCurrent().navigate("reset-password/" + token);
        return (ResetPasswordView) getCurrentView();
    }

    /** The secret as the mail brings it (the outbox erases a reset mail's body once it is delivered). */
    private String tokenMailedTo(String email) {
        OutboxTestSupport.deliverDueTo(outbox, jdbc, email);
        int queued = jdbc.queryForObject("select count(*) from mail_outbox where recipient = ?", Integer.class, email);
        String body = TestMail.bodiesTo(email, queued).getLast();
        Matcher m = Pattern.compile("/reset-password/([A-Za-z0-9_-]{20,})").matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
