package org.ngoplatform.registration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import org.ngoplatform.base.SingleLineText;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.registration.Registration;
import org.ngoplatform.registration.RegistrationAdminService;
import org.ngoplatform.registration.RegistrationRejectedException;
import org.ngoplatform.registration.RegistrationSummary;

/**
 * An organiser promotes someone from the waiting list or cancels a registration, with the reason the audit log
 * keeps. A refusal about the reason shows next to it, any other (the seat went meanwhile) as a notification; the
 * dialog stays open with the reason typed. {@code done} runs after the change.
 */
final class RegistrationReasonDialog extends Dialog {

    final TextArea reason = new TextArea();
    final Button ok = new Button();

    private final FieldErrors rejections;

    RegistrationReasonDialog(RegistrationSummary row, boolean promote, RegistrationAdminService registrations, Runnable done) {
        setHeaderTitle(getTranslation(promote ? "organiser.promote.title" : "organiser.cancel.title",
                SingleLineText.isolate(row.name())));
        if (promote) {
            add(new Paragraph(getTranslation("organiser.promote.text")));
        }
        reason.setLabel(getTranslation("organiser.reason"));
        reason.setMaxLength(Registration.REASON_MAX);
        reason.setRequired(true);
        reason.setWidthFull();
        reason.setId("reason");
        add(reason);
        rejections = new FieldErrors(this, FieldErrors.notification(6000, Notification.Position.MIDDLE)).on(reason, "reason");
        ok.setText(getTranslation(promote ? "organiser.promote" : "organiser.cancel"));
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (!promote) {
            ok.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        ok.setId("reason-ok");
        ok.addClickListener(e -> {
            if (reason.getValue().isBlank()) {
                rejections.show("reason", getTranslation("validation.required"));
                return;
            }
            try {
                if (promote) {
                    registrations.promoteByOrganiser(row.id(), reason.getValue());
                } else {
                    registrations.cancelByOrganiser(row.id(), reason.getValue());
                }
            } catch (RegistrationRejectedException rejected) {
                rejections.show(rejected);
                return;
            }
            close();
            done.run();
            Notification.show(getTranslation(promote ? "organiser.promoted" : "organiser.cancelled"))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), ok);
    }
}
