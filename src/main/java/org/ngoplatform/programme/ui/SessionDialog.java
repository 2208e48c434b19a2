package org.ngoplatform.programme.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import org.ngoplatform.base.ui.AriaRequired;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.base.ui.RequiredFields;
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

/**
 * Add or edit one session of a programme. Keeps everything typed when a rule refuses it: {@link ProgrammeRules}
 * explains a clash or a time outside the edition next to the field before anything is sent, the service checks again.
 */
final class SessionDialog extends Dialog {

    private final ProgrammeService programmes;
    private final Programme programme;
    /** Tells the view's unsaved-text guard that what is typed changed. */
    private final Runnable typed;
    /** Shows the programme again after a save. */
    private final Runnable saved;

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

    SessionDialog(ProgrammeService programmes, Programme programme, SessionSummary session, LocalDate day,
            Runnable typed, Runnable saved) {
        this.programmes = programmes;
        this.programme = programme;
        this.typed = typed;
        this.saved = saved;
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
        binder.addValueChangeListener(e -> typed.run());

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
        addOpenedChangeListener(e -> typed.run());
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
        SessionSummary stored;
        try {
            stored = session == null ? programmes.add(programme.edition().id(), form) : programmes.update(session.id(), form);
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
        typed.run();
        Notification.show(getTranslation("programme.saved", stored.title())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        saved.run();
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

