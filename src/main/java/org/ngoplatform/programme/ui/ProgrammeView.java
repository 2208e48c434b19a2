package org.ngoplatform.programme.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.programme.Programme;
import org.ngoplatform.programme.ProgrammeService;
import org.ngoplatform.programme.SessionSummary;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The public programme of an edition (anyone, wherever the edition itself is public): one section per day in the
 * edition's zone, the zone named, each session with its own {@code .ics} and the whole programme as one. Reads on a
 * 360 px phone and prints on A4 without the app's chrome (ngo-platform.css, {@code @media print}).
 */
@Route("editions/:editionId/programme")
@AnonymousAllowed
class ProgrammeView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ProgrammeService programmes;
    private String title = "";
    /** The download of the whole programme, for tests. */
    Anchor wholeCalendar;

    ProgrammeView(ProgrammeService programmes) {
        this.programmes = programmes;
        addClassName("page");
        addClassName("programme-page");
        setId("programme");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.find(event, "editionId", programmes::programme).ifPresent(this::show);
    }

    private void show(Programme p) {
        removeAll();
        ZoneId zone = p.zone();
        title = getTranslation("programme.public.title", p.edition().title());
        wholeCalendar = ProgrammeFormat.calendarLink(() -> programmes.calendar(p.edition().id()),
                getTranslation("programme.ics.all"));
        wholeCalendar.setId("programme-ics");
        wholeCalendar.addClassName("button-link");
        var print = new Button(getTranslation("programme.print"), e -> e.getSource().getElement().executeJs("window.print()"));
        print.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        print.setId("programme-print");
        var back = new Anchor("editions/" + p.edition().id(), getTranslation("programme.back-to-edition", p.edition().title()));
        back.addClassName("no-print");
        var actions = new Div(wholeCalendar, print);
        actions.addClassName("no-print");
        add(new ViewHeader(title), back, actions);
        var zoneNote = new Paragraph(getTranslation("programme.zone-note", zone.getId()));
        zoneNote.addClassName("programme-zone");
        zoneNote.setId("programme-zone");
        add(zoneNote);
        if (p.sessions().isEmpty()) {
            var empty = new Paragraph(getTranslation("programme.public.empty"));
            empty.setId("programme-empty");
            add(empty);
            return;
        }
        for (Map.Entry<LocalDate, List<SessionSummary>> day : p.byDay().entrySet()) {
            if (day.getValue().isEmpty()) {
                continue;
            }
            var section = new Section();
            section.addClassName("programme-day");
            var heading = new H2(ProgrammeFormat.day(day.getKey(), getLocale()));
            var zoneBadge = new Span(" (" + zone.getId() + ")");
            zoneBadge.addClassName("programme-day-zone");
            heading.add(zoneBadge);
            section.add(heading);
            var list = new UnorderedList();
            list.addClassName("programme-sessions");
            for (SessionSummary s : day.getValue()) {
                list.add(session(s, zone));
            }
            section.add(list);
            add(section);
        }
    }

    private ListItem session(SessionSummary s, ZoneId zone) {
        var item = new ListItem();
        item.addClassName("programme-session");
        item.addClassName("kind-" + s.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        item.setId("session-" + s.id());
        var time = new Span(ProgrammeFormat.times(s, zone, getLocale()));
        time.addClassName("programme-time");
        var body = new Div();
        body.addClassName("programme-body");
        var kind = new Span(getTranslation("programme.kind." + s.kind().name()));
        kind.getElement().getThemeList().add("badge contrast");
        kind.addClassName("programme-kind");
        var heading = new H3(s.title());
        body.add(kind, heading);
        if (s.room() != null) {
            body.add(fact("programme.room", s.room()));
        }
        if (s.speakers() != null) {
            body.add(fact("programme.speakers", s.speakers()));
        }
        if (s.description() != null) {
            var text = new Paragraph(s.description());
            text.addClassName("programme-description");
            body.add(text);
        }
        var ics = ProgrammeFormat.calendarLink(() -> programmes.sessionCalendar(s.id()),
                getTranslation("programme.ics.one"));
        ics.getElement().setAttribute("aria-label", getTranslation("programme.ics.one.label", s.title()));
        ics.addClassName("no-print");
        ics.setId("session-ics-" + s.id());
        body.add(ics);
        item.add(time, body);
        return item;
    }

    private Paragraph fact(String labelKey, String value) {
        var p = new Paragraph();
        p.addClassName("programme-fact");
        var label = new Span(getTranslation(labelKey) + ": ");
        label.addClassName("programme-fact-label");
        p.add(label, new Span(value));
        return p;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
