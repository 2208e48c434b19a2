package org.ngoplatform.messaging.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.ui.AriaRequired;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.base.ui.ResponsiveGrid;
import org.ngoplatform.base.ui.IdRouteView;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.base.ui.ViewerZone;
import org.ngoplatform.base.ZonedTimes;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.messaging.AudienceFilter;
import org.ngoplatform.messaging.MessageForm;
import org.ngoplatform.messaging.MessageSummary;
import org.ngoplatform.messaging.MessagingRejectedException;
import org.ngoplatform.messaging.MessagingService;
import org.ngoplatform.registration.RegistrationStatus;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;

import java.util.Optional;
import java.util.EnumSet;
import java.util.Set;

/**
 * Organisers write to an edition's registrants: a filter (statuses, workshop group, country, organisation, asked for
 * a visa letter) with the number it reaches now, a preview of one mail, the send after a confirmation, the kept
 * messages with their counts, and the days before the edition its reminder goes out.
 */
@Route("admin/editions/:editionId/messages")
@RolesAllowed(Role.ORGANISER_NAME)
class MessagesView extends IdRouteView<EditionSummary> {

    final CheckboxGroup<RegistrationStatus> statuses = new CheckboxGroup<>();
    final ComboBox<WorkshopGroupSummary> group = new ComboBox<>();
    final ComboBox<String> country = new ComboBox<>();
    final TextField organisation = new TextField();
    final Checkbox visa = new Checkbox();
    final Span reach = new Span();
    final TextField subject = new TextField();
    final TextArea body = new TextArea();
    final Button preview = new Button();
    final Button send = new Button();
    final IntegerField reminderDays = new IntegerField();
    final Grid<MessageSummary> grid = new Grid<>();
    ConfirmDialog confirm;
    Dialog previewDialog;

    private final EditionService editions;
    private final MessagingService messaging;
    private final WorkshopService workshops;
    private FieldErrors errors;
    private EditionSummary edition;

    MessagesView(EditionService editions, MessagingService messaging, WorkshopService workshops) {
        super("editionId", "messages");
        this.editions = editions;
        this.messaging = messaging;
        this.workshops = workshops;
    }

    @Override
    protected Optional<EditionSummary> find(long id) {
        return editions.find(id);
    }

