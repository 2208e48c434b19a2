package org.ngoplatform.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.BeforeLeaveEvent;

import java.io.Serializable;
import java.util.function.BooleanSupplier;

/**
 * Keeps typed text from being lost: while the form has unsaved text, closing or reloading the tab brings up the
 * browser's own "leave page?" prompt, and navigating away inside the app asks first (Leave / Stay).
 * <p>
 * The view calls {@link #update()} whenever the text may have changed (a value change, a save) and passes its
 * {@code beforeLeave} on to {@link #beforeLeave(BeforeLeaveEvent)}.
 */
public class UnsavedChangesGuard implements Serializable {

    private final Component host;
    private final BooleanSupplier unsaved;
    private boolean armed;

    /** {@code host}: a component of the page; {@code unsaved}: whether anything typed is not saved. */
    public UnsavedChangesGuard(Component host, BooleanSupplier unsaved) {
        this.host = host;
        this.unsaved = unsaved;
    }

    public boolean hasUnsavedText() {
        return unsaved.getAsBoolean();
    }

    /** Arms the browser's "leave page?" prompt while something typed is not saved, and disarms it after. */
    public void update() {
        boolean dirty = hasUnsavedText();
        if (dirty == armed) return;
        armed = dirty;
        host.getElement().executeJs("window.ngoUnsaved = $0;"
                + "if (!window.ngoUnsavedGuard) { window.ngoUnsavedGuard = true;"
                + " window.addEventListener('beforeunload', function (e) { if (window.ngoUnsaved) { e.preventDefault(); e.returnValue = ''; } }); }",
                dirty);
    }

    /** Postpones a navigation away while text is unsaved, until the person chooses to leave. */
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!hasUnsavedText()) return;
        var action = event.postpone();
        var dialog = new ConfirmDialog(host.getTranslation("unsaved.title"), host.getTranslation("unsaved.text"),
                host.getTranslation("unsaved.leave"), e -> {
            armed = false;
            host.getElement().executeJs("window.ngoUnsaved = false;");
            action.proceed();
        });
        dialog.setCancelable(true);
        dialog.setCancelText(host.getTranslation("unsaved.stay"));
        dialog.setId("unsaved-dialog");
        dialog.open();
    }
}
