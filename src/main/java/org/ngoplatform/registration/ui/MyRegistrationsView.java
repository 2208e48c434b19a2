package org.ngoplatform.registration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.registration.CalendarFile;
import org.ngoplatform.registration.MyOffer;
import org.ngoplatform.registration.MyRegistration;
import org.ngoplatform.registration.SeatOfferService;
import org.ngoplatform.registration.RegistrationRejectedException;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.registration.RegistrationStatus;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A participant's registrations: status, waiting position, edit, cancel, calendar file. */
@Route("my/registrations")
@PermitAll
@Menu(order = 10, title = "menu.my-registrations", icon = "vaadin:ticket")
class MyRegistrationsView extends Div implements HasDynamicTitle {

    private final RegistrationService registrations;
    private final SeatOfferService offers;
    final Div list = new Div();
    /** The open confirmation, for tests. */
    ConfirmDialog confirm;

    MyRegistrationsView(RegistrationService registrations, SeatOfferService offers) {
        this.registrations = registrations;
        this.offers = offers;
        addClassNames("page", "narrow-page");
        setId("my-registrations");
        add(new ViewHeader(getTranslation("my.title")));
        list.addClassName("registration-cards");
        list.setId("my-registration-list");
        add(list);
        refresh();
    }

    void refresh() {
        list.removeAll();
        List<MyRegistration> mine = registrations.mine();
        Map<Long, MyOffer> openOffers = offers.mine().stream().collect(Collectors.toMap(MyOffer::registrationId, o -> o, (a, b) -> a));
        if (mine.isEmpty()) {
            var none = new Paragraph(getTranslation("my.empty"));
            none.addClassName("muted");
            list.add(none);
        }
        var fmt = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        for (MyRegistration m : mine) {
            var card = new Div();
            card.addClassName("registration-card");
            card.setId("my-registration-" + m.id());
            card.add(new H2(new Anchor("editions/" + m.edition().id(), m.edition().title())));
            if (m.edition().startsOn() != null) {
                card.add(new Span(fmt.format(m.edition().startsOn())
                        + (m.edition().endsOn() == null ? "" : " – " + fmt.format(m.edition().endsOn()))));
            }
            var status = new Span(getTranslation("registration.status." + m.status().name()));
            status.getElement().getThemeList().add(switch (m.status()) {
                case CONFIRMED -> "badge success";
                case WAITLISTED -> "badge";
                case CANCELLED -> "badge contrast";
            });
            status.addClassName("registration-status");
            card.add(status);
            if (m.status() == RegistrationStatus.WAITLISTED) {
                var position = new Span(getTranslation("my.position", m.waitlistPosition()));
                position.addClassName("waitlist-position");
                card.add(position);
                MyOffer offer = openOffers.get(m.id());
                if (offer != null) {
                    card.add(new OfferPanel(offer, offers, this::refresh));
                }
            }
            var actions = new Div();
            actions.addClassName("card-actions");
            if (m.editable()) {
                var edit = new Button(getTranslation("my.edit"), e -> getUI().ifPresent(ui -> ui.navigate(RegistrationFormView.class,
                        new RouteParameters("editionId", String.valueOf(m.edition().id())))));
                edit.setId("my-edit-" + m.id());
                actions.add(edit);
            }
            if (m.calendarAvailable()) {
                long id = m.id();
                DownloadHandler ics = event -> {
                    CalendarFile file = registrations.calendar(id);
                    byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
                    event.setFileName(file.fileName());
                    event.setContentType("text/calendar; charset=utf-8");
                    event.setContentLength(bytes.length);
                    event.getOutputStream().write(bytes);
                };
                var download = new Anchor(ics, getTranslation("my.ics"));
                download.setId("my-ics-" + m.id());
                actions.add(download);
            }
            if (m.status() != RegistrationStatus.CANCELLED && m.editable()) {
                var cancel = new Button(getTranslation("my.cancel"), e -> askCancel(m));
                cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
                cancel.setId("my-cancel-" + m.id());
                actions.add(cancel);
            }
            card.add(actions);
            list.add(card);
        }
    }

    void askCancel(MyRegistration m) {
        confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("my.cancel.title"));
        confirm.setText(getTranslation("my.cancel.text", m.edition().title()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("my.cancel.keep"));
        confirm.setConfirmText(getTranslation("my.cancel.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                registrations.cancel(m.id());
                Notification.show(getTranslation("my.cancelled")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (RegistrationRejectedException rejected) {
                Notification.show(getTranslation(rejected.messageKey()), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("my.title");
    }
}
