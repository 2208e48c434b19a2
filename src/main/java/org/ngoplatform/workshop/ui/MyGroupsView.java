package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A facilitator's own workshop groups, per edition, each linking to its outcomes. */
@Route("my/groups")
@RolesAllowed(Role.FACILITATOR_NAME)
@Menu(order = 11, title = "menu.my-groups", icon = "vaadin:group")
class MyGroupsView extends Div implements HasDynamicTitle {

    MyGroupsView(WorkshopService workshops, EditionService editions) {
        addClassNames("page", "narrow-page");
        setId("my-groups");
        add(new ViewHeader(getTranslation("my-groups.title")));
        List<WorkshopGroupSummary> mine = workshops.facilitatedByMe();
        if (mine.isEmpty()) {
            var none = new Paragraph(getTranslation("my-groups.empty"));
            none.addClassName("muted");
            add(none);
            return;
        }
        Map<Long, Div> perEdition = new LinkedHashMap<>();
        for (WorkshopGroupSummary g : mine) {
            Div list = perEdition.computeIfAbsent(g.editionId(), id -> {
                var section = new Div(new H2(editions.find(id).map(EditionSummary::title).orElse("")));
                add(section);
                return section;
            });
            var link = new Anchor("editions/" + g.editionId() + "/groups/" + g.id(), g.title());
            var line = new Div(link);
            if (!g.slotLabel(getLocale()).isBlank()) {
                var slot = new Paragraph(g.slotLabel(getLocale()));
                slot.addClassName("muted");
                line.add(slot);
            }
            list.add(line);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("my-groups.title");
    }
}
