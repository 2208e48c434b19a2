package org.ngoplatform.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.ngoplatform.account.PasswordPolicy;
import org.ngoplatform.account.PasswordResetRejectedException;
import org.ngoplatform.account.PasswordResetService;
import org.ngoplatform.base.ui.ViewHeader;

import java.util.Objects;

/** Sets a new password through an emailed one-time link. */
@Route("reset-password/:token")
@AnonymousAllowed
class ResetPasswordView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final PasswordField password = new PasswordField();
    final PasswordField confirmPassword = new PasswordField();
    final Button submit = new Button();
    final Paragraph invalid = new Paragraph();
    private final Div form = new Div();

    private final PasswordResetService resets;
    private String token;

    ResetPasswordView(PasswordResetService resets) {
        this.resets = resets;
        addClassNames("page", "narrow-page");
        setId("reset-password-view");
        add(new ViewHeader(getTranslation("reset.set.title")));
        password.setLabel(getTranslation("reset.set.password"));
        password.setHelperText(getTranslation("signup.password.help", PasswordPolicy.MIN_LENGTH));
        password.setId("reset-password");
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setWidthFull();
        confirmPassword.setLabel(getTranslation("field.password-confirm"));
        confirmPassword.setId("reset-password-confirm");
        confirmPassword.setMaxLength(PasswordPolicy.MAX_LENGTH);
        confirmPassword.setWidthFull();
        submit.setText(getTranslation("reset.set.submit"));
        submit.setId("reset-password-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        form.add(password, confirmPassword, submit);
        invalid.setId("reset-invalid");
        invalid.setVisible(false);
        invalid.getElement().setAttribute("role", "alert");
        add(form, invalid, new Paragraph(new Anchor("reset-password", getTranslation("reset.set.new-link"))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        boolean usable = resets.isUsable(token);
        form.setVisible(usable);
        invalid.setText(getTranslation("reset.link-invalid"));
        invalid.setVisible(!usable);
    }

    private void submit() {
        String value = password.getValue();
        var problem = PasswordPolicy.problem(value, null);
        if (problem.isPresent()) {
            password.setInvalid(true);
            password.setErrorMessage(getTranslation(problem.get(), PasswordPolicy.MIN_LENGTH));
            return;
        }
        password.setInvalid(false);
        if (!Objects.equals(value, confirmPassword.getValue())) {
            confirmPassword.setInvalid(true);
            confirmPassword.setErrorMessage(getTranslation("signup.password.mismatch"));
            return;
        }
        confirmPassword.setInvalid(false);
        try {
            resets.resetPassword(token, value);
        } catch (PasswordResetRejectedException rejected) {
            if (rejected.messageKey().equals("reset.link-invalid")) {
                form.setVisible(false);
                invalid.setVisible(true);
            } else {
                password.setInvalid(true);
                password.setErrorMessage(getTranslation(rejected.messageKey(), PasswordPolicy.MIN_LENGTH));
            }
            return;
        }
        Notification.show(getTranslation("reset.set.done"), 6000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        getUI().ifPresent(ui -> ui.navigate("login"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.set.title");
    }
}
