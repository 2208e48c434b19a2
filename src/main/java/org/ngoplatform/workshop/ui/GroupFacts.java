package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.ngoplatform.workshop.GroupOutcomes;
import org.ngoplatform.workshop.WorkflowState;

/** A group's slot, room, workflow state and facilitators, in one line under the title. */
class GroupFacts extends Div {

    GroupFacts() {
        addClassName("edition-facts");
    }

    void show(GroupOutcomes snapshot) {
        removeAll();
        var g = snapshot.group();
        if (!g.slotLabel(getLocale()).isEmpty()) {
            var slot = new Span(g.slotLabel(getLocale()));
            slot.setId("group-slot-label");
            add(slot);
        }
        if (g.room() != null) add(new Span(g.room()));
        var state = new Span(getTranslation("workflow.state." + snapshot.state().name()));
        state.getElement().getThemeList().add(snapshot.state() == WorkflowState.DRAFT ? "badge" : "badge success");
        state.setId("workflow-state");
        add(state);
        if (!g.facilitatorNames().isEmpty()) {
            add(new Span(getTranslation("group.facilitators", String.join(", ", g.facilitatorNames()))));
        }
    }
}
