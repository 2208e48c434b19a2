package org.ngoplatform.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.ngoplatform.account.Account;
import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.PasswordPolicy;
import org.ngoplatform.account.ClientAddress;
import org.ngoplatform.account.SignUpRejectedException;
import org.ngoplatform.account.SignUpRequest;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.base.ui.RequiredFields;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.organisation.OrganisationService;

import java.util.Objects;

/**
 * Anyone can create a participant account here. An invitation link leads here with {@code ?email=} (messaging's
 * invitations), which fills in the address (the person may still change it).
 */
@Route("signup")
@AnonymousAllowed
class SignUpView extends Div implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    final EmailField email = new EmailField();
    final TextField displayName = new TextField();
    final ComboBox<String> organisation = new ComboBox<>();
    final ComboBox<String> country = new ComboBox<>();
    final PasswordField password = new PasswordField();
    final PasswordField confirmPassword = new PasswordField();
    final Checkbox consent = new Checkbox();
    final Button submit = new Button();

    private final AccountService accounts;
    final BeanValidationBinder<SignUpRequest> binder = RequiredFields.binder(SignUpRequest.class);
    private final SignUpRequest request = new SignUpRequest();

    SignUpView(AccountService accounts, OrganisationService organisations) {
        this.accounts = accounts;
        addClassNames("page", "narrow-page");
        setId("signup-view");
        add(new ViewHeader(getTranslation("signup.title")));
        add(new Paragraph(getTranslation("signup.intro")));

        email.setLabel(getTranslation("field.email"));
        email.setId("signup-email");
        email.setRequiredIndicatorVisible(true);
        email.setMaxLength(Account.EMAIL_MAX);
        displayName.setLabel(getTranslation("field.display-name"));
        displayName.setId("signup-name");
        displayName.setMaxLength(Account.NAME_MAX);
        organisation.setLabel(getTranslation("field.organisation"));
        organisation.setHelperText(getTranslation("signup.organisation.help"));
        organisation.setId("signup-organisation");
        organisation.setItems(organisations.approved().stream().map(OrganisationRef::name).toList());
        organisation.setAllowCustomValue(true);
        organisation.addCustomValueSetListener(e -> organisation.setValue(e.getDetail().strip()));
        country.setLabel(getTranslation("field.country"));
        country.setId("signup-country");
        country.setItems(Countries.codesSortedByName(getLocale()));
        country.setItemLabelGenerator(code -> Countries.name(code, getLocale()));
        password.setLabel(getTranslation("field.password"));
        password.setHelperText(getTranslation("signup.password.help", PasswordPolicy.MIN_LENGTH));
        password.setId("signup-password");
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        confirmPassword.setMaxLength(PasswordPolicy.MAX_LENGTH);
        confirmPassword.setLabel(getTranslation("field.password-confirm"));
        confirmPassword.setRequiredIndicatorVisible(true);
        confirmPassword.setId("signup-password-confirm");
        consent.setLabelComponent(consentLabel());
        consent.setId("signup-consent");
        submit.setText(getTranslation("signup.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("signup-submit");
        submit.addClickListener(e -> submit());

        binder.forField(email).bind("email");
        binder.forField(displayName).bind("displayName");
        binder.forField(organisation).bind("organisationName");
        binder.forField(country).bind("countryCode");
        binder.forField(password)
                .asRequired(ctx -> getTranslation(ctx.getLocale().orElse(getLocale()), "validation.required"))
                .withValidator((value, ctx) -> PasswordPolicy.problem(value, email.getValue())
                        .map(key -> ValidationResult.error(getTranslation(key, PasswordPolicy.MIN_LENGTH)))
                        .orElse(ValidationResult.ok()))
                .bind("password");
        binder.forField(confirmPassword)
                .withValidator(value -> Objects.equals(value, password.getValue()), getTranslation("signup.password.mismatch"))
                .bind(r -> r.getPassword(), (r, v) -> { });
        binder.forField(consent).bind("privacyConsent");
        binder.setBean(request);

        var form = new FormLayout(email, displayName, organisation, country, password, confirmPassword, consent);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.setColspan(consent, 2);
        add(form, submit);
        add(new Paragraph(new Anchor("login", getTranslation("signup.have-account"))));
    }

    private Div consentLabel() {
        var label = new Div();
        label.add(getTranslation("signup.consent") + " ");
        var link = new Anchor("privacy", getTranslation("signup.consent.link"));
        link.setTarget("_blank");
        label.add(link);
        return label;
    }

    private void submit() {
        if (!binder.validate().isOk()) {
            return;
        }
        request.setLanguage(getLocale().getLanguage());
        try {
            accounts.signUp(request, ClientAddress.current());
        } catch (SignUpRejectedException rejected) {
            showRejection(rejected);
            return;
        }
        Notification.show(getTranslation("signup.done.check-mail"), 6000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        getUI().ifPresent(ui -> ui.navigate("login"));
    }

    private final FieldErrors rejections = new FieldErrors(this, FieldErrors.notification(6000, Notification.Position.TOP_CENTER))
            .on(email, "email").on(password, "password");

    private void showRejection(SignUpRejectedException rejected) {
        rejections.show(rejected, PasswordPolicy.MIN_LENGTH);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signup.title");
    }

    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("email").map(String::strip)
                .filter(a -> !a.isEmpty() && a.length() <= Account.EMAIL_MAX && email.isEmpty())
                .ifPresent(email::setValue);
    }
}
