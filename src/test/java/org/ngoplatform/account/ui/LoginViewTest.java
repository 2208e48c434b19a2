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
}
