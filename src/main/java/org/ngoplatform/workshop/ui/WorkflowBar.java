package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.ngoplatform.workshop.GroupOutcomes;
import org.ngoplatform.workshop.OutcomeAccess;
import org.ngoplatform.workshop.OutcomeRejectedException;
import org.ngoplatform.workshop.OutcomeService;

import java.time.ZoneId;

/** The review steps of a group's outcomes (submit, approve, lock, unlock) and the history: only those allowed now. */
class WorkflowBar extends Div {

    final Button submit = new Button();
    final Button approve = new Button();
    final Button lock = new Button();
    final Button unlock = new Button();
    final Button history = new Button();
    private final OutcomeService outcomes;
    private final long groupId;
    private final Runnable refresh;
    private GroupOutcomes current;

    /** {@code refresh}: shows the group's outcomes anew after a step. */
    WorkflowBar(OutcomeService outcomes, long groupId, ZoneId zone, Runnable refresh) {
        this.outcomes = outcomes;
        this.groupId = groupId;
        this.refresh = refresh;
        addClassName("workflow-bar");
        submit.setText(getTranslation("workflow.submit"));
        submit.setId("submit-outcomes");
        submit.addClickListener(e -> step(() -> outcomes.submit(groupId), "workflow.submitted"));
        approve.setText(getTranslation("workflow.approve"));
        approve.setId("approve-outcomes");
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        approve.addClickListener(e -> step(() -> outcomes.approve(groupId), "workflow.approved"));
        lock.setText(getTranslation("workflow.lock"));
        lock.setId("lock-outcomes");
        lock.addClickListener(e -> step(() -> outcomes.lock(groupId), "workflow.locked"));
        unlock.setText(getTranslation("workflow.unlock"));
        unlock.setId("unlock-outcomes");
        unlock.addClickListener(e -> new UnlockDialog(outcomes, groupId, refresh).open());
        history.setText(getTranslation("history.open"));
        history.setId("open-history");
        history.addClickListener(e -> new HistoryDialog(outcomes, groupId,
                current != null && current.state().editable(), zone).open());
        add(submit, approve, lock, unlock, history);
    }

    void show(GroupOutcomes snapshot, OutcomeAccess access) {
        current = snapshot;
        submit.setVisible(access.maySubmit(snapshot.state()));
        approve.setVisible(access.mayApprove(snapshot.state()));
        lock.setVisible(access.mayLock(snapshot.state()));
        unlock.setVisible(access.mayUnlock(snapshot.state()));
        history.setVisible(access.maySeeHistory());
    }

    private void step(Runnable action, String doneKey) {
        try {
            action.run();
            Notification.show(getTranslation(doneKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (OutcomeRejectedException rejected) {
            Notification.show(getTranslation(rejected.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh.run();
    }
}
