package org.ngoplatform.registration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.base.ui.RequiredFields;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.base.ui.Failures;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.organisation.OrganisationService;
import org.ngoplatform.registration.MyRegistration;
import org.ngoplatform.registration.Registration;
import org.ngoplatform.registration.RegistrationRejectedException;
import org.ngoplatform.registration.RegistrationRequest;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.registration.RegistrationStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Register for an edition, or change one's registration until registration closes. */
@Route("editions/:editionId/register")
@PermitAll
class RegistrationFormView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final ComboBox<String> organisation = new ComboBox<>();
    final TextField jobTitle = new TextField();
    final DatePicker arrival = new DatePicker();
    final DatePicker departure = new DatePicker();
    final TextArea dietary = new TextArea();
    final TextArea accessibility = new TextArea();
    final Checkbox visa = new Checkbox();
    final Checkbox listOptIn = new Checkbox();
    final Checkbox consent = new Checkbox();
    final Button submit = new Button();
    final Div result = new Div();

    private final EditionService editions;
    private final RegistrationService registrations;
    private final OrganisationService organisations;
    private final Clock clock;
    final BeanValidationBinder<RegistrationRequest> binder = RequiredFields.binder(RegistrationRequest.class);
    private RegistrationRequest request = new RegistrationRequest();
    private EditionSummary edition;
    private MyRegistration existing;
    private String title = "";

    RegistrationFormView(EditionService editions, RegistrationService registrations, OrganisationService organisations,
                         Clock clock) {
        this.editions = editions;
        this.clock = clock;
        this.registrations = registrations;
        this.organisations = organisations;
        addClassNames("page", "narrow-page");
        setId("registration-form");
        configureFields();
    }

    /** Fields and their bindings, once per view instance (the view is reused when navigating between editions). */
    private void configureFields() {
        organisation.setLabel(getTranslation("registration.field.organisation"));
        organisation.setHelperText(getTranslation("registration.field.organisation.help"));
        organisation.setAllowCustomValue(true);
        organisation.addCustomValueSetListener(e -> organisation.setValue(e.getDetail().strip()));
        organisation.setId("registration-organisation");
        jobTitle.setLabel(getTranslation("registration.field.job-title"));
        jobTitle.setMaxLength(Registration.JOB_TITLE_MAX);
        jobTitle.setId("registration-job-title");
        arrival.setLabel(getTranslation("registration.field.arrival"));
        arrival.setId("registration-arrival");
        departure.setLabel(getTranslation("registration.field.departure"));
        departure.setId("registration-departure");
        dietary.setLabel(getTranslation("registration.field.dietary"));
        dietary.setMaxLength(Registration.NEEDS_MAX);
        dietary.setId("registration-dietary");
        accessibility.setLabel(getTranslation("registration.field.accessibility"));
        accessibility.setMaxLength(Registration.NEEDS_MAX);
        accessibility.setId("registration-accessibility");
        visa.setLabel(getTranslation("registration.field.visa"));
        visa.setId("registration-visa");
        listOptIn.setLabel(getTranslation("registration.field.list-opt-in"));
        listOptIn.setId("registration-list-opt-in");
        var consentLabel = new Div();
        consentLabel.add(getTranslation("registration.field.consent") + " ");
        var link = new Anchor("privacy", getTranslation("registration.field.consent.link"));
        link.setTarget("_blank");
        consentLabel.add(link);
        consent.setLabelComponent(consentLabel);
        consent.setId("registration-consent");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("registration-submit");
        submit.addClickListener(e -> submit());

        binder.forField(organisation).bind("organisationName");
        binder.forField(jobTitle).bind("jobTitle");
        binder.forField(arrival).bind("arrivalOn");
        binder.forField(departure)
                .withValidator(d -> d == null || arrival.getValue() == null || !d.isBefore(arrival.getValue()),
                        getTranslation("registration.dates.order"))
                .bind("departureOn");
        binder.forField(dietary).bind("dietaryNeeds");
        binder.forField(accessibility).bind("accessibilityNeeds");
        binder.forField(visa).bind("visaLetter");
        binder.forField(listOptIn).bind("listOptIn");
        binder.forField(consent).bind("privacyConsent");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.find(event, "editionId", editions::find).ifPresent(this::enter);
    }

    private void enter(EditionSummary found) {
        edition = found;
        existing = registrations.mineFor(edition.id()).filter(m -> m.status() != RegistrationStatus.CANCELLED).orElse(null);
        build();
    }

    private void build() {
        removeAll();
        title = getTranslation(existing == null ? "registration.form.title" : "registration.form.edit-title", edition.title());
        add(new ViewHeader(title));
        result.setId("registration-result");
        result.addClassName("registration-result");
        result.setVisible(false);
        add(result);
        boolean open = existing == null ? edition.isOpenForRegistration(clock.instant()) : existing.editable();
        if (!open) {
            var closed = new Paragraph(getTranslation(existing == null ? "registration.not-open" : "registration.closed"));
            closed.setId("registration-not-open");
            add(closed, new Anchor("editions/" + edition.id(), edition.title()));
            return;
        }
        add(new Paragraph(getTranslation("registration.form.intro")));

        if (edition.startsOn() != null && edition.endsOn() != null) {
            var fmt = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
            String help = getTranslation("registration.field.dates.help", fmt.format(edition.startsOn().minusDays(1)),
                    fmt.format(edition.endsOn().plusDays(1)));
            for (DatePicker p : new DatePicker[] {arrival, departure}) {
                p.setMin(edition.startsOn().minusDays(1));
                p.setMax(edition.endsOn().plusDays(1));
                p.setHelperText(help);
                p.setInitialPosition(edition.startsOn());
            }
        }
        listOptIn.setVisible(edition.participantListVisible());
        organisation.setItems(organisations.approved().stream().map(OrganisationRef::name).toList());
        submit.setText(getTranslation(existing == null ? "registration.submit" : "registration.save"));

        request = existing == null ? registrations.newRequest() : existing.toRequest();
        binder.setBean(request);

        var form = new FormLayout(organisation, jobTitle, arrival, departure);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        var special = new Div(new H2(getTranslation("registration.special.title")),
                new Paragraph(getTranslation("registration.special.text")), dietary, accessibility);
        special.addClassName("special-category");
        special.setId("registration-special");
        var checks = new Div(visa, listOptIn, consent);
        checks.addClassName("stacked-checks");
        add(form, special, checks, submit);
    }

    private void submit() {
        if (!binder.validate().isOk()) {
            return;
        }
        MyRegistration saved;
        try {
            saved = existing == null ? registrations.register(edition.id(), request) : registrations.update(existing.id(), request);
        } catch (RegistrationRejectedException rejected) {
            showRejection(rejected);
            return;
        } catch (ObjectOptimisticLockingFailureException stale) {
            Notification.show(getTranslation("registration.stale"), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        } catch (RuntimeException failed) {
            // Whatever failed (the database gone before, during or at the commit), the person is told on the
            // page, not only in a passing notification, that nothing was saved.
            showNotSaved(Failures.explain(getUI().orElseThrow(), failed));
            return;
        }
        String message;
        if (existing != null) {
            message = getTranslation("registration.saved");
        } else if (saved.status() == RegistrationStatus.CONFIRMED) {
            message = getTranslation("registration.done.confirmed");
        } else {
            message = getTranslation("registration.done.waitlisted", saved.waitlistPosition());
        }
        existing = saved;
        request.setVersion(saved.version());
        result.removeAll();
        result.add(new Paragraph(message), new Anchor("my/registrations", getTranslation("menu.my-registrations")));
        result.getElement().setAttribute("role", "status");
        result.setVisible(true);
        result.scrollIntoView();
        submit.setText(getTranslation("registration.save"));
        Notification.show(message, 6000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private final FieldErrors rejections = new FieldErrors(this, FieldErrors.notification(8000, Notification.Position.MIDDLE))
            .on(arrival, "arrivalOn").on(departure, "departureOn").on(consent, "privacyConsent");
    private void showNotSaved(String reason) {
        String message = getTranslation(existing == null ? "registration.not-saved" : "registration.changes-not-saved");
        result.removeAll();
        result.add(new Paragraph(message + " " + reason));
        result.getElement().setAttribute("role", "alert");
        result.setVisible(true);
        result.scrollIntoView();
        Notification.show(message + " " + reason, 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void showRejection(RegistrationRejectedException rejected) {
        rejections.show(rejected);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
