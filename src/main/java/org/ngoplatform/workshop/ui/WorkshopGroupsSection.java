package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionPageSection;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The workshop groups on an edition's page, with links to outcomes, the report and (organisers) the set-up. */
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
        boolean organiser = CurrentAccount.hasRole(Role.ORGANISER);
        if (groups.isEmpty() && !organiser) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        boolean signedIn = CurrentAccount.get().isPresent();
        var section = new Div(new H2(ui.getTranslation("workshop.groups.title")));
        section.setId("workshop-groups");
        section.addClassName("section");
        var links = new Div();
        links.addClassName("section-links");
        if (signedIn) {
            var report = new Anchor("editions/" + edition.id() + "/report", ui.getTranslation("report.open"));
            report.setId("report-link");
            links.add(report);
        }
        if (organiser) {
            var manage = new Anchor("admin/editions/" + edition.id() + "/groups", ui.getTranslation("group.manage"));
            manage.setId("manage-groups-link");
            links.add(manage);
        }
        section.add(links);
        for (WorkshopGroupSummary g : groups) {
            var card = new Div(new H3(g.title()));
            card.addClassName("group-card");
            card.setId("group-" + g.id());
            if (g.plenary()) {
                var badge = new Span(ui.getTranslation("workshop.plenary"));
                badge.getElement().getThemeList().add("badge contrast");
                card.add(badge);
            }
            var facts = new Div();
            facts.addClassName("group-facts");
            if (g.sessionSlot() != null) facts.add(new Span(g.sessionSlot()));
            if (g.room() != null) facts.add(new Span(g.room()));
            if (!g.facilitatorNames().isEmpty()) {
                facts.add(new Span(ui.getTranslation("group.facilitators", String.join(", ", g.facilitatorNames()))));
            }
            card.add(facts);
            if (g.description() != null) {
                card.add(new Paragraph(g.description()));
            }
            if (signedIn && outcomesReadable(g)) {
                var open = new Anchor("editions/" + edition.id() + "/groups/" + g.id(), ui.getTranslation("group.open-outcomes"));
                open.setId("open-group-" + g.id());
                card.add(open);
            }
            section.add(card);
        }
        return Optional.of(section);
    }

    /** Mirrors the service's read rule so nobody is offered a link that ends on "access denied". */
    private static boolean outcomesReadable(WorkshopGroupSummary g) {
        return CurrentAccount.hasRole(Role.ORGANISER) || CurrentAccount.hasRole(Role.ANALYST)
                || g.state() == org.ngoplatform.workshop.WorkflowState.APPROVED
                || g.state() == org.ngoplatform.workshop.WorkflowState.LOCKED
                || (CurrentAccount.hasRole(Role.FACILITATOR)
                    && CurrentAccount.get().map(p -> g.facilitatorIds().contains(p.accountId())).orElse(false));
    }
}
