package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.ngoplatform.base.ui.RequiredFields;
import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.workshop.EntryDraft;
import org.ngoplatform.workshop.EntryType;
import org.ngoplatform.workshop.OutcomeEntry;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The fields of one outcome entry, bound to an {@link EntryDraft}; keeps what was typed until saved. */
class EntryForm extends Composite<Div> {

    final ComboBox<EntryType> type = new ComboBox<>();
    final TextArea text = new TextArea();
    final ComboBox<OrganisationRef> owner = new ComboBox<>();
    final DatePicker due = new DatePicker();
    final BeanValidationBinder<EntryDraft> binder = RequiredFields.binder(EntryDraft.class);
    private final EntryDraft draft;
    private final EntryDraft original;

    EntryForm(EntryDraft initial, List<OrganisationRef> organisations, Runnable onChange) {
        this.draft = initial.copy();
        this.original = initial.copy();
        Map<Long, OrganisationRef> byId = organisations.stream().collect(Collectors.toMap(OrganisationRef::id, Function.identity()));
        getContent().addClassName("entry-form");

        type.setLabel(getTranslation("outcome.field.type"));
        type.setItems(EntryType.values());
        type.setItemLabelGenerator(t -> getTranslation("outcome.type." + t.name()));
        text.setLabel(getTranslation("outcome.field.text"));
        text.setMaxLength(OutcomeEntry.TEXT_MAX);
        text.setMinLength(OutcomeEntry.TEXT_MIN);
        text.setI18n(new TextArea.TextAreaI18n()
                .setMinLengthErrorMessage(getTranslation("outcome.invalid-text"))
                .setMaxLengthErrorMessage(getTranslation("outcome.invalid-text")));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setHelperText(getTranslation("outcome.field.text.help", OutcomeEntry.TEXT_MAX));
        text.setWidthFull();
        owner.setLabel(getTranslation("outcome.field.owner"));
        owner.setItems(organisations);
        owner.setItemLabelGenerator(OrganisationRef::name);
        due.setLabel(getTranslation("outcome.field.due"));

        binder.forField(type).asRequired(getTranslation("validation.required")).bind("type");
        binder.forField(text).asRequired(getTranslation("validation.required"))
                .withValidator(v -> v.strip().length() >= OutcomeEntry.TEXT_MIN, getTranslation("outcome.invalid-text"))
                .bind("text");
        binder.forField(owner)
                .withValidator(v -> type.getValue() != EntryType.ACTION_POINT || v != null, getTranslation("outcome.action-point-incomplete"))
                .withConverter(ref -> ref == null ? null : ref.id(), id -> id == null ? null : byId.get(id))
                .bind("ownerOrganisationId");
        binder.forField(due)
                .withValidator(v -> type.getValue() != EntryType.ACTION_POINT || v != null, getTranslation("outcome.action-point-incomplete"))
                .bind("dueDate");
        binder.setBean(draft);
        showActionFields();
        type.addValueChangeListener(e -> showActionFields());
        binder.addValueChangeListener(e -> onChange.run());

        var actionFields = new Div(owner, due);
        actionFields.addClassName("entry-form-action");
        getContent().add(type, text, actionFields);
    }

    private void showActionFields() {
        boolean ap = type.getValue() == EntryType.ACTION_POINT;
        owner.setVisible(ap);
        due.setVisible(ap);
    }

    /** Validates; the draft when valid. */
    EntryDraft validDraft() {
        return binder.validate().isOk() ? draft.copy() : null;
    }

    void setText(String value) {
        text.setValue(value);
    }

    boolean isDirty() {
        return !Objects.equals(norm(draft.getText()), norm(original.getText()))
                || draft.getType() != original.getType()
                || !Objects.equals(draft.getOwnerOrganisationId(), original.getOwnerOrganisationId())
                || !Objects.equals(draft.getDueDate(), original.getDueDate());
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip();
    }
}
