package org.ngoplatform.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.base.ZonedTimes;
import org.ngoplatform.base.ui.ViewerZone;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.dashboard.Dashboard;
import org.ngoplatform.dashboard.DashboardService;
import org.ngoplatform.dashboard.ToDo;
import org.ngoplatform.survey.OpenSurveySummary;

import java.util.ArrayList;
import java.util.List;

/** Where organisers land after signing in: the soonest upcoming editions' figures and what needs doing next. */
@Route("dashboard")
@RolesAllowed("ORGANISER")
@Menu(order = 0.5, title = "menu.dashboard", icon = "vaadin:dashboard")
class DashboardView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final DashboardService dashboards;

    DashboardView(DashboardService dashboards) {
        this.dashboards = dashboards;
        addClassNames("page", "dashboard");
        setId("dashboard");
    }

    /** {@code ?edition=<id>} adds that edition's figures to the soonest ones (a link from elsewhere). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String asked = event.getLocation().getQueryParameters().getSingleParameter("edition").orElse("");
        Long editionId = asked.matches("\\d{1,18}") ? Long.valueOf(asked) : null;
        removeAll();
        show(dashboards.dashboard(editionId));
    }

    private void show(Dashboard dashboard) {
        add(new ViewHeader(getTranslation("dashboard.title")));
        Translations t = this::getTranslation;

        var overall = new Div();
        overall.addClassName("dashboard-cards");
        // everything that needs doing in one list first: across editions, then each edition's, soonest edition first
        List<ToDo> toDos = new ArrayList<>(dashboard.toDos());
        dashboard.editions().forEach(e -> toDos.addAll(e.toDos()));
        overall.add(new ToDoList(toDos, t), surveys(dashboard, t), mails(dashboard, t));
        add(overall);

        if (dashboard.editions().isEmpty()) {
            var none = new Paragraph(getTranslation("dashboard.no-edition"));
            none.addClassName("muted");
            add(none);
        }
        dashboard.editions().forEach(e -> add(new EditionCard(e, getLocale(), t)));
        if (dashboard.moreEditions() > 0) {
            var more = new Paragraph(getTranslation("dashboard.more-editions", dashboard.moreEditions()) + " ");
            more.add(new Anchor("admin/editions", getTranslation("dashboard.more-editions.link")));
            more.setId("dashboard-more-editions");
            add(more);
        }
    }

    private Div surveys(Dashboard dashboard, Translations t) {
        var card = EditionCard.card("dashboard-surveys", t.get("dashboard.surveys.title"));
        card.setId("dashboard-surveys");
        if (dashboard.openSurveys().isEmpty()) {
            var none = new Paragraph(t.get("dashboard.surveys.none"));
            none.addClassName("muted");
            card.add(none);
        } else {
            var list = new UnorderedList();
            for (OpenSurveySummary s : dashboard.openSurveys()) {
                var link = new Anchor("surveys/" + s.id() + "/results", s.title());
                var count = new Span(t.get("dashboard.surveys.responses", s.responses()));
                count.addClassName("muted");
                var item = new ListItem(link, new Span(" "), count);
                if (s.closesAt() != null) {
                    var closes = new Span(" · " + t.get("dashboard.surveys.closes",
                            ZonedTimes.format(s.closesAt(), ViewerZone.current(), getLocale())));
                    closes.addClassName("muted");
                    item.add(closes);
                }
                list.add(item);
            }
            card.add(list);
        }
        card.add(new Anchor("surveys", t.get("dashboard.surveys.open")));
        return card;
    }

    private Div mails(Dashboard dashboard, Translations t) {
        var card = EditionCard.card("dashboard-mails", t.get("dashboard.mails.title"));
        var text = new Paragraph(dashboard.failedMails() == 0 ? t.get("dashboard.mails.none")
                : t.get("dashboard.mails.failed", dashboard.failedMails()));
        text.setId("dashboard-failed-mails");
        card.add(text, new Anchor("admin/outbox", t.get("dashboard.mails.open")));
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title");
    }
}
