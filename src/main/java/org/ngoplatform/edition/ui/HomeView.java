package org.ngoplatform.edition.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.edition.PublicEditions;

import java.util.List;

/** Public home: what the platform is, the next editions first, then the past ones. */
@Route("")
@AnonymousAllowed
@Menu(order = 0, title = "menu.home", icon = "vaadin:home")
class HomeView extends Div implements HasDynamicTitle {

    HomeView(EditionService editions, AuthenticationContext authContext) {
        addClassName("page");
        setId("home");
        add(new ViewHeader(getTranslation("home.title")));
        add(new Paragraph(getTranslation("home.intro")));

        add(new H2(getTranslation("home.upcoming")));
        PublicEditions shown = editions.publicEditions();
        List<EditionSummary> upcoming = shown.upcoming();
        if (upcoming.isEmpty() && authContext.hasRole("ORGANISER")) {
            add(new FirstSteps());
        } else if (upcoming.isEmpty()) {
            var none = new Paragraph(getTranslation("home.upcoming.none"));
            none.addClassName("muted");
            add(none);
        } else {
            add(cards("upcoming-editions", upcoming));
        }

        add(new H2(getTranslation("home.past")));
        add(cards("past-editions", shown.past()));
    }

    private Div cards(String id, List<EditionSummary> list) {
        var container = new Div();
        container.setId(id);
        container.addClassName("edition-cards");
        for (EditionSummary e : list) {
            var link = new RouterLink(EditionView.class, new RouteParameters("editionId", String.valueOf(e.id())));
            link.add(new H3(EditionFormat.place(e, getLocale())));
            var card = new Div(link, new Span(EditionFormat.when(e, getLocale())));
            var status = new Span(getTranslation("edition.status." + e.status().name()));
            status.getElement().getThemeList().add("badge");
            card.add(status);
            card.addClassName("edition-card");
            container.add(card);
        }
        return container;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name");
    }
}
