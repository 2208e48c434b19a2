package org.ngoplatform.export.ui;

import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportBusyException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import java.util.function.Supplier;

/**
 * A button that starts an export through the feature's own service (which checks permissions and calls
 * {@link ExportService#start}) and opens an {@link ExportProgressDialog} for it.
 */
public class ExportButton extends Button {

    private ExportProgressDialog dialog;

    public ExportButton(String label, ExportService exports, Supplier<ExportStatus> starter) {
        super(label, new Icon(VaadinIcon.DOWNLOAD_ALT));
        addClickListener(e -> {
            ExportStatus status;
            try {
                status = starter.get();
            } catch (ExportBusyException busy) {
                Notification.show(getTranslation("export.busy"), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_WARNING);
                return;
            }
            dialog = new ExportProgressDialog(exports, status);
            dialog.open();
        });
    }

    /** The dialog of the last export started here (for tests). */
    public ExportProgressDialog dialog() {
        return dialog;
    }
}
