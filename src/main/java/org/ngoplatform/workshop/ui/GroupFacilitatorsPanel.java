package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.AccountSummary;
import org.ngoplatform.workshop.WorkshopGroupRejectedException;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;

import java.util.function.Consumer;

/**
 * The facilitators of the group an organiser has selected in the groups admin: one chip each with Remove, and a
 * picker of the accounts that can sign in. A refusal shows next to the picker; every change goes to {@code changed}.
 */
class GroupFacilitatorsPanel extends Div {

    final ComboBox<AccountSummary> pick = new ComboBox<>();
    final Button add = new Button();
    final Div chips = new Div();

    private final WorkshopService workshops;
    private final AccountService accounts;
    private final Consumer<WorkshopGroupSummary> changed;
    private WorkshopGroupSummary group;

    GroupFacilitatorsPanel(WorkshopService workshops, AccountService accounts, Consumer<WorkshopGroupSummary> changed) {
        this.workshops = workshops;
        this.accounts = accounts;
        this.changed = changed;
        pick.setLabel(getTranslation("group.facilitator.pick"));
        pick.setItemLabelGenerator(a -> a.displayName() + " <" + a.email() + ">");
        pick.setItems(q -> accounts.pageEnabled(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        pick.setId("facilitator-pick");
        pick.setWidth("min(100%, 28em)");
        add.setText(getTranslation("group.facilitator.add"));
        add.setId("facilitator-add");
        add.addClickListener(e -> add());
        chips.addClassName("chips");
        var row = new Div(pick, add);
        row.addClassName("inline-form");
        add(chips, row);
    }

    /** Shows {@code selected}'s facilitators; null: a group not saved yet, which cannot have any. */
    void show(WorkshopGroupSummary selected) {
        group = selected;
        pick.setEnabled(selected != null);
        add.setEnabled(selected != null);
        pick.setInvalid(false);
        chips.removeAll();
        if (selected == null) {
            chips.add(new Span(getTranslation("group.facilitators.save-first")));
            return;
        }
        var ids = selected.facilitatorIds().stream().sorted().toList();
        var names = accounts.displayNames(ids);
        for (Long id : ids) {
            var remove = new Button(getTranslation("group.facilitator.remove"),
                    e -> changed(workshops.removeFacilitator(group.id(), id)));
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            var chip = new Div(new Span(names.getOrDefault(id, "#" + id)), remove);
            chip.addClassName("chip");
            chips.add(chip);
        }
    }

    private void add() {
        if (group == null || pick.getValue() == null) {
            refuse("validation.required");
            return;
        }
        try {
            WorkshopGroupSummary updated = workshops.addFacilitator(group.id(), pick.getValue().id());
            pick.clear();
            changed(updated);
            Notification.show(getTranslation("group.facilitator.added")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (WorkshopGroupRejectedException rejected) {
            refuse(rejected.messageKey());
        }
    }

    private void refuse(String messageKey) {
        pick.setInvalid(true);
        pick.setErrorMessage(getTranslation(messageKey));
    }

    private void changed(WorkshopGroupSummary updated) {
        changed.accept(updated);
        show(updated);
    }
}
