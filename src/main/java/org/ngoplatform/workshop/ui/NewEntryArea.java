package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.ngoplatform.workshop.EntryDraft;
import org.ngoplatform.workshop.EntryType;
import org.ngoplatform.workshop.OutcomeRejectedException;
import org.ngoplatform.workshop.WorkflowState;

import java.util.ArrayList;
import java.util.List;

/** The form for a group's next outcome, below the entries; a note instead once the outcomes are read-only. */
class NewEntryArea extends Div {

    final H2 heading = new H2();
    final Button addButton = new Button();
    EntryForm form;
    private final GroupOutcomesEditing page;

    NewEntryArea(GroupOutcomesEditing page) {
        this.page = page;
        setId("add-area");
        addClassName("entry-add");
        heading.setText(getTranslation("outcome.new"));
        addButton.setText(getTranslation("outcome.add"));
        addButton.setId("add-entry");
        addButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addButton.addClickListener(e -> add());
        form = newForm();
    }

    private EntryForm newForm() {
        EntryForm f = new EntryForm(new EntryDraft(EntryType.KEY_POINT, "", null, null), page.organisations(), page.onTextChange());
        f.setId("new-entry-form");
        f.text.setId("new-entry-text");
        f.type.setId("new-entry-type");
        return f;
    }

    /** {@code editable}: the caller may add entries in this state. */
    void show(WorkflowState state, boolean editable) {
        setVisible(editable);
        if (editable) {
            Children.replace(this, List.of(heading, form, addButton));
        } else if (state != WorkflowState.DRAFT) {
            setVisible(true);
            List<Component> readOnly = new ArrayList<>(List.of(new Paragraph(getTranslation("workflow.read-only"))));
            if (form.isDirty()) {
                // locked while someone was typing: keep their text on screen
                readOnly.add(form);
            }
            Children.replace(this, readOnly);
        } else {
            removeAll();
        }
    }

    boolean hasUnsavedText() {
        return form != null && form.isDirty();
    }

    private void add() {
        EntryDraft draft = form.validDraft();
        if (draft == null) return;
        try {
            page.outcomes().add(page.groupId(), draft);
            form = newForm();
            page.onTextChange().run();
            page.refresh().run();
            // the Add button was re-attached with the fresh form and lost the focus: start the next outcome
            form.type.focus();
            Notification.show(getTranslation("outcome.added")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (OutcomeRejectedException rejected) {
            Notification.show(getTranslation(rejected.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
