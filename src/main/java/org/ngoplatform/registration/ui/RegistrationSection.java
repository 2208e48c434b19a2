package org.ngoplatform.registration.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouteParameters;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.base.ZonedTimes;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionPageSection;
import org.ngoplatform.edition.EditionStatus;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.MyRegistration;
import org.ngoplatform.registration.ParticipantSummary;
import org.ngoplatform.registration.ParticipantListVisibility;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.registration.RegistrationStatus;
import org.ngoplatform.registration.SeatCount;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** On the public edition page: seats left, one's own status, and the way to register. */
@Component
class RegistrationSection implements EditionPageSection {

    private final RegistrationService registrations;
    private final Clock clock;

    RegistrationSection(RegistrationService registrations, Clock clock) {
        this.registrations = registrations;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(EditionSummary edition) {
        if (edition.status() == EditionStatus.ARCHIVED || edition.capacity() == null) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        var section = new Div(new H2(ui.getTranslation("registration.section.title")));
        section.setId("registration-section");
        section.addClassNames("section", "registration-section");

        SeatCount seats = registrations.seats(edition.id());
        var seatText = new Paragraph(seats.seatsLeft() > 0
                ? ui.getTranslation("registration.seats-left", seats.seatsLeft(), seats.capacity())
                : ui.getTranslation("registration.seats-full", seats.capacity(), seats.waitlisted()));
        seatText.setId("registration-seats");
        section.add(seatText, seatBar(seats));

        ZoneId zone = ZoneId.of(edition.timeZone());
        Instant now = clock.instant();
        boolean open = edition.isOpenForRegistration(now);
        Optional<MyRegistration> mine = CurrentAccount.get().isPresent() ? registrations.mineFor(edition.id()) : Optional.empty();
        if (mine.isPresent() && mine.get().status() != RegistrationStatus.CANCELLED) {
            MyRegistration m = mine.get();
            var status = new Paragraph(m.status() == RegistrationStatus.WAITLISTED
                    ? ui.getTranslation("registration.your-position", m.waitlistPosition())
                    : ui.getTranslation("registration.your-status", ui.getTranslation("registration.status." + m.status().name())));
            status.setId("registration-my-status");
            status.addClassName("registration-status-" + m.status().name().toLowerCase());
            section.add(status, new Anchor("my/registrations", ui.getTranslation("registration.manage")));
        } else if (open) {
            if (edition.registrationClosesAt() != null) {
                section.add(new Paragraph(ui.getTranslation("registration.closes-at", ZonedTimes.format(edition.registrationClosesAt(), zone, ui.getLocale()))));
            }
            if (CurrentAccount.get().isPresent()) {
                var register = new Button(ui.getTranslation("registration.register"),
                        e -> ui.navigate(RegistrationFormView.class, new RouteParameters("editionId", String.valueOf(edition.id()))));
                register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                register.setId("registration-register");
                section.add(register);
            } else {
                var login = new Anchor("login", ui.getTranslation("registration.sign-in-to-register"));
                login.setId("registration-sign-in");
                section.add(login);
            }
        } else {
            var closed = new Paragraph(ui.getTranslation("registration.not-open-now"));
            closed.addClassName("muted");
            section.add(closed);
            if (edition.opensForRegistrationAfter(now)) {
                section.add(new Paragraph(ui.getTranslation("registration.opens-at", ZonedTimes.format(edition.registrationOpensAt(), zone, ui.getLocale()))));
            }
        }

        boolean confirmed = mine.map(m -> m.status() == RegistrationStatus.CONFIRMED).orElse(false);
        if (ParticipantListVisibility.maySee(edition, CurrentAccount.hasRole(Role.ORGANISER), confirmed)) {
            section.add(participantList(ui, registrations.participantList(edition.id())));
        }
        return Optional.of(section);
    }

    /** A server-side bar: confirmed share of capacity. */
    private static Div seatBar(SeatCount seats) {
        var fill = new Div();
        fill.addClassName("seat-bar-fill");
        long pct = seats.capacity() == null || seats.capacity() == 0 ? 0 : Math.min(100, seats.confirmed() * 100 / seats.capacity());
        fill.getStyle().set("width", pct + "%");
        var bar = new Div(fill);
        bar.addClassName("seat-bar");
        bar.getElement().setAttribute("role", "img");
        bar.getElement().setAttribute("aria-label", seats.confirmed() + " / " + seats.capacity());
        return bar;
    }

    private static Div participantList(UI ui, List<ParticipantSummary> entries) {
        var box = new Div(new H3(ui.getTranslation("registration.participants.title")));
        box.setId("participant-list");
        if (entries.isEmpty()) {
            var none = new Paragraph(ui.getTranslation("registration.participants.none"));
            none.addClassName("muted");
            box.add(none);
            return box;
        }
        var list = new UnorderedList();
        for (ParticipantSummary e : entries) {
            var item = new ListItem(new Span(e.name()));
            if (e.organisation() != null) {
                var org = new Span(" – " + e.organisation());
                org.addClassName("muted");
                item.add(org);
            }
            list.add(item);
        }
        box.add(list);
        return box;
    }
}
