package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.base.ZonedTimes;
import org.ngoplatform.base.i18n.MessagesI18NProvider;
import org.ngoplatform.base.ui.TextFileUpload;
import org.ngoplatform.base.ui.AriaRequired;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.base.ui.ResponsiveGrid;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.base.ui.ViewerZone;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationStatus;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.invite.AddressList;
import org.ngoplatform.survey.invite.AddressesRejectedException;
import org.ngoplatform.survey.invite.InvitationCounts;
import org.ngoplatform.survey.invite.InvitationRejectedException;
import org.ngoplatform.survey.invite.InvitationResult;
import org.ngoplatform.survey.invite.SurveyInvitationService;
import org.ngoplatform.survey.invite.SurveyInvitationSummary;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Invitations to a survey: paste or upload addresses (wrong lines named with their numbers next to the field), or
 * invite an edition's registrants; counts invited / started / completed (an anonymous survey: invited / link used
 * only); reminders to those who have not answered, after a confirmation; the invited people, paged lazily.
 */
@Route("surveys/:surveyId/invitations")
@RolesAllowed({"ANALYST", "ORGANISER"})
class SurveyInvitationsView extends SurveyRouteView implements HasDynamicTitle {

    final TextArea list = new TextArea();
    final Select<String> language = new Select<>();
    final Button invite = new Button();
    final Div problems = new Div();
    final Select<EditionSummary> edition = new Select<>();
    final CheckboxGroup<RegistrationStatus> statuses = new CheckboxGroup<>();
    final Button inviteRegistrants = new Button();
    final Button remind = new Button();
    final Paragraph counts = new Paragraph();
    final Grid<SurveyInvitationSummary> grid = new Grid<>();
    ConfirmDialog confirm;
    Upload upload;
    private byte[] uploaded;

    private final SurveyInvitationService invitations;
    private final EditionService editions;
    private FieldErrors errors;
    private long surveyId;
    private String title = "";

    SurveyInvitationsView(SurveyBuilderService builder, SurveyInvitationService invitations, EditionService editions) {
        super(builder);
        this.invitations = invitations;
        this.editions = editions;
        addClassName("page");
        setId("survey-invitations");
    }

    @Override
    protected void enter(OpenedSurvey opened) {
        removeAll();
        surveyId = opened.id();
        title = getTranslation("survey.invite.title", opened.summary().title());
        add(new ViewHeader(title, new Anchor("surveys/" + surveyId + "/edit", getTranslation("survey.invite.back"))));
        counts.setId("invitation-counts");
        add(counts);

        add(new H2(getTranslation("survey.invite.new")));
        var hint = new Paragraph(getTranslation("survey.invite.hint", AddressList.MAX_ADDRESSES, AddressList.MAX_BYTES / 1000));
        hint.addClassName("muted");
        list.setLabel(getTranslation("survey.invite.list"));
        list.setMaxLength(AddressList.MAX_CHARS);
        list.setWidthFull();
        list.setMinHeight("8rem");
        list.setId("invitation-list");
        list.addValueChangeListener(e -> list.setInvalid(false));
        upload = TextFileUpload.of(AddressList.MAX_BYTES, key -> getTranslation(key), (name, bytes) -> uploaded = bytes);
        upload.addFileRejectedListener(e -> errors.show("addresses", getTranslation("survey.invite.too-long", AddressList.MAX_LINES, AddressList.MAX_BYTES / 1000)));
        upload.addFileRemovedListener(e -> uploaded = null);
        upload.setId("invitation-upload");
        language.setLabel(getTranslation("survey.invite.language"));
        language.setItems(MessagesI18NProvider.LOCALES.stream().map(Locale::getLanguage).toList());
        language.setItemLabelGenerator(code -> Locale.of(code).getDisplayLanguage(Locale.of(code)));
        language.setValue(List.of("de", "ru").contains(getLocale().getLanguage()) ? getLocale().getLanguage() : "en");
        language.setId("invitation-language");
        invite.setText(getTranslation("survey.invite.send"));
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        invite.setId("invitation-send");
        invite.addClickListener(e -> invite());
        problems.setId("invitation-problems");
        problems.addClassName("form-problems");
        add(hint, list, upload, language, problems, invite);

        add(new H2(getTranslation("survey.invite.registrants")));
        List<EditionSummary> all = new ArrayList<>(editions.upcoming());
        all.addAll(editions.past());
        edition.setLabel(getTranslation("survey.invite.edition"));
        edition.setItems(all);
        edition.setItemLabelGenerator(EditionSummary::title);
        edition.setRequiredIndicatorVisible(true);
        AriaRequired.onSelectButton(edition); // role=button allows no aria-required (axe aria-allowed-attr)
        edition.setId("invitation-edition");
        statuses.setLabel(getTranslation("survey.invite.statuses"));
        statuses.setItems(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED);
        statuses.setItemLabelGenerator(s -> getTranslation("survey.invite.status." + s.name()));
        statuses.setValue(EnumSet.of(RegistrationStatus.CONFIRMED));
        statuses.setRequiredIndicatorVisible(true);
        AriaRequired.inDescription(statuses); // role=group allows no aria-required (axe aria-allowed-attr)
        statuses.setId("invitation-statuses");
        inviteRegistrants.setText(getTranslation("survey.invite.send-registrants"));
        inviteRegistrants.setId("invitation-send-registrants");
        inviteRegistrants.addClickListener(e -> inviteRegistrants());
        add(edition, statuses, inviteRegistrants);

        add(new H2(getTranslation("survey.invite.sent")));
        var rule = invitations.reminderRule();
        var reminderHint = new Paragraph(getTranslation(opened.summary().anonymity() == org.ngoplatform.survey.SurveyAnonymity.ANONYMOUS
                ? "survey.invite.remind-hint-anonymous" : "survey.invite.remind-hint", rule.maxReminders(), rule.minGap().toHours()));
        reminderHint.addClassName("muted");
        remind.setId("invitation-remind");
        remind.addClickListener(e -> confirmReminder());
        var fmt = ZonedTimes.formatter(ViewerZone.current(), getLocale());
        grid.addColumn(SurveyInvitationSummary::email).setHeader(getTranslation("survey.invite.col.email")).setFlexGrow(2);
        grid.addColumn(i -> getTranslation("survey.invite.shown." + i.status().name())).setHeader(getTranslation("survey.invite.col.status")).setAutoWidth(true);
        grid.addColumn(SurveyInvitationSummary::reminders).setHeader(getTranslation("survey.invite.col.reminders")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> fmt.format(i.lastMailedAt())).setHeader(getTranslation("survey.invite.col.mailed")).setAutoWidth(true).setFlexGrow(0);
        // on a phone each invitation is a card: the address and the mailing time side by side do not fit 360 px
        ResponsiveGrid.cards(grid, getTranslation("survey.invite.sent"), i -> new ResponsiveGrid.Card(i.email())
                .fact(getTranslation("survey.invite.col.status"), getTranslation("survey.invite.shown." + i.status().name()))
                .fact(getTranslation("survey.invite.col.reminders"), String.valueOf(i.reminders()))
                .fact(getTranslation("survey.invite.col.mailed"), fmt.format(i.lastMailedAt())));
        grid.setItems(q -> invitations.invitations(surveyId, q.getOffset(), q.getLimit()).stream(),
                q -> (int) invitations.counts(surveyId).invited());
        grid.setEmptyStateText(getTranslation("survey.invite.none"));
        grid.setHeight("24rem");
        grid.setId("invitation-grid");
        add(reminderHint, remind, grid);

        errors = new FieldErrors(this, FieldErrors.into(list)).on(list, "addresses").on(edition, "edition").on(statuses, "statuses")
                .on(language, "language");
        refreshCounts();
    }