    @Override
    protected void enter(EditionSummary found) {
        edition = found;
        removeAll();
        String title = getTranslation("messaging.title", edition.title());
        setPageTitle(title);
        add(new ViewHeader(title, new Anchor("admin/editions/" + edition.id() + "/invitations", getTranslation("messaging.invitations.link"))));

        statuses.setLabel(getTranslation("messaging.filter.statuses"));
        statuses.setItems(RegistrationStatus.values());
        statuses.setItemLabelGenerator(s -> getTranslation("registration.status." + s.name()));
        statuses.setValue(EnumSet.of(RegistrationStatus.CONFIRMED));
        statuses.setRequiredIndicatorVisible(true);
        AriaRequired.inDescription(statuses); // role=group allows no aria-required (axe aria-allowed-attr)
        statuses.setId("messaging-statuses");
        group.setLabel(getTranslation("messaging.filter.group"));
        group.setItems(workshops.groupsOf(edition.id()));
        group.setItemLabelGenerator(WorkshopGroupSummary::title);
        group.setClearButtonVisible(true);
        group.setId("messaging-group");
        country.setLabel(getTranslation("messaging.filter.country"));
        country.setItems(Countries.codesSortedByName(getLocale()));
        country.setItemLabelGenerator(c -> Countries.name(c, getLocale()));
        country.setClearButtonVisible(true);
        country.setId("messaging-country");
        organisation.setLabel(getTranslation("messaging.filter.organisation"));
        organisation.setMaxLength(AudienceFilter.ORGANISATION_MAX);
        organisation.setValueChangeMode(ValueChangeMode.LAZY);
        organisation.setClearButtonVisible(true);
        organisation.setId("messaging-organisation");
        visa.setLabel(getTranslation("messaging.filter.visa"));
        visa.setId("messaging-visa");
        reach.setId("messaging-reach");
        reach.addClassName("messaging-reach");
        statuses.addValueChangeListener(e -> countReach());
        group.addValueChangeListener(e -> countReach());
        country.addValueChangeListener(e -> countReach());
        organisation.addValueChangeListener(e -> countReach());
        visa.addValueChangeListener(e -> countReach());
        var filters = new FormLayout(statuses, group, country, organisation, visa);
        filters.setId("messaging-filter");

        subject.setLabel(getTranslation("messaging.subject"));
        subject.setMaxLength(MessageForm.SUBJECT_MAX);
        subject.setRequiredIndicatorVisible(true);
        subject.setWidthFull();
        subject.setId("messaging-subject");
        body.setLabel(getTranslation("messaging.body"));
        body.setMaxLength(MessageForm.BODY_MAX);
        body.setRequiredIndicatorVisible(true);
        body.setWidthFull();
        body.setMinHeight("12rem");
        body.setId("messaging-body");
        preview.setText(getTranslation("messaging.preview"));
        preview.setId("messaging-preview");
        preview.addClickListener(e -> showPreview());
        send.setText(getTranslation("messaging.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("messaging-send");
        send.addClickListener(e -> confirmSend());
        errors = new FieldErrors(this, FieldErrors.notification(6000, Notification.Position.MIDDLE))
                .on(statuses, "statuses").on(group, "group").on(country, "country").on(organisation, "organisation")
                .on(subject, "subject").on(body, "body");
        subject.addValueChangeListener(e -> subject.setInvalid(false));
        body.addValueChangeListener(e -> body.setInvalid(false));
        statuses.addValueChangeListener(e -> statuses.setInvalid(false));
        var actions = new Div(preview, send);
        actions.addClassName("form-actions");
        add(new H2(getTranslation("messaging.compose")), filters, reach, subject, body, actions);

        add(new H2(getTranslation("messaging.sent")));
        var fmt = ZonedTimes.formatter(ViewerZone.current(), getLocale());
        grid.addClassName("wrapping-grid");
        grid.addColumn(m -> fmt.format(m.sentAt())).setHeader(getTranslation("messaging.col.sent-at")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::what).setHeader(getTranslation("messaging.col.subject")).setFlexGrow(2);
        grid.addColumn(m -> AudienceWords.of(m.audience(), this, getLocale())).setHeader(getTranslation("messaging.col.audience")).setFlexGrow(2);
        grid.addColumn(MessageSummary::recipients).setHeader(getTranslation("messaging.col.recipients")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(MessageSummary::sent).setHeader(getTranslation("messaging.col.delivered")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(MessageSummary::failed).setHeader(getTranslation("messaging.col.failed")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(MessageSummary::pending).setHeader(getTranslation("messaging.col.pending")).setAutoWidth(true).setFlexGrow(0);
        ResponsiveGrid.cards(grid, getTranslation("messaging.col.message"), m -> new ResponsiveGrid.Card(what(m))
                .fact(getTranslation("messaging.col.sent-at"), fmt.format(m.sentAt()))
                .fact(getTranslation("messaging.col.audience"), AudienceWords.of(m.audience(), this, getLocale()))
                .fact(getTranslation("messaging.col.counts"), getTranslation("messaging.counts", m.recipients(), m.sent(), m.failed(), m.pending())));
        long id = edition.id();
        grid.setItems(q -> messaging.messages(id, q.getOffset(), q.getLimit()).stream(), q -> (int) messaging.countMessages(id));
        grid.setEmptyStateText(getTranslation("messaging.none"));
        grid.setAllRowsVisible(true);
        grid.setId("messaging-grid");
        add(grid);

        add(new H2(getTranslation("messaging.reminder.title")));
        var hint = new Paragraph(getTranslation("messaging.reminder.hint"));
        hint.addClassName("muted");
        reminderDays.setLabel(getTranslation("messaging.reminder.days"));
        reminderDays.setMin(1);
        reminderDays.setMax(MessagingService.REMINDER_DAYS_MAX);
        reminderDays.setClearButtonVisible(true);
        reminderDays.setId("messaging-reminder-days");
        reminderDays.setValue(messaging.reminderDays(id).orElse(null));
        var saveReminder = new Button(getTranslation("messaging.reminder.save"), e -> saveReminder());
        saveReminder.setId("messaging-reminder-save");
        var reminderRow = new Div(reminderDays, saveReminder);
        reminderRow.addClassName("filter-bar");
        add(hint, reminderRow);
        countReach();
    }

    private AudienceFilter filter() {
        return new AudienceFilter(statuses.getValue() == null ? Set.of() : statuses.getValue(),
                group.getValue() == null ? null : group.getValue().id(), country.getValue(), organisation.getValue(), visa.getValue());
    }

    private MessageForm form() {
        return new MessageForm(subject.getValue(), body.getValue());
    }

    void countReach() {
        try {
            reach.setText(getTranslation("messaging.reach", messaging.audienceSize(edition.id(), filter())));
        } catch (MessagingRejectedException refused) {
            reach.setText(getTranslation(refused.messageKey()));
        }
    }

    void showPreview() {
        try {
            var mail = messaging.preview(edition.id(), filter(), form());
            if (mail.isEmpty()) {
                errors.show(new MessagingRejectedException("statuses", "messaging.audience-empty"));
                return;
            }
            previewDialog = new Dialog();
            previewDialog.setHeaderTitle(getTranslation("messaging.preview.title"));
            var to = new Paragraph(getTranslation("messaging.preview.to", mail.get().recipient()));
            var subjectLine = new Paragraph(getTranslation("messaging.preview.subject", mail.get().subject()));
            var text = new Pre(mail.get().body());
            text.setId("messaging-preview-body");
            text.addClassName("mail-preview");
            previewDialog.add(to, subjectLine, text);
            var close = new Button(getTranslation("messaging.preview.close"), e -> previewDialog.close());
            close.setId("messaging-preview-close");
            previewDialog.getFooter().add(close);
            previewDialog.setWidth("min(40rem, 95vw)");
            add(previewDialog);
            previewDialog.open();
        } catch (MessagingRejectedException refused) {
            errors.show(refused);
        }
    }

    void confirmSend() {
        int reaches;
        try {
            reaches = messaging.audienceSize(edition.id(), filter());
        } catch (MessagingRejectedException refused) {
            errors.show(refused);
            return;
        }
        confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("messaging.confirm.title"));
        confirm.setText(getTranslation("messaging.confirm.text", reaches));
        var yes = new Button(getTranslation("messaging.send"), e -> {
            confirm.close();
            doSend();
        });
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        yes.setId("messaging-confirm-send");
        confirm.setConfirmButton(yes);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("messaging.confirm.cancel"));
        confirm.setId("messaging-confirm");
        add(confirm);
        confirm.open();
    }

    void doSend() {
        try {
            MessageSummary sent = messaging.send(edition.id(), filter(), form());
            subject.clear();
            body.clear();
            subject.setInvalid(false);
            body.setInvalid(false);
            grid.getDataProvider().refreshAll();
            Notification.show(getTranslation("messaging.sent-notice", sent.recipients()), 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (MessagingRejectedException refused) {
            errors.show(refused);
        }
    }

    private void saveReminder() {
        try {
            messaging.setReminderDays(edition.id(), reminderDays.isInvalid() ? Integer.valueOf(-1) : reminderDays.getValue());
            reminderDays.setInvalid(false);
            Notification.show(getTranslation("messaging.reminder.saved"), 3000, Notification.Position.BOTTOM_START);
        } catch (MessagingRejectedException refused) {
            FieldErrors.into(reminderDays).accept(getTranslation(refused.messageKey(), MessagingService.REMINDER_DAYS_MAX));
        }
    }

    private String what(MessageSummary m) {
        return m.kind() == org.ngoplatform.messaging.MessageKind.MESSAGE ? m.subject() : getTranslation("messaging.kind." + m.kind().name());
    }
}
