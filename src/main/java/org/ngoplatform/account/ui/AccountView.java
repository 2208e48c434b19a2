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
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import org.ngoplatform.account.Account;
import org.ngoplatform.account.ClientAddress;
import org.ngoplatform.account.ProfileChange;
import org.ngoplatform.account.ProfileChangeRejectedException;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.i18n.MessagesI18NProvider;
import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.organisation.OrganisationService;
import org.ngoplatform.account.MyAccountService;
import org.ngoplatform.account.PasswordChangeRejectedException;
import org.ngoplatform.account.PasswordPolicy;
import org.ngoplatform.base.ui.RequiredFields;
import org.ngoplatform.base.ui.ViewHeader;

import java.util.Locale;
import java.util.Objects;

/** The signed-in person's own account: name, organisation, country, language, and the password. */
@Route("account")
@PermitAll
public class AccountView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final TextField displayName = new TextField();
    final ComboBox<String> organisation = new ComboBox<>();
    final ComboBox<String> country = new ComboBox<>();
    final ComboBox<String> language = new ComboBox<>();
    final Button saveProfile = new Button();
    final BeanValidationBinder<ProfileChange> binder = RequiredFields.binder(ProfileChange.class);

    final Paragraph mustChange = new Paragraph();
    final PasswordField currentPassword = new PasswordField();
    final PasswordField newPassword = new PasswordField();
    final PasswordField confirmPassword = new PasswordField();
    final Button changePassword = new Button();

    private final MyAccountService myAccount;

    AccountView(MyAccountService myAccount, OrganisationService organisations) {
        this.myAccount = myAccount;
        addClassNames("page", "narrow-page");
        setId("account-view");
        add(new ViewHeader(getTranslation("account.title")));

        displayName.setLabel(getTranslation("field.display-name"));
        displayName.setId("account-name");
        displayName.setMaxLength(Account.NAME_MAX);
        organisation.setLabel(getTranslation("field.organisation"));
        organisation.setHelperText(getTranslation("signup.organisation.help"));
        organisation.setId("account-organisation");
        organisation.setItems(organisations.approved().stream().map(OrganisationRef::name).toList());
        organisation.setAllowCustomValue(true);
        organisation.addCustomValueSetListener(e -> organisation.setValue(e.getDetail().strip()));
        country.setLabel(getTranslation("field.country"));
        country.setId("account-country");
        country.setItems(Countries.codesSortedByName(getLocale()));
        country.setItemLabelGenerator(code -> Countries.name(code, getLocale()));
        language.setLabel(getTranslation("account.language"));
        language.setId("account-language");
        language.setItems(MessagesI18NProvider.LOCALES.stream().map(Locale::getLanguage).toList());
        language.setItemLabelGenerator(code -> Locale.of(code).getDisplayLanguage(Locale.of(code)));
        saveProfile.setText(getTranslation("account.profile.submit"));
        saveProfile.setId("account-save-profile");
        saveProfile.addClickListener(e -> saveProfile());
        binder.forField(displayName).bind("displayName");
        binder.forField(organisation).bind("organisationName");
        binder.forField(country).bind("countryCode");
        binder.forField(language).bind("language");
        var profileForm = new FormLayout(displayName, organisation, country, language);
        profileForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        var profile = new Div(new H2(getTranslation("account.profile.title")), profileForm, saveProfile);
        profile.setId("profile");
        add(profile);

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
        binder.setBean(myAccount.profile());
    }

    private void saveProfile() {
        if (!binder.validate().isOk()) {
            return;
        }
        try {
            myAccount.changeProfile(binder.getBean());
        } catch (ProfileChangeRejectedException rejected) {
            String message = getTranslation(rejected.messageKey());
            switch (rejected.field()) {
                case "displayName" -> { displayName.setInvalid(true); displayName.setErrorMessage(message); }
                case "organisationName" -> { organisation.setInvalid(true); organisation.setErrorMessage(message); }
                case "countryCode" -> { country.setInvalid(true); country.setErrorMessage(message); }
                default -> { language.setInvalid(true); language.setErrorMessage(message); }
            }
            return;
        }
        Notification.show(getTranslation("account.profile.saved"), 5000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
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
