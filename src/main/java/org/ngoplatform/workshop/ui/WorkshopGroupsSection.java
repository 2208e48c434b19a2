package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.ngoplatform.edition.EditionPageSection;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The workshop groups on an edition's page. */
@Component
class WorkshopGroupsSection implements EditionPageSection {

    private final WorkshopService workshops;

    WorkshopGroupsSection(WorkshopService workshops) {
        this.workshops = workshops;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(EditionSummary edition) {
        List<WorkshopGroupSummary> groups = workshops.groupsOf(edition.id());
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        var section = new Div(new H2(ui.getTranslation("workshop.groups.title")));
        section.setId("workshop-groups");
        section.addClassName("section");
        for (WorkshopGroupSummary g : groups) {
            var card = new Div(new H3(g.title()));
            card.addClassName("group-card");
            if (g.plenary()) {
                var badge = new Span(ui.getTranslation("workshop.plenary"));
                badge.getElement().getThemeList().add("badge contrast");
                card.add(badge);
            }
            if (g.description() != null) {
                card.add(new Paragraph(g.description()));
            }
            section.add(card);
        }
        return Optional.of(section);
    }
}
