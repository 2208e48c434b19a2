package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import org.ngoplatform.base.ui.RequiredFields;
import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.organisation.OrganisationService;
import org.ngoplatform.workshop.OutcomeEntrySummary;
import org.ngoplatform.workshop.JointActionForm;
import org.ngoplatform.workshop.JointActionStatus;
import org.ngoplatform.workshop.JointActionSummary;
import org.ngoplatform.workshop.JointActionRejectedException;
import org.ngoplatform.workshop.WorkshopReportService;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Organisers compose a joint action from approved action points. */
class JointActionDialog extends Dialog {

    final TextField title = new TextField();
    final TextArea description = new TextArea();
    final DatePicker date = new DatePicker();
    final ComboBox<OrganisationRef> lead = new ComboBox<>();
    final MultiSelectComboBox<OrganisationRef> supporters = new MultiSelectComboBox<>();
    final ComboBox<JointActionStatus> status = new ComboBox<>();
    final MultiSelectComboBox<OutcomeEntrySummary> sources = new MultiSelectComboBox<>();
    final Button save = new Button();
    final BeanValidationBinder<JointActionForm> binder = RequiredFields.binder(JointActionForm.class);

    JointActionDialog(WorkshopReportService reports, OrganisationService organisationService, long editionId,
                      JointActionSummary existing, Runnable onSaved) {
        setId("joint-action-dialog");
        setHeaderTitle(getTranslation(existing == null ? "joint.new" : "joint.edit"));
        setWidth("min(720px, 100vw)");
        List<OrganisationRef> orgs = organisationService.approved();
        Map<Long, OrganisationRef> orgById = orgs.stream().collect(Collectors.toMap(OrganisationRef::id, Function.identity()));
        List<OutcomeEntrySummary> points = new ArrayList<>(reports.approvedActionPoints(editionId));
        if (existing != null) {
            existing.sources().stream().filter(s -> points.stream().noneMatch(p -> p.id() == s.id())).forEach(points::add);
        }
        Map<Long, OutcomeEntrySummary> pointById = points.stream().collect(Collectors.toMap(OutcomeEntrySummary::id, Function.identity()));

        title.setLabel(getTranslation("joint.field.title"));
        title.setMaxLength(JointActionForm.TITLE_MAX);
        title.setId("joint-title");
        title.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(getTranslation("validation.too-long")));
        description.setLabel(getTranslation("joint.field.description"));
        description.setMaxLength(JointActionForm.DESCRIPTION_MAX);
        description.setI18n(new TextArea.TextAreaI18n().setMaxLengthErrorMessage(getTranslation("validation.too-long")));
        description.setId("joint-description");
        date.setLabel(getTranslation("joint.field.date"));
        lead.setLabel(getTranslation("joint.field.lead"));
        lead.setItems(orgs);
        lead.setItemLabelGenerator(OrganisationRef::name);
        lead.setId("joint-lead");
        supporters.setLabel(getTranslation("joint.field.supporters"));
        supporters.setItems(orgs);
        supporters.setItemLabelGenerator(OrganisationRef::name);
        status.setLabel(getTranslation("joint.field.status"));
        status.setItems(JointActionStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("joint.status." + s.name()));
        status.setAllowCustomValue(false);
        sources.setLabel(getTranslation("joint.field.sources"));
        sources.setItems(points);
        sources.setItemLabelGenerator(OutcomeEntrySummary::text);

        binder.forField(title).asRequired(getTranslation("validation.required")).bind("title");
        binder.forField(description).bind("description");
        binder.forField(date).bind("date");
        binder.forField(lead).asRequired(getTranslation("validation.required"))
                .withConverter(r -> r == null ? null : r.id(), id -> id == null ? null : orgById.get(id)).bind("leadOrganisationId");
        binder.forField(supporters)
                .withConverter(set -> set.stream().map(OrganisationRef::id).collect(Collectors.toSet()),
                        ids -> ids.stream().map(orgById::get).filter(Objects::nonNull).collect(Collectors.toSet()))
                .bind("supporterIds");
        binder.forField(status).asRequired(getTranslation("validation.required")).bind("status");
        binder.forField(sources)
                .withConverter(set -> set.stream().map(OutcomeEntrySummary::id).collect(Collectors.toSet()),
                        ids -> ids.stream().map(pointById::get).filter(Objects::nonNull).collect(Collectors.toSet()))
                .bind("sourceEntryIds");

        JointActionForm form = new JointActionForm();
        if (existing != null) {
            form.setTitle(existing.title());
            form.setDescription(existing.description() == null ? "" : existing.description());
            form.setDate(existing.date());
            form.setLeadOrganisationId(existing.leadOrganisationId());
            form.setSupporterIds(new HashSet<>(existing.supporterIds()));
            form.setStatus(existing.status());
            Set<Long> src = existing.sources().stream().map(OutcomeEntrySummary::id).collect(Collectors.toSet());
            form.setSourceEntryIds(src);
        }
        binder.setBean(form);

        var layout = new FormLayout(title, date, lead, status, supporters, sources, description);
        layout.setColspan(description, 2);
        layout.setColspan(sources, 2);
        add(layout);
        save.setText(getTranslation("action.save"));
        save.setId("joint-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (!binder.validate().isOk()) return;
            try {
                reports.saveJointAction(existing == null ? null : existing.id(), editionId, binder.getBean());
                close();
                onSaved.run();
                Notification.show(getTranslation("joint.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (JointActionRejectedException rejected) {
                String message = getTranslation(rejected.messageKey());
                if ("joint.invalid.title".equals(rejected.messageKey())) {
                    title.setInvalid(true);
                    title.setErrorMessage(message);
                } else if ("joint.invalid.description".equals(rejected.messageKey())) {
                    description.setInvalid(true);
                    description.setErrorMessage(message);
                }
                Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
