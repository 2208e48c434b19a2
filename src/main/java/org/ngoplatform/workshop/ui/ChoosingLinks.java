package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.ngoplatform.workshop.ChoosingProgress;
import org.ngoplatform.workshop.GroupSlot;
import org.ngoplatform.workshop.WorkshopGroupSummary;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** On the groups admin: each workshop slot that holds groups, how far its ranked choosing is, and a link to run it. */
class ChoosingLinks extends Div {

    ChoosingLinks(List<GroupSlot> slots, List<WorkshopGroupSummary> groups, List<ChoosingProgress> progress) {
        setId("choosing-links");
        Map<Long, ChoosingProgress> bySlot = progress.stream()
                .collect(Collectors.toMap(p -> p.choosing().sessionId(), Function.identity()));
        var list = new UnorderedList();
        for (GroupSlot slot : slots) {
            if (groups.stream().noneMatch(g -> !g.plenary() && Long.valueOf(slot.sessionId()).equals(g.programmeSessionId()))) {
                continue;
            }
            ChoosingProgress p = bySlot.get(slot.sessionId());
            var item = new ListItem(ChoosingAdminView.link(slot.sessionId(), slot.label(getLocale())));
            item.add(new Span(" · " + (p == null ? getTranslation("choosing.links.none")
                    : p.choosing().published() ? getTranslation("choosing.links.published")
                    : getTranslation("choosing.links.open", p.ranked(), p.confirmed(), p.choosing().closes(getLocale())))));
            list.add(item);
        }
        if (list.getChildren().findAny().isEmpty()) {
            add(new Paragraph(getTranslation("choosing.links.no-slots")));
        } else {
            add(new Paragraph(getTranslation("choosing.links.intro")), list);
        }
    }
}
