package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.ngoplatform.workshop.OutcomeRejectedException;
import org.ngoplatform.base.ZonedTimes;
import org.ngoplatform.base.ui.ResponsiveGrid;
import org.ngoplatform.workshop.OutcomeService;
import org.ngoplatform.workshop.OutcomeRevisionSummary;

import java.time.ZoneId;
import java.time.format.FormatStyle;

/** Organisers: every change with author, time, before and after; an earlier text can be restored. */
class HistoryDialog extends Dialog {

    final Grid<OutcomeRevisionSummary> grid = new Grid<>();
    /** Cards instead of columns on a phone. */
    final ResponsiveGrid<OutcomeRevisionSummary> cards;

    HistoryDialog(OutcomeService outcomes, long groupId, boolean restorable, ZoneId zone) {
        setId("history-dialog");
        setHeaderTitle(getTranslation("history.title"));
        setWidth("min(1100px, 100vw)");
        // texts before and after are paragraphs: they wrap in their columns (they were cut at one line); the short
        // columns keep set widths, so the dialog does not scroll sideways; on a phone each change is a card
        grid.addClassName("wrapping-grid");
        grid.addColumn(r -> when(r, zone)).setHeader(getTranslation("history.when")).setWidth("8rem").setFlexGrow(0);
        grid.addColumn(OutcomeRevisionSummary::authorName).setHeader(getTranslation("history.who")).setWidth("8rem").setFlexGrow(0);
        grid.addColumn(this::kind).setHeader(getTranslation("history.change")).setWidth("7rem").setFlexGrow(0);
        grid.addColumn(r -> r.textBefore() == null ? "" : r.textBefore()).setHeader(getTranslation("history.before")).setWidth("10rem").setFlexGrow(1);
        grid.addColumn(r -> r.textAfter() == null ? "" : r.textAfter()).setHeader(getTranslation("history.after")).setWidth("10rem").setFlexGrow(1);
        if (restorable) {
            grid.addComponentColumn(r -> restoreButton(outcomes, groupId, r)).setAutoWidth(true).setFlexGrow(0);
        }
        cards = ResponsiveGrid.cards(grid, getTranslation("history.title"), r -> new ResponsiveGrid.Card(when(r, zone) + " · " + r.authorName())
                .fact(getTranslation("history.change"), kind(r))
                .fact(getTranslation("history.before"), r.textBefore())
                .fact(getTranslation("history.after"), r.textAfter())
                .actions(restorable ? new com.vaadin.flow.component.Component[] {restoreButton(outcomes, groupId, r)}
                        : new com.vaadin.flow.component.Component[0]));
        grid.setItems(outcomes.history(groupId));
        grid.setHeight("60vh");
        add(grid);
        getFooter().add(new Button(getTranslation("workshop.close"), e -> close()));
    }

    private String when(OutcomeRevisionSummary r, ZoneId zone) {
        return ZonedTimes.format(r.changedAt(), zone, getLocale(), FormatStyle.SHORT);
    }

    private String kind(OutcomeRevisionSummary r) {
        return getTranslation("history.kind." + r.kind());
    }

    /** Restores the text a change left (not offered for a deletion). */
    private Button restoreButton(OutcomeService outcomes, long groupId, OutcomeRevisionSummary r) {
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
    }
}
