package org.ngoplatform.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import org.ngoplatform.workshop.ChoosingProgress;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.ZonedTimes;
import org.ngoplatform.dashboard.EditionDashboard;
import org.ngoplatform.dashboard.GroupFill;
import org.ngoplatform.dashboard.Share;

import java.util.Locale;

/**
 * One upcoming edition on the dashboard: its cards stack on a phone and sit side by side on a desktop. Its to-dos are
 * in the dashboard's one list at the top.
 */
class EditionCard extends Div {

    EditionCard(EditionDashboard d, Locale locale, Translations t) {
        addClassName("dashboard-edition");
        setId("dashboard-edition-" + d.edition().id());
        String admin = "admin/editions/" + d.edition().id();
        var title = new H2(d.edition().title());
        var when = new Paragraph(when(d, locale, t));
        when.addClassName("muted");
        add(title, when);

        var cards = new Div();
        cards.addClassName("dashboard-cards");
        cards.add(registrations(d, admin, t), over(d, locale, t), shares(d, locale, t), groups(d, admin, locale, t));
        add(cards);
    }

    private static String when(EditionDashboard d, Locale locale, Translations t) {
        var e = d.edition();
        if (e.registrationClosesAt() == null) {
            return t.get("dashboard.registration.no-window");
        }
        return t.get("dashboard.registration.closes", ZonedTimes.format(e.registrationClosesAt(), d.zone(), locale));
    }

    private static Div registrations(EditionDashboard d, String admin, Translations t) {
        var card = card("dashboard-registrations", t.get("dashboard.registrations.title"));
        var facts = new Div(fact(t.get("dashboard.status.confirmed"), d.confirmed(), "confirmed"),
                fact(t.get("dashboard.status.waiting"), d.waiting(), "waiting"),
                fact(t.get("dashboard.status.cancelled"), d.cancelled(), "cancelled"));
        facts.addClassName("dashboard-facts");
        card.add(facts);
        String seats = d.capacity() == null ? t.get("dashboard.seats.no-capacity")
                : t.get("dashboard.seats.text", d.confirmed(), d.capacity(), d.seatsLeft(), d.waiting());
        var seatText = new Paragraph(seats);
        seatText.setId("dashboard-seats-" + d.edition().id());
        card.add(seatText);
        if (d.capacity() != null && d.capacity() > 0) {
            card.add(new Bars(t.get("dashboard.seats.title")).bar(t.get("dashboard.status.confirmed"),
                    d.confirmed() + " / " + d.capacity(), (int) Math.round(100.0 * d.confirmed() / d.capacity())));
        }
        card.add(new Anchor(admin + "/registrations", t.get("dashboard.registrations.open")));
        return card;
    }

    private static Div over(EditionDashboard d, Locale locale, Translations t) {
        var card = card("dashboard-over-time", t.get("dashboard.chart.title"));
        card.add(new RegistrationChart(d.receivedPerDay(), d.zone(), locale, t));
        return card;
    }

    private static Div shares(EditionDashboard d, Locale locale, Translations t) {
        var card = card("dashboard-shares", t.get("dashboard.shares.title"));
        long active = d.confirmed() + d.waiting();
        var countries = new Bars(t.get("dashboard.shares.countries"));
        for (Share s : d.byCountry()) {
            String name = s.other() ? t.get("dashboard.shares.other")
                    : "-".equals(s.label()) ? t.get("dashboard.shares.unknown") : Countries.name(s.label(), locale);
            countries.bar(name, String.valueOf(s.count()), percent(s.count(), active));
        }
        var organisations = new Bars(t.get("dashboard.shares.organisations"));
        for (Share s : d.byOrganisation()) {
            String name = s.other() ? t.get("dashboard.shares.other")
                    : "-".equals(s.label()) ? t.get("dashboard.shares.unknown") : s.label();
            organisations.bar(name, String.valueOf(s.count()), percent(s.count(), active));
        }
        if (countries.isEmpty()) {
            var none = new Paragraph(t.get("dashboard.shares.none"));
            none.addClassName("muted");
            card.add(none);
        } else {
            card.add(countries, organisations);
        }
        return card;
    }

    private static Div groups(EditionDashboard d, String admin, Locale locale, Translations t) {
        var card = card("dashboard-groups", t.get("dashboard.groups.title"));
        if (d.groups().isEmpty()) {
            var none = new Paragraph(t.get("dashboard.groups.none"));
            none.addClassName("muted");
            card.add(none);
        } else {
            var bars = new Bars(t.get("dashboard.groups.filling"));
            for (GroupFill g : d.groups()) {
                String label = g.slot() == null || g.slot().isBlank() ? g.title() : g.title() + " · " + g.slot();
                if (!g.facilitated()) {
                    label = label + " — " + t.get("dashboard.groups.no-facilitator");
                }
                bars.bar(label, g.capacity() == null ? String.valueOf(g.members())
                        : g.members() + " / " + g.capacity(), g.percent());
            }
            card.add(bars);
        }
        card.add(new Anchor(admin + "/groups", t.get("dashboard.groups.open")));
        if (!d.choosing().isEmpty()) {
            // ranked choosing per workshop slot: who of the confirmed participants ranked, until when
            var bars = new Bars(t.get("dashboard.choosing.title"));
            for (ChoosingProgress c : d.choosing()) {
                String state = c.choosing().published() ? t.get("dashboard.choosing.published")
                        : t.get("dashboard.choosing.until", c.choosing().closes(locale));
                bars.bar(c.choosing().slot().title() + " · " + state, c.ranked() + " / " + c.confirmed(), c.percent());
            }
            bars.setId("dashboard-choosing-" + d.edition().id());
            card.add(bars);
            for (ChoosingProgress c : d.choosing()) {
                var link = new Anchor("admin/choosing/" + c.choosing().sessionId(),
                        t.get("dashboard.choosing.open", c.choosing().slot().title()));
                card.add(new Div(link));
            }
        }
        return card;
    }

    private static int percent(long part, long whole) {
        return whole <= 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }

    static Div card(String id, String title) {
        var card = new Div(new H3(title));
        card.addClassName("dashboard-card");
        card.getElement().setAttribute("data-card", id);
        return card;
    }

    private static Div fact(String label, long value, String kind) {
        var number = new Span(String.valueOf(value));
        number.addClassName("dashboard-fact-number");
        var name = new Span(label);
        name.addClassName("dashboard-fact-label");
        var fact = new Div(number, name);
        fact.addClassNames("dashboard-fact", "dashboard-fact-" + kind);
        return fact;
    }
}
