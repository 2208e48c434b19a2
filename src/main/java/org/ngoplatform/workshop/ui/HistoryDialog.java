package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.ngoplatform.workshop.OutcomeRejectedException;
import org.ngoplatform.base.ZonedTimes;
import org.ngoplatform.workshop.OutcomeService;
import org.ngoplatform.workshop.OutcomeRevisionSummary;

import java.time.ZoneId;
import java.time.format.FormatStyle;

/** Organisers: every change with author, time, before and after; an earlier text can be restored. */
class HistoryDialog extends Dialog {

    final Grid<OutcomeRevisionSummary> grid = new Grid<>();

    HistoryDialog(OutcomeService outcomes, long groupId, boolean restorable, ZoneId zone) {
        setId("history-dialog");
        setHeaderTitle(getTranslation("history.title"));
        setWidth("min(1100px, 100vw)");
        grid.addColumn(r -> ZonedTimes.format(r.changedAt(), zone, getLocale(), FormatStyle.SHORT)).setHeader(getTranslation("history.when")).setAutoWidth(true);
        grid.addColumn(OutcomeRevisionSummary::authorName).setHeader(getTranslation("history.who")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("history.kind." + r.kind())).setHeader(getTranslation("history.change")).setAutoWidth(true);
        grid.addColumn(r -> r.textBefore() == null ? "" : r.textBefore()).setHeader(getTranslation("history.before")).setFlexGrow(1);
        grid.addColumn(r -> r.textAfter() == null ? "" : r.textAfter()).setHeader(getTranslation("history.after")).setFlexGrow(1);
        if (restorable) {
            grid.addComponentColumn(r -> {
                var restore = new Button(getTranslation("history.restore"), e -> {
                    try {
                        outcomes.restore(r.id());
                        Notification.show(getTranslation("history.restored")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        grid.setItems(outcomes.history(groupId));
                    } catch (OutcomeRejectedException rejected) {
                        Notification.show(getTranslation(rejected.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                });
                restore.addThemeVariants(ButtonVariant.LUMO_SMALL);
                restore.setVisible(!"DELETED".equals(r.kind()));
                return restore;
            }).setAutoWidth(true);
        }
        grid.setItems(outcomes.history(groupId));
        grid.setHeight("60vh");
        add(grid);
        getFooter().add(new Button(getTranslation("workshop.close"), e -> close()));
    }
}
