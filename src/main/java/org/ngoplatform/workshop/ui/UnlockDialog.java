package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import org.ngoplatform.workshop.OutcomeRejectedException;
import org.ngoplatform.workshop.OutcomeService;

/** Takes a group's outcomes back to draft, with the reason that goes to the audit log (organisers). */
class UnlockDialog extends Dialog {

    UnlockDialog(OutcomeService outcomes, long groupId, Runnable onUnlocked) {
        setId("unlock-dialog");
        setHeaderTitle(getTranslation("workflow.unlock.title"));
        var reason = new TextArea(getTranslation("workflow.unlock.reason"));
        reason.setId("unlock-reason");
        reason.setMaxLength(OutcomeService.REASON_MAX);
        reason.setMinLength(OutcomeService.REASON_MIN);
        reason.setRequired(true);
        reason.setI18n(new TextArea.TextAreaI18n()
                .setRequiredErrorMessage(getTranslation("workflow.reason-required"))
                .setMinLengthErrorMessage(getTranslation("workflow.reason-required"))
                .setMaxLengthErrorMessage(getTranslation("workflow.reason-required")));
        reason.setWidthFull();
        add(new Paragraph(getTranslation("workflow.unlock.text")), reason);
        var confirm = new Button(getTranslation("workflow.unlock"), e -> {
            try {
                outcomes.unlock(groupId, reason.getValue());
                close();
                Notification.show(getTranslation("workflow.unlocked")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                onUnlocked.run();
            } catch (OutcomeRejectedException rejected) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation(rejected.messageKey()));
            }
        });
        confirm.setId("unlock-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    }
}
