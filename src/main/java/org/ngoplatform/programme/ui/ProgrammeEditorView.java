package org.ngoplatform.programme.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ui.AriaRequired;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.base.ui.RequiredFields;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.base.ui.UnsavedChangesGuard;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.programme.Programme;
import org.ngoplatform.programme.ProgrammeRejectedException;
import org.ngoplatform.programme.ProgrammeRules;
import org.ngoplatform.programme.ProgrammeService;
import org.ngoplatform.programme.SessionForm;
import org.ngoplatform.programme.SessionKind;
import org.ngoplatform.programme.SessionSummary;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
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
        dialog = new SessionDialog(session, day);
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

    /** Add or edit one session. Keeps everything typed when a rule refuses it. */
    final class SessionDialog extends Dialog {

        final Select<SessionKind> kind = new Select<>();
        final TextField title = new TextField(getTranslation("programme.field.title"));
        final DateTimePicker startsAt = new DateTimePicker();
        final DateTimePicker endsAt = new DateTimePicker();
        final TextField room = new TextField(getTranslation("programme.field.room"));
        final TextField speakers = new TextField(getTranslation("programme.field.speakers"));
        final TextArea description = new TextArea(getTranslation("programme.field.description"));
        final Button save = new Button(getTranslation("action.save"));
        private final BeanValidationBinder<SessionForm> binder = RequiredFields.binder(SessionForm.class);
        private final SessionForm form;
        private final SessionSummary session;
        private final FieldErrors rejections;

        SessionDialog(SessionSummary session, LocalDate day) {
            this.session = session;
            ZoneId zone = programme.zone();
            ProgrammeRules.Window window = programme.window();
            if (session == null) {
                form = new SessionForm();
                LocalDate on = day != null ? day : window.firstDay();
                form.setStartsAt(on.atTime(LocalTime.of(9, 0)));
                form.setEndsAt(on.atTime(LocalTime.of(10, 0)));
            } else {
                form = SessionForm.of(session, zone);
            }
            setHeaderTitle(session == null ? getTranslation("programme.add") : getTranslation("programme.edit.title", session.title()));
            kind.setLabel(getTranslation("programme.field.kind"));
            kind.setItems(SessionKind.values());
            kind.setItemLabelGenerator(k -> getTranslation("programme.kind." + k.name()));
            kind.setId("session-kind");
            title.setMaxLength(ProgrammeRules.TITLE_MAX);
            title.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(getTranslation("validation.too-long")));
            title.setId("session-title");
            startsAt.setLabel(getTranslation("programme.field.starts", zone.getId()));
            startsAt.setId("session-starts");
            endsAt.setLabel(getTranslation("programme.field.ends", zone.getId()));
            endsAt.setId("session-ends");
            if (window.hasDates()) {
                // the picker offers only the edition's days and says so in the rule's own words
                String outside = getTranslation("programme.time.outside", ProgrammeFormat.date(window.firstDay(), getLocale()),
                        ProgrammeFormat.date(window.lastDay(), getLocale()), zone.getId());
                for (DateTimePicker picker : List.of(startsAt, endsAt)) {
                    picker.setI18n(new DateTimePicker.DateTimePickerI18n().setMinErrorMessage(outside)
                            .setMaxErrorMessage(outside).setBadInputErrorMessage(getTranslation("validation.invalid")));
                }
                startsAt.setMin(window.firstDay().atStartOfDay());
                startsAt.setMax(window.lastDay().atTime(23, 59));
                endsAt.setMin(window.firstDay().atStartOfDay());
                endsAt.setMax(window.lastDay().plusDays(1).atStartOfDay());
            }
            AriaRequired.onInputs(startsAt);
            AriaRequired.onInputs(endsAt);
            AriaRequired.onSelectButton(kind);
            room.setMaxLength(ProgrammeRules.ROOM_MAX);
            room.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(getTranslation("validation.too-long")));
            room.setHelperText(getTranslation("programme.field.room.help"));
            room.setId("session-room");
            speakers.setMaxLength(ProgrammeRules.SPEAKERS_MAX);
            speakers.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(getTranslation("validation.too-long")));
            speakers.setHelperText(getTranslation("programme.field.speakers.help"));
            speakers.setId("session-speakers");
            description.setMaxLength(ProgrammeRules.DESCRIPTION_MAX);
            description.setI18n(new TextArea.TextAreaI18n().setMaxLengthErrorMessage(getTranslation("validation.too-long")));
            description.setId("session-description");

            binder.forField(kind).bind("kind");
            binder.forField(title).bind("title");
            binder.forField(startsAt).bind("startsAt");
            binder.forField(endsAt).bind("endsAt");
            binder.forField(room).bind("room");
            binder.forField(speakers).bind("speakers");
            binder.forField(description).bind("description");
            binder.readBean(form);
            binder.addValueChangeListener(e -> guard.update());

            rejections = new FieldErrors(this, FieldErrors.notification(8000, Notification.Position.MIDDLE))
                    .on(kind, "kind").on(title, "title").on(startsAt, "startsAt").on(endsAt, "endsAt")
                    .on(room, "room").on(speakers, "speakers").on(description, "description");

            var layout = new FormLayout(kind, title, startsAt, endsAt, room, speakers, description);
            layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
            layout.setColspan(title, 2);
            layout.setColspan(speakers, 2);
            layout.setColspan(description, 2);
            add(layout);

            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("session-save");
            save.addClickListener(e -> save());
            var cancel = new Button(getTranslation("action.cancel"), e -> closeAsking());
            cancel.setId("session-cancel");
            getFooter().add(cancel, save);
            setCloseOnOutsideClick(false);
            // Esc asks first when something typed would be lost
            addDialogCloseActionListener(e -> closeAsking());
            addOpenedChangeListener(e -> guard.update());
            setWidth("min(800px, 100vw)");
        }

        boolean hasChanges() {
            return binder.hasChanges();
        }

        void closeAsking() {
            if (!hasChanges()) {
                close();
                return;
            }
            var confirm = new ConfirmDialog(getTranslation("unsaved.title"), getTranslation("unsaved.text"),
                    getTranslation("programme.discard"), e -> close());
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("unsaved.stay"));
            confirm.setId("session-discard-confirm");
            confirm.open();
        }

        void save() {
            if (!binder.writeBeanIfValid(form)) {
                return;
            }
            // the same rules the service applies, so a clash is explained next to its field at once
            var broken = ProgrammeRules.firstBroken(session == null ? null : session.id(), form, programme.window(),
                    programme.sessions());
            if (broken.isPresent()) {
                show(broken.get());
                return;
            }
            SessionSummary saved;
            try {
                saved = session == null ? programmes.add(programme.edition().id(), form) : programmes.update(session.id(), form);
            } catch (ProgrammeRejectedException rejected) {
                show(rejected);
                return;
            } catch (ObjectOptimisticLockingFailureException stale) {
                Notification.show(getTranslation("programme.stale"), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                return;
            }
            binder.readBean(form);
            close();
            guard.update();
            Notification.show(getTranslation("programme.saved", saved.title())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            reload();
        }

        private void show(ProgrammeRejectedException rejected) {
            ZoneId zone = programme.zone();
            Locale locale = getLocale();
            if (rejected.clashWith() != null) {
                SessionSummary other = rejected.clashWith();
                rejections.show(rejected, other.title(), ProgrammeFormat.date(other.day(zone), locale),
                        ProgrammeFormat.timesWithZone(other, zone, locale));
            } else if (rejected.messageKey().equals("programme.time.outside")) {
                ProgrammeRules.Window w = programme.window();
                rejections.show(rejected, ProgrammeFormat.date(w.firstDay(), locale), ProgrammeFormat.date(w.lastDay(), locale),
                        zone.getId());
            } else {
                rejections.show(rejected, zone.getId());
            }
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
