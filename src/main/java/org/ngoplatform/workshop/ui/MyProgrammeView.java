package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.programme.Programme;
import org.ngoplatform.programme.ProgrammeService;
import org.ngoplatform.programme.SessionKind;
import org.ngoplatform.programme.SessionSummary;
import org.ngoplatform.programme.ui.ProgrammeFormat;
import org.ngoplatform.workshop.MyProgramme;
import org.ngoplatform.workshop.MyProgrammeService;
import org.ngoplatform.workshop.WorkshopGroupSummary;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A participant's own programme: per upcoming edition they hold a confirmed seat for, the programme by day in the
 * edition's zone (named), their own group shown in each workshop slot, and the programme's {@code .ics} downloads.
 * One column at 360 px (the public programme's styles).
 */
@Route("my/programme")
@PermitAll
@Menu(order = 10.5, title = "menu.my-programme", icon = "vaadin:calendar-clock")
class MyProgrammeView extends Div implements HasDynamicTitle {

    private final ProgrammeService programmes;

    MyProgrammeView(MyProgrammeService mine, ProgrammeService programmes) {
        this.programmes = programmes;
        addClassNames("page", "narrow-page", "programme-page");
        setId("my-programme");
        add(new ViewHeader(getTranslation("my-programme.title")));
        List<MyProgramme> all = mine.mine();
        if (all.isEmpty()) {
            var none = new Paragraph(getTranslation("my-programme.empty"));
            none.addClassName("muted");
            none.setId("my-programme-empty");
            add(none, new Anchor("", getTranslation("my-programme.to-editions")));
            return;
        }
        all.forEach(this::edition);
    }

    private void edition(MyProgramme mine) {
        Programme p = mine.programme();
        long editionId = p.edition().id();
        ZoneId zone = p.zone();
        var section = new Section();
        section.addClassName("my-programme-edition");
        section.setId("my-programme-" + editionId);
        section.add(new H2(p.edition().title()));
        var whole = ProgrammeFormat.calendarLink(() -> programmes.calendar(editionId), getTranslation("my-programme.ics.all"));
        whole.setId("my-programme-ics-" + editionId);
        whole.addClassName("button-link");
        var page = new Anchor("editions/" + editionId + "/programme", getTranslation("my-programme.public"));
        var actions = new Div(whole, page);
        actions.addClassName("programme-actions");
        section.add(actions);
        var zoneNote = new Paragraph(getTranslation("my-programme.zone-note", zone.getId()));
        zoneNote.addClassName("programme-zone");
        section.add(zoneNote);
        if (p.sessions().isEmpty()) {
            section.add(new Paragraph(getTranslation("my-programme.no-sessions")));
        }
        for (Map.Entry<LocalDate, List<SessionSummary>> day : p.byDay().entrySet()) {
            if (day.getValue().isEmpty()) continue;
            var daySection = new Div();
            daySection.addClassName("programme-day");
            var heading = new H3(ProgrammeFormat.day(day.getKey(), getLocale()));
            var zoneBadge = new Span(" (" + zone.getId() + ")");
            zoneBadge.addClassName("programme-day-zone");
            heading.add(zoneBadge);
            daySection.add(heading);
            var list = new UnorderedList();
            list.addClassName("programme-sessions");
            day.getValue().forEach(s -> list.add(session(mine, s, zone)));
            daySection.add(list);
            section.add(daySection);
        }
        if (!mine.unslotted().isEmpty()) {
            var other = new Div(new H3(getTranslation("my-programme.unslotted")));
            other.addClassName("programme-day");
            for (WorkshopGroupSummary g : mine.unslotted()) {
                var line = new Paragraph(new Anchor("editions/" + editionId + "/groups/" + g.id(), g.title()));
                if (g.sessionSlot() != null) line.add(new Span(" · " + g.sessionSlot()));
                other.add(line);
            }
            section.add(other);
        }
        add(section);
    }

    private ListItem session(MyProgramme mine, SessionSummary s, ZoneId zone) {
        var item = new ListItem();
        item.addClassNames("programme-session", "kind-" + s.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        item.setId("my-session-" + s.id());
        var time = new Span(ProgrammeFormat.times(s, zone, getLocale()));
        time.addClassName("programme-time");
        var body = new Div();
        body.addClassName("programme-body");
        var title = new Span(s.title());
        title.addClassName("programme-title");
        body.add(title);
        if (s.room() != null) {
            body.add(new Paragraph(getTranslation("my-programme.room", s.room())));
        }
        if (s.kind() == SessionKind.WORKSHOP_SLOT) {
            List<WorkshopGroupSummary> groups = mine.groupsIn(s.id());
            var yours = new Paragraph();
            yours.addClassName("my-programme-group");
            yours.setId("my-group-in-" + s.id());
            var choosing = mine.choosingIn(s.id()).filter(c -> !c.published());
            if (groups.isEmpty() && choosing.isPresent()) {
                yours.add(new Span(getTranslation("my-programme.no-group")));
            } else if (groups.isEmpty()) {
                yours.add(new Span(getTranslation("my-programme.no-group") + " "),
                        new Anchor("editions/" + s.editionId(), getTranslation("my-programme.choose-group")));
            } else {
                yours.add(new Span(getTranslation("my-programme.your-group") + " "));
                for (WorkshopGroupSummary g : groups) {
                    yours.add(new Anchor("editions/" + g.editionId() + "/groups/" + g.id(), g.title()));
                    if (g.room() != null) yours.add(new Span(" (" + g.room() + ")"));
                }
            }
            body.add(yours);
            choosing.ifPresent(c -> body.add(RankingView.prompt(c, getLocale())));
        }
        var ics = ProgrammeFormat.calendarLink(() -> programmes.sessionCalendar(s.id()), getTranslation("my-programme.ics.one"));
        ics.getElement().setAttribute("aria-label", getTranslation("my-programme.ics.one.label", s.title()));
        body.add(ics);
        item.add(time, body);
        return item;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("my-programme.title");
    }
}
