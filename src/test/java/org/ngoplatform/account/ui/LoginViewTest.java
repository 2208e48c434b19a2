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
}