    void invite() {
        problems.removeAll();
        list.setInvalid(false);
        try {
            InvitationResult result = uploaded != null
                    ? invitations.inviteFile(surveyId, uploaded, language.getValue())
                    : invitations.inviteAddresses(surveyId, list.getValue(), language.getValue());
            list.clear();
            uploaded = null;
            upload.clearFileList();
            done(result);
        } catch (AddressesRejectedException wrong) {
            errors.show(wrong, wrong.count());
            var lines = new UnorderedList();
            wrong.mistakes().forEach(m -> lines.add(new ListItem(getTranslation("survey.invite.line", m.line(), m.text()))));
            problems.add(lines);
        } catch (InvitationRejectedException refused) {
            errors.show(refused, refused.params());
        }
    }

    void inviteRegistrants() {
        edition.setInvalid(false);
        statuses.setInvalid(false);
        if (edition.getValue() == null) {
            errors.show("edition", getTranslation("survey.invite.edition-required"));
            return;
        }
        try {
            done(invitations.inviteRegistrants(surveyId, edition.getValue().id(), statuses.getValue()));
        } catch (InvitationRejectedException refused) {
            errors.show(refused, refused.params());
        }
    }

    void confirmReminder() {
        long due = invitations.counts(surveyId).remindable();
        confirm = new ConfirmDialog();
        confirm.setId("invitation-remind-confirm");
        confirm.setHeader(getTranslation("survey.invite.remind-confirm.title"));
        confirm.setText(getTranslation("survey.invite.remind-confirm.text", due));
        var yes = new Button(getTranslation("survey.invite.remind", due), e -> {
            confirm.close();
            sendReminders();
        });
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        yes.setId("invitation-remind-yes");
        confirm.setConfirmButton(yes);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("survey.invite.cancel"));
        add(confirm);
        confirm.open();
    }

    void sendReminders() {
        try {
            int sent = invitations.remind(surveyId);
            Notification.show(getTranslation("survey.invite.reminded", sent), 6000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvitationRejectedException refused) {
            Notification.show(getTranslation(refused.messageKey(), refused.params()), 6000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        grid.getDataProvider().refreshAll();
        refreshCounts();
    }

    private void done(InvitationResult result) {
        grid.getDataProvider().refreshAll();
        refreshCounts();
        Notification.show(getTranslation("survey.invite.done", result.invited(), result.already(), result.duplicates()),
                6000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void refreshCounts() {
        InvitationCounts c = invitations.counts(surveyId);
        counts.setText(c.anonymous() ? getTranslation("survey.invite.counts-anonymous", c.invited(), c.started())
                : getTranslation("survey.invite.counts", c.invited(), c.started(), c.completed()));
        remind.setText(getTranslation("survey.invite.remind", c.remindable()));
        remind.setEnabled(c.remindable() > 0);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
