package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.ngoplatform.workshop.MembershipRejectedException;
import org.ngoplatform.workshop.MembershipService;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;

import java.util.List;

/**
 * The members of the group an organiser has selected in the groups admin; each can be moved to another group of
 * the same slot, or removed. {@code changed} runs after every move or removal (the groups' counts change).
 */
class GroupMembersPanel extends Div {

    private final WorkshopService workshops;
    private final MembershipService memberships;
    private final Runnable changed;
    private WorkshopGroupSummary group;

    GroupMembersPanel(WorkshopService workshops, MembershipService memberships, Runnable changed) {
        this.workshops = workshops;
        this.memberships = memberships;
        this.changed = changed;
        setId("group-members");
        addClassName("member-list");
    }

    /** Shows {@code selected}'s members; null: a group not saved yet. */
    void show(WorkshopGroupSummary selected) {
        group = selected;
        removeAll();
        if (selected == null) {
            add(new Span(getTranslation("membership.save-first")));
            return;
        }
        if (selected.plenary()) {
            add(new Span(getTranslation("membership.plenary-everyone")));
            return;
        }
        List<MembershipService.MemberSummary> roster = memberships.roster(selected.id());
        if (roster.isEmpty()) {
            add(new Span(getTranslation("membership.roster.empty")));
            return;
        }
        List<WorkshopGroupSummary> targets = workshops.groupsOf(selected.editionId()).stream()
                .filter(g -> !g.plenary() && g.id() != selected.id() && g.slotKey().equals(selected.slotKey()))
                .toList();
        for (MembershipService.MemberSummary m : roster) {
            add(row(m, targets));
        }
    }

    private Div row(MembershipService.MemberSummary m, List<WorkshopGroupSummary> targets) {
        var name = new Span(m.organisation() == null ? m.displayName()
                : getTranslation("membership.roster.line", m.displayName(), m.organisation()));
        var moveTo = new ComboBox<WorkshopGroupSummary>();
        moveTo.setItems(targets);
        moveTo.setItemLabelGenerator(WorkshopGroupSummary::title);
        moveTo.setPlaceholder(getTranslation("membership.move-to"));
        moveTo.setAriaLabel(getTranslation("membership.move-to.label", m.displayName()));
        moveTo.setId("move-" + m.accountId());
        // no other group in the slot: nothing to move to, and an empty disabled box would only puzzle
        moveTo.setVisible(!targets.isEmpty());
        moveTo.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                act(() -> memberships.move(m.accountId(), e.getValue().id()), "membership.moved");
            }
        });
        var remove = new Button(getTranslation("membership.remove"),
                e -> act(() -> memberships.remove(m.accountId(), group.id()), "membership.removed"));
        remove.setId("remove-member-" + m.accountId());
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        var row = new Div(name, moveTo, remove);
        row.addClassName("member-row");
        return row;
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            Notification.show(getTranslation(doneKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (MembershipRejectedException rejected) {
            Notification.show(getTranslation(rejected.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        changed.run();
        show(group);
    }
}
