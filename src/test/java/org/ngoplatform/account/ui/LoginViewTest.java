package org.ngoplatform.account.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LoginViewTest extends SpringBrowserlessTest {

    @org.springframework.beans.factory.annotation.Autowired org.ngoplatform.account.AccountFixtures fixtures;

    @Test
    void login_form_posts_to_spring_security_and_offers_sign_up() {
        LoginView view = navigate(LoginView.class);

        assertThat(view.form.getAction()).isEqualTo("login");
        assertThat(view.form.isError()).isFalse();
        assertThat(find(Anchor.class).withText("No account yet? Create one.").single().getHref()).isEqualTo("signup");
    }

    @Test
    void a_failed_attempt_shows_the_error() {
        navigate(LoginView.class);
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginView view = (LoginView) getCurrentView();

        assertThat(view.form.isError()).isTrue();
    }

    @Test
    void someone_signed_in_is_told_so_instead_of_seeing_the_form_again() {
        org.ngoplatform.account.AccountPrincipal me = fixtures.signIn(org.ngoplatform.account.Role.PARTICIPANT);
        try {
            LoginView view = navigate(LoginView.class);

            assertThat(view.form.isVisible()).isFalse();
            assertThat(view.signedIn.isVisible()).isTrue();
            assertThat($(com.vaadin.flow.component.html.Paragraph.class, view.signedIn).single().getText())
                    .isEqualTo("You are signed in as " + me.displayName() + ".");
            assertThat($(Anchor.class).id("login-go-start").getHref()).isEmpty();
            assertThat($(com.vaadin.flow.component.button.Button.class).id("login-sign-out").isVisible()).isTrue();
        } finally {
            org.ngoplatform.account.AccountFixtures.signOut();
        }
    }

    @Test
    void a_paused_sign_in_says_how_long_in_words_that_agree_with_the_number() {
        navigate(LoginView.class);
        UI.getCurrent().navigate("login", QueryParameters.of("throttled", "1"));
        assertThat(String.valueOf(((LoginView) getCurrentView()).form.getElement().getPropertyRaw("i18n")))
                .contains("Please try again in 1 minute.");

        UI.getCurrent().navigate("login", QueryParameters.of("throttled", "12"));
        assertThat(String.valueOf(((LoginView) getCurrentView()).form.getElement().getPropertyRaw("i18n")))
                .contains("Please try again in 12 minutes.");
    }

    @Test
    void a_pause_typed_into_the_address_by_hand_reads_as_a_sensible_number_of_minutes() {
        assertThat(LoginView.pauseMinutes("7")).isEqualTo(7);
        assertThat(LoginView.pauseMinutes("0")).isEqualTo(1);
        assertThat(LoginView.pauseMinutes("99")).isEqualTo(60);
        assertThat(LoginView.pauseMinutes("99999999999999999999")).isEqualTo(15);
        assertThat(LoginView.pauseMinutes("abc")).isEqualTo(15);
    }
}
