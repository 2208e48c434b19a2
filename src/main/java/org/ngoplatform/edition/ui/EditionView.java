package org.ngoplatform.edition.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.edition.EditionPageSection;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;

import java.util.Comparator;
import java.util.List;

/** Public page of one edition; other features add their sections (registration, workshop groups). */
@Route("editions/:editionId")
@AnonymousAllowed
class EditionView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final EditionService editions;
    private final List<EditionPageSection> sections;
    private String title = "";

    EditionView(EditionService editions, List<EditionPageSection> sections) {
        this.editions = editions;
        this.sections = sections.stream().sorted(Comparator.comparingInt(EditionPageSection::order)).toList();
        addClassName("page");
        setId("edition");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.find(event, "editionId", editions::find).ifPresent(this::show);
    }

    private void show(EditionSummary e) {
        removeAll();
        title = EditionFormat.place(e, getLocale()) + " " + e.year();
        add(new ViewHeader(title));
        var facts = new Div();
        facts.addClassName("edition-facts");
        facts.add(new Span(EditionFormat.when(e, getLocale())));
        if (e.venue() != null) {
            facts.add(new Span(e.venue()));
        }
        var status = new Span(getTranslation("edition.status." + e.status().name()));
        status.getElement().getThemeList().add("badge");
        facts.add(status);
        add(facts);
        if (e.description() != null) {
            add(new Paragraph(e.description()));
        }
        for (EditionPageSection section : sections) {
            section.create(e).ifPresent(this::add);
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
