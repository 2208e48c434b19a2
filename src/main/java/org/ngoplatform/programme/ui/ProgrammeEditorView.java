package org.ngoplatform.programme.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.base.ui.UnsavedChangesGuard;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.programme.Programme;
import org.ngoplatform.programme.ProgrammeRules;
import org.ngoplatform.programme.ProgrammeService;
import org.ngoplatform.programme.SessionSummary;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Organisers build an edition's programme day by day (one section per day of the edition, in its zone): add, edit
 * and delete sessions in a dialog. {@link ProgrammeRules} explains a clash or a time outside the edition next to
 * the field before anything is sent; the service checks again. Typed text in an open dialog is guarded.
 */
@Route("admin/editions/:editionId/programme")
@RolesAllowed(Role.ORGANISER_NAME)
class ProgrammeEditorView extends Div implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private final ProgrammeService programmes;
    final Button add = new Button();
    final Div days = new Div();
    /** The open dialog, for tests. */
    SessionDialog dialog;
    private Programme programme;
    private String title = "";
    private final UnsavedChangesGuard guard = new UnsavedChangesGuard(this,
            () -> dialog != null && dialog.isOpened() && dialog.hasChanges());

    ProgrammeEditorView(ProgrammeService programmes) {
        this.programmes = programmes;
        addClassName("page");
        addClassName("programme-editor");
        setId("programme-editor");
        add.setText(getTranslation("programme.add"));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("programme-add");
        add.addClickListener(e -> open(null, null));
        days.setId("programme-days");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.find(event, "editionId", programmes::programme).ifPresent(this::show);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        guard.beforeLeave(event);
    }

    private void reload() {
        programmes.programme(programme.edition().id()).ifPresent(this::show);
    }

    private void show(Programme p) {
        programme = p;
        removeAll();
        days.removeAll();
        ZoneId zone = p.zone();
        title = getTranslation("programme.editor.title", p.edition().title());
        var publicPage = new Anchor("editions/" + p.edition().id() + "/programme", getTranslation("programme.editor.public"));
        publicPage.addClassName("button-link");
        publicPage.setId("programme-public-link");
        add(new ViewHeader(title, add, publicPage));
        var zoneNote = new Paragraph(getTranslation("programme.zone-note", zone.getId()));
        zoneNote.setId("programme-zone");
        add(zoneNote);
        if (!p.window().hasDates()) {
            add.setEnabled(false);
            var noDates = new Paragraph(getTranslation("programme.edition.no-dates"));
            noDates.setId("programme-no-dates");
            add(noDates, new Anchor("admin/editions", getTranslation("programme.editor.to-editions")));
            return;
        }
        add.setEnabled(true);
        for (Map.Entry<LocalDate, List<SessionSummary>> day : p.byDay().entrySet()) {
            days.add(day(day.getKey(), day.getValue(), zone));
        }
        add(days);
    }

    private Section day(LocalDate date, List<SessionSummary> sessions, ZoneId zone) {
        var section = new Section();
        section.addClassName("programme-day");
        section.setId("day-" + date);
        var heading = new H2(ProgrammeFormat.day(date, getLocale()));
        var zoneBadge = new Span(" (" + zone.getId() + ")");
        zoneBadge.addClassName("programme-day-zone");
        heading.add(zoneBadge);
        var addHere = new Button(getTranslation("programme.add-on-day"), e -> open(null, date));
        addHere.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        addHere.getElement().setAttribute("aria-label", getTranslation("programme.add-on-day.label", ProgrammeFormat.day(date, getLocale())));
        addHere.setId("add-on-" + date);
        var head = new Div(heading, addHere);
        head.addClassName("programme-day-head");
        section.add(head);
        if (sessions.isEmpty()) {
            section.add(new Paragraph(getTranslation("programme.day.empty")));
            return section;
        }
        var list = new UnorderedList();
        list.addClassName("programme-sessions");
        for (SessionSummary s : sessions) {
            var item = new ListItem();
            item.addClassName("programme-session");
            item.setId("session-" + s.id());
            var time = new Span(ProgrammeFormat.times(s, zone, getLocale()));
            time.addClassName("programme-time");
            var kind = new Span(getTranslation("programme.kind." + s.kind().name()));
            kind.getElement().getThemeList().add("badge contrast");
            var name = new Span(s.title());
            name.addClassName("programme-title");
            var body = new Div(kind, name);
            body.addClassName("programme-body");
            if (s.room() != null) {
                body.add(new Span(getTranslation("programme.room") + ": " + s.room()));
            }
            if (s.speakers() != null) {
                body.add(new Span(getTranslation("programme.speakers") + ": " + s.speakers()));
            }
            var edit = new Button(getTranslation("programme.edit"), e -> open(s, null));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.getElement().setAttribute("aria-label", getTranslation("programme.edit.label", s.title()));
            edit.setId("edit-" + s.id());
            var delete = new Button(getTranslation("programme.delete"), e -> askDelete(s));
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.getElement().setAttribute("aria-label", getTranslation("programme.delete.label", s.title()));
            delete.setId("delete-" + s.id());
            var actions = new Div(edit, delete);
            actions.addClassName("programme-actions");
            item.add(time, body, actions);
            list.add(item);
        }
        section.add(list);
        return section;
    }

    void open(SessionSummary session, LocalDate day) {
        dialog = new SessionDialog(programmes, programme, session, day, guard::update, this::reload);
        dialog.open();
    }

    void askDelete(SessionSummary s) {
        var confirm = new ConfirmDialog(getTranslation("programme.delete.title", s.title()),
                getTranslation("programme.delete.text"), getTranslation("programme.delete"), e -> {
            programmes.cancel(s.id());
            Notification.show(getTranslation("programme.deleted", s.title())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            reload();
        });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setId("programme-delete-confirm");
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
