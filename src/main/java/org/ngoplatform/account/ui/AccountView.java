package org.ngoplatform.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.ngoplatform.account.ClientAddress;
import org.ngoplatform.account.MyAccountService;
import org.ngoplatform.account.PasswordChangeRejectedException;
import org.ngoplatform.account.PasswordPolicy;
import org.ngoplatform.base.ui.ViewHeader;

import java.util.Objects;

/** The signed-in person's own account: for now, changing the password. */
@Route("account")
@PermitAll
public class AccountView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final Paragraph mustChange = new Paragraph();
    final PasswordField currentPassword = new PasswordField();
    final PasswordField newPassword = new PasswordField();
    final PasswordField confirmPassword = new PasswordField();
    final Button changePassword = new Button();

    private final MyAccountService myAccount;

    AccountView(MyAccountService myAccount) {
        this.myAccount = myAccount;
        addClassNames("page", "narrow-page");
        setId("account-view");
        add(new ViewHeader(getTranslation("account.title")));

        mustChange.setText(getTranslation("account.password.must-change"));
        mustChange.setId("account-must-change");
        mustChange.addClassName("notice");
        mustChange.setVisible(false);

        currentPassword.setLabel(getTranslation("account.password.current"));
        currentPassword.setId("account-current-password");
        currentPassword.setMaxLength(PasswordPolicy.MAX_LENGTH);
        newPassword.setLabel(getTranslation("account.password.new"));
        newPassword.setHelperText(getTranslation("signup.password.help", PasswordPolicy.MIN_LENGTH));
        newPassword.setId("account-new-password");
        newPassword.setMaxLength(PasswordPolicy.MAX_LENGTH);
        confirmPassword.setLabel(getTranslation("field.password-confirm"));
        confirmPassword.setId("account-confirm-password");
        confirmPassword.setMaxLength(PasswordPolicy.MAX_LENGTH);
        changePassword.setText(getTranslation("account.password.submit"));
        changePassword.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        changePassword.setId("account-change-password");
        changePassword.addClickListener(e -> changePassword());

        var section = new Div(new H2(getTranslation("account.password.title")), mustChange,
                new FormLayout(currentPassword, newPassword, confirmPassword), changePassword);
        section.setId("password");
        add(section);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        mustChange.setVisible(myAccount.mustChangePassword());
    }

    private void changePassword() {
        currentPassword.setInvalid(false);
        newPassword.setInvalid(false);
        confirmPassword.setInvalid(false);
        if (!Objects.equals(newPassword.getValue(), confirmPassword.getValue())) {
            confirmPassword.setErrorMessage(getTranslation("signup.password.mismatch"));
            confirmPassword.setInvalid(true);
            return;
        }
        boolean wasForced = mustChange.isVisible();
        try {
            myAccount.changePassword(currentPassword.getValue(), newPassword.getValue(), ClientAddress.current());
        } catch (PasswordChangeRejectedException rejected) {
            PasswordField field = "currentPassword".equals(rejected.field()) ? currentPassword : newPassword;
            field.setErrorMessage(getTranslation(rejected.messageKey(), PasswordPolicy.MIN_LENGTH));
            field.setInvalid(true);
            return;
        }
        currentPassword.clear();
        newPassword.clear();
        confirmPassword.clear();
        mustChange.setVisible(false);
        Notification.show(getTranslation("account.password.changed"), 5000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        if (wasForced) {
            getUI().ifPresent(ui -> ui.navigate(""));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title");
    }
}
