package org.ngoplatform.registration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.ngoplatform.registration.MyOffer;
import org.ngoplatform.registration.OfferRules;
import org.ngoplatform.registration.RegistrationRejectedException;
import org.ngoplatform.registration.SeatOfferService;

/**
 * One's own seat offer: the deadline in the edition's time zone and the two answers. Shown on "My registrations"
 * in the card of the waiting registration and on the page the mail's links open ({@link OfferView}).
 */
class OfferPanel extends Div {

    final Button accept = new Button();
    final Button decline = new Button();

    OfferPanel(MyOffer offer, SeatOfferService offers, Runnable afterAnswer) {
        addClassName("offer-panel");
        setId("offer-" + offer.id());
        String deadline = OfferRules.deadlineText(offer.expiresAt(), offer.edition().timeZone(), getLocale());
        var text = new Paragraph(getTranslation(offer.answerable() ? "offer.open" : "offer.past-deadline", deadline));
        text.setId("offer-deadline-" + offer.id());
        add(text);
        if (!offer.answerable()) {
            return;
        }
        accept.setText(getTranslation("offer.accept"));
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        accept.setId("offer-accept-" + offer.id());
        accept.addClickListener(e -> answer(() -> offers.accept(offer.id()), "offer.accepted", afterAnswer));
        decline.setText(getTranslation("offer.decline"));
        decline.addThemeVariants(ButtonVariant.LUMO_ERROR);
        decline.setId("offer-decline-" + offer.id());
        decline.addClickListener(e -> answer(() -> offers.decline(offer.id()), "offer.declined", afterAnswer));
        var actions = new Div(accept, decline);
        actions.addClassName("card-actions");
        add(actions);
    }

    private void answer(Runnable call, String doneKey, Runnable afterAnswer) {
        try {
            call.run();
            Notification.show(getTranslation(doneKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (RegistrationRejectedException rejected) {
            Notification.show(getTranslation(rejected.messageKey()), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        afterAnswer.run();
    }
}
