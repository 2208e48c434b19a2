package org.ngoplatform.messaging.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
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
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ZonedTimes;
import org.ngoplatform.base.i18n.MessagesI18NProvider;
import org.ngoplatform.base.ui.TextFileUpload;
import org.ngoplatform.base.ui.IdRouteView;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.base.ui.ViewerZone;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.messaging.InvitationList;
import org.ngoplatform.messaging.InvitationResult;
import org.ngoplatform.messaging.InvitationService;
import org.ngoplatform.messaging.InvitationSummary;
import org.ngoplatform.messaging.InvitationsRejectedException;
import org.ngoplatform.messaging.MessagingRejectedException;

import java.util.Optional;
import java.util.Locale;

/**
 * Organisers invite people to register: a list of addresses pasted or uploaded as CSV (limits in the hint), the
 * language of the invitation mail, whether only invited addresses may register, and the invited addresses so far.
 */
@Route("admin/editions/:editionId/invitations")
@RolesAllowed(Role.ORGANISER_NAME)
class InvitationsView extends IdRouteView<EditionSummary> {

    final TextArea list = new TextArea();
    final Select<String> language = new Select<>();
    final Button invite = new Button();
    final Checkbox invitationOnly = new Checkbox();
    final Div problems = new Div();
    final Span file = new Span();
    final Grid<InvitationSummary> grid = new Grid<>();
    Upload upload;
    /** The uploaded file, used instead of the pasted text until it is sent or removed. */
    private byte[] uploaded;

    private final EditionService editions;
    private final InvitationService invitations;
    private EditionSummary edition;

    InvitationsView(EditionService editions, InvitationService invitations) {
        super("editionId", "invitations");
        this.editions = editions;
        this.invitations = invitations;
    }

    @Override
    protected Optional<EditionSummary> find(long id) {
        return editions.find(id);
    }

    @Override
    protected void enter(EditionSummary found) {
        edition = found;
        removeAll();
        String title = getTranslation("messaging.invitations.title", edition.title());
        setPageTitle(title);
        add(new ViewHeader(title, new Anchor("admin/editions/" + edition.id() + "/messages", getTranslation("messaging.section.messages"))));

        invitationOnly.setLabel(getTranslation("messaging.invitations.only"));
        invitationOnly.setValue(invitations.isInvitationOnly(edition.id()));
        invitationOnly.setId("invitation-only");
        invitationOnly.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                invitations.setInvitationOnly(edition.id(), e.getValue());
                Notification.show(getTranslation(e.getValue() ? "messaging.invitations.only-on" : "messaging.invitations.only-off"),
                        4000, Notification.Position.BOTTOM_START);
            }
        });
        add(invitationOnly);

        add(new H2(getTranslation("messaging.invitations.new")));
        var hint = new Paragraph(getTranslation("messaging.invitations.hint", InvitationList.MAX_ADDRESSES,
                InvitationList.MAX_BYTES / 1000));
        hint.addClassName("muted");
        list.setLabel(getTranslation("messaging.invitations.list"));
        list.setMaxLength(InvitationList.MAX_CHARS);
        list.setWidthFull();
        list.setMinHeight("8rem");
        list.setId("invitation-list");
        list.addValueChangeListener(e -> list.setInvalid(false));

        upload = TextFileUpload.of(InvitationList.MAX_BYTES, key -> getTranslation(key), (name, bytes) -> {
            uploaded = bytes;
            file.setText(getTranslation("messaging.invitations.file", name));
        });
        upload.addFileRejectedListener(e -> showProblem(getTranslation("messaging.invitations.too-long")));
        upload.addFileRemovedListener(e -> {
            uploaded = null;
            file.setText("");
        });
        upload.setId("invitation-upload");
        file.setId("invitation-file");

        language.setLabel(getTranslation("messaging.invitations.language"));
        language.setItems(MessagesI18NProvider.LOCALES.stream().map(Locale::getLanguage).toList());
        language.setItemLabelGenerator(code -> Locale.of(code).getDisplayLanguage(Locale.of(code)));
        language.setValue(getLocale().getLanguage().equals("de") || getLocale().getLanguage().equals("ru") ? getLocale().getLanguage() : "en");
        language.setId("invitation-language");

        invite.setText(getTranslation("messaging.invitations.send"));
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        invite.setId("invitation-send");
        invite.addClickListener(e -> invite());
        problems.setId("invitation-problems");
        problems.addClassName("form-problems");
        add(hint, list, upload, file, language, problems, invite);

        add(new H2(getTranslation("messaging.invitations.sent")));
        var fmt = ZonedTimes.formatter(ViewerZone.current(), getLocale());
        grid.addColumn(InvitationSummary::email).setHeader(getTranslation("messaging.invitations.col.email")).setFlexGrow(2);
        grid.addColumn(i -> fmt.format(i.invitedAt())).setHeader(getTranslation("messaging.invitations.col.at")).setAutoWidth(true).setFlexGrow(0);
        long id = edition.id();
        grid.setItems(q -> invitations.invitations(id, q.getOffset(), q.getLimit()).stream(), q -> (int) invitations.countInvitations(id));
        grid.setEmptyStateText(getTranslation("messaging.invitations.none"));
        grid.setHeight("24rem");
        grid.setId("invitation-grid");
        add(grid);
    }

    void invite() {
        problems.removeAll();
        try {
            InvitationResult result = uploaded != null
                    ? invitations.inviteFile(edition.id(), uploaded, language.getValue())
                    : invitations.invite(edition.id(), list.getValue(), language.getValue());
            list.clear();
            uploaded = null;
            file.setText("");
            upload.clearFileList();
            grid.getDataProvider().refreshAll();
            Notification.show(getTranslation("messaging.invitations.done", result.invited(), result.alreadyInvited(), result.duplicates()),
                    6000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvitationsRejectedException wrong) {
            showProblem(getTranslation(wrong.messageKey(), wrong.count()));
            var entries = new UnorderedList();
            wrong.mistakes().forEach(m -> entries.add(new ListItem(m)));
            problems.add(entries);
        } catch (MessagingRejectedException refused) {
            showProblem(getTranslation(refused.messageKey(), InvitationList.MAX_ADDRESSES, InvitationList.MAX_BYTES / 1000));
        }
    }

    private void showProblem(String message) {
        list.setInvalid(true);
        list.setErrorMessage(message);
        problems.add(new Paragraph(message));
    }
}
