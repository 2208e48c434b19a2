package org.ngoplatform.visaletter.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.visaletter.VisaDetailsForm;
import org.ngoplatform.visaletter.VisaLetterRejectedException;
import org.ngoplatform.visaletter.VisaLetterRequestSummary;
import org.ngoplatform.visaletter.VisaLetterRules;
import org.ngoplatform.visaletter.VisaLetterService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * A participant's own visa letter request for an edition: the details a letter needs (only with a confirmed or
 * waiting registration), where it stands, and their letter to download once issued. Refusals show next to the field.
 */
@Route("editions/:editionId/visa-letter")
@PermitAll
class MyVisaLetterView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final TextField fullName = text("fullName", VisaLetterRules.NAME_MAX);
    final TextField nationality = text("nationality", VisaLetterRules.NATIONALITY_MAX);
    final TextField passportNumber = text("passportNumber", VisaLetterRules.PASSPORT_MAX);
    final DatePicker dateOfBirth = new DatePicker();
    final TextField consulateCity = text("consulateCity", VisaLetterRules.CITY_MAX);
    final Button save = new Button();
    final Div state = new Div();

    private final VisaLetterService letters;
    private final EditionService editions;
    private final Clock clock;
    private final FieldErrors errors;
    private EditionSummary edition;
    private String title = "";

    MyVisaLetterView(VisaLetterService letters, EditionService editions, Clock clock) {
        this.letters = letters;
        this.editions = editions;
        this.clock = clock;
        addClassNames("page", "narrow-page");
        setId("my-visa-letter");
        dateOfBirth.setLabel(getTranslation("visaletter.field.dateOfBirth"));
        dateOfBirth.setId("visa-dateOfBirth");
        dateOfBirth.setRequiredIndicatorVisible(true);
        dateOfBirth.setManualValidation(true); // our rule's message (future, too early) stays next to the field
        fullName.setHelperText(getTranslation("visaletter.field.fullName.help"));
        consulateCity.setHelperText(getTranslation("visaletter.field.consulateCity.help"));
        save.setText(getTranslation("visaletter.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("visa-save");
        save.setDisableOnClick(true); // a double click sends one request
        save.addClickListener(e -> {
            try {
                save();
            } finally {
                save.setEnabled(true);
            }
        });
        state.setId("visa-state");
        errors = new FieldErrors(this, FieldErrors.notification(8000, Notification.Position.MIDDLE))
                .on(fullName, "fullName").on(nationality, "nationality").on(passportNumber, "passportNumber")
                .on(dateOfBirth, "dateOfBirth").on(consulateCity, "consulateCity");
    }

    private TextField text(String field, int max) {
        var f = new TextField(getTranslation("visaletter.field." + field));
        f.setMaxLength(max);
        f.setRequiredIndicatorVisible(true);
        f.setManualValidation(true);
        f.setId("visa-" + field);
        f.setWidthFull();
        return f;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.find(event, "editionId", editions::find).ifPresent(e -> {
            edition = e;
            build();
        });
    }

    private void build() {
        removeAll();
        title = getTranslation("visaletter.mine.title", edition.title());
        add(new ViewHeader(title));
        Optional<VisaLetterRequestSummary> mine = letters.mine(edition.id());
        if (mine.isEmpty() && !letters.mayAsk(edition.id())) {
            var none = new Paragraph(getTranslation("visaletter.no-registration"));
            none.setId("visa-no-registration");
            add(none, new Anchor("editions/" + edition.id(), edition.title()));
            return;
        }
        add(new Paragraph(getTranslation("visaletter.mine.intro")));
        mine.ifPresent(m -> {
            VisaDetailsForm f = m.toForm();
            fullName.setValue(f.getFullName());
            nationality.setValue(f.getNationality());
            passportNumber.setValue(f.getPassportNumber());
            dateOfBirth.setValue(f.getDateOfBirth());
            consulateCity.setValue(f.getConsulateCity());
        });
        var form = new FormLayout(fullName, nationality, passportNumber, dateOfBirth, consulateCity);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.setColspan(fullName, 2);
        var special = new Div(form);
        special.addClassName("special-category");
        add(state, special, save);
        showState(mine);
    }

    private void showState(Optional<VisaLetterRequestSummary> mine) {
        state.removeAll();
        state.getElement().setAttribute("role", "status");
        if (mine.isEmpty()) {
            return;
        }
        state.add(new Paragraph(getTranslation("visaletter.mine.status." + mine.get().status().name())));
        if (mine.get().issuedAt() != null) {
            var download = new Anchor(LetterDownload.mine(letters, edition.id()), getTranslation("visaletter.download"));
            download.setId("visa-download");
            state.add(new Div(download));
        }
        var withdraw = new Button(getTranslation("visaletter.withdraw"), e -> {
            letters.withdrawMine(edition.id());
            build();
        });
        withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        withdraw.setId("visa-withdraw");
        state.add(withdraw);
        save.setText(getTranslation("visaletter.save-changes"));
    }

    private void save() {
        for (HasValidation f : new HasValidation[] {fullName, nationality, passportNumber, dateOfBirth, consulateCity}) {
            f.setInvalid(false);
        }
        VisaDetailsForm form = VisaDetailsForm.of(fullName.getValue(), nationality.getValue(), passportNumber.getValue(),
                dateOfBirth.getValue(), consulateCity.getValue());
        Map<String, String> problems = VisaLetterRules.detailProblems(form, today());
        if (!problems.isEmpty()) {
            problems.forEach((field, key) -> errors.show(field, getTranslation(key)));
            return;
        }
        try {
            showState(Optional.of(letters.saveMine(edition.id(), form)));
            Notification.show(getTranslation("visaletter.saved"), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (VisaLetterRejectedException rejected) {
            errors.show(rejected, rejected.params());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of(edition.timeZone())));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
