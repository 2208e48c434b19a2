package org.ngoplatform.registration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import org.ngoplatform.registration.OfferRules;
import org.ngoplatform.registration.RegistrationRejectedException;
import org.ngoplatform.registration.SeatOfferService;

/** Organisers: how the edition's freed seats are given, at once or offered for a window of hours. */
class OfferSettings extends Div {

    final RadioButtonGroup<Boolean> mode = new RadioButtonGroup<>();
    final IntegerField hours = new IntegerField();
    final Button save = new Button();

    OfferSettings(long editionId, SeatOfferService offers, Runnable afterSave) {
        addClassName("offer-settings");
        setId("offer-settings");
        add(new H3(getTranslation("offer.settings.title")));
        mode.setLabel(getTranslation("offer.settings.mode"));
        mode.setItems(false, true);
        mode.setItemLabelGenerator(offer -> getTranslation(offer ? "offer.settings.offer" : "offer.settings.at-once"));
        mode.setId("offer-mode");
        hours.setLabel(getTranslation("offer.settings.hours"));
        hours.setMin(OfferRules.MIN_WINDOW_HOURS);
        hours.setMax(OfferRules.MAX_WINDOW_HOURS);
        hours.setStepButtonsVisible(true);
        hours.setRequiredIndicatorVisible(true);
        hours.setHelperText(getTranslation("offer.settings.hours.help", OfferRules.MIN_WINDOW_HOURS, OfferRules.MAX_WINDOW_HOURS));
        hours.setId("offer-hours");
        var window = offers.offerWindow(editionId);
        mode.setValue(window.isPresent());
        hours.setValue(window.orElse(OfferRules.DEFAULT_WINDOW_HOURS));
        hours.setEnabled(window.isPresent());
        mode.addValueChangeListener(e -> hours.setEnabled(Boolean.TRUE.equals(e.getValue())));
        save.setText(getTranslation("offer.settings.save"));
        save.setId("offer-save");
        save.addClickListener(e -> {
            boolean offer = Boolean.TRUE.equals(mode.getValue());
            if (offer && (hours.isInvalid() || hours.getValue() == null || !OfferRules.validWindow(hours.getValue()))) {
                hours.setInvalid(true);
                hours.setErrorMessage(getTranslation("offer.window.range"));
                return;
            }
            try {
                offers.changeOfferWindow(editionId, offer ? hours.getValue() : null);
            } catch (RegistrationRejectedException rejected) {
                hours.setInvalid(true);
                hours.setErrorMessage(getTranslation(rejected.messageKey()));
                return;
            }
            hours.setInvalid(false);
            Notification.show(getTranslation("offer.settings.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            afterSave.run();
        });
        var row = new Div(mode, hours, save);
        row.addClassName("filter-bar");
        add(row);
    }
}
