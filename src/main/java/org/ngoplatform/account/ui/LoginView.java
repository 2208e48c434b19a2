package org.ngoplatform.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.ngoplatform.account.CurrentAccount;

/** Public because the security configuration names it as the login view. */
@Route("login")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm form = new LoginForm();
    /** Shown instead of the form to someone already signed in. */
    final Div signedIn = new Div();
    private final Paragraph signUp;
    private final transient AuthenticationContext authContext;

    LoginView(AuthenticationContext authContext) {
        this.authContext = authContext;
        addClassNames("page", "narrow-page");
        setId("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(true);
        form.addForgotPasswordListener(e -> getUI().ifPresent(ui -> ui.navigate(ResetPasswordRequestView.class)));
        form.setI18n(i18n());
        add(form);
        signUp = new Paragraph(new Anchor("signup", getTranslation("login.no-account")));
        add(signUp);
        signedIn.setId("login-signed-in");
        signedIn.setVisible(false);
        add(signedIn);
    }

    /** Someone signed in opening this page is told so, with the way on or out, instead of a second sign-in. */
    private boolean showSignedIn() {
        var me = CurrentAccount.get();
        form.setVisible(me.isEmpty());
        signUp.setVisible(me.isEmpty());
        signedIn.setVisible(me.isPresent());
        signedIn.removeAll();
        me.ifPresent(principal -> {
            var start = new Anchor("", getTranslation("login.signed-in.start"));
            start.setId("login-go-start");
            var logout = new Button(getTranslation("action.logout"), e -> authContext.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            logout.setId("login-sign-out");
            signedIn.add(new Paragraph(getTranslation("login.signed-in", principal.displayName())), start, logout);
        });
        return me.isPresent();
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
        if (showSignedIn()) {
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("throttled")) {
            int minutes = pauseMinutes(parameters.get("throttled").getFirst());
            LoginI18n i18n = i18n();
            i18n.getErrorMessage().setTitle(getTranslation("login.throttled.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.throttled.text", minutes));
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

    /** The pause the sign-in filter put in the address, 1 to 60 minutes; anything else typed there reads as 15. */
    static int pauseMinutes(String typed) {
        String digits = typed.replaceAll("[^0-9]", "");
        if (digits.isEmpty() || digits.length() > 2) {
            return 15;
        }
        return Math.clamp(Integer.parseInt(digits), 1, 60);
    }
}
