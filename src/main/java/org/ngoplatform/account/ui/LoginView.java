package org.ngoplatform.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.ngoplatform.base.ui.Failures;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.web.WebAttributes;

/** Public because the security configuration names it as the login view. */
@Route("login")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm form = new LoginForm();

    LoginView() {
        addClassNames("page", "narrow-page");
        setId("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(true);
        form.addForgotPasswordListener(e -> getUI().ifPresent(ui -> ui.navigate(ResetPasswordRequestView.class)));
        form.setI18n(i18n());
        add(form);
        add(new Paragraph(new Anchor("signup", getTranslation("login.no-account"))));
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("field.email"));
        i18n.getForm().setPassword(getTranslation("field.password"));
        i18n.getForm().setSubmit(getTranslation("action.login"));
        i18n.getForm().setForgotPassword(getTranslation("reset.forgot"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.text"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("throttled")) {
            String minutes = parameters.get("throttled").getFirst().replaceAll("[^0-9]", "");
            LoginI18n i18n = i18n();
            i18n.getErrorMessage().setTitle(getTranslation("login.throttled.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.throttled.text", minutes.isEmpty() ? "15" : minutes));
            form.setI18n(i18n);
            form.setError(true);
        } else if (parameters.containsKey("error") && failedForAnOutage()) {
            LoginI18n i18n = i18n();
            i18n.getErrorMessage().setTitle(getTranslation("error.unavailable.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.unavailable.text"));
            form.setI18n(i18n);
            form.setError(true);
        } else {
            form.setI18n(i18n());
            form.setError(parameters.containsKey("error"));
        }
    }

    /**
     * Whether the last sign-in failed because the account could not be looked up (Spring Security wraps a
     * database failure as an {@link InternalAuthenticationServiceException} and keeps it in the session).
     */
    private static boolean failedForAnOutage() {
        VaadinSession session = VaadinSession.getCurrent();
        Object failure = session == null || session.getSession() == null ? null
                : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure instanceof InternalAuthenticationServiceException
                || failure instanceof Throwable t && Failures.isDatabaseUnavailable(t);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
