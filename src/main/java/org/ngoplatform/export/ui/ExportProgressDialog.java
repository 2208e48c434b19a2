package org.ngoplatform.export.ui;

import org.ngoplatform.export.ExportUnavailableException;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.export.ExportState;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportFile;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import org.springframework.security.access.AccessDeniedException;

import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Shows an export's progress to its owner (pushed while the dialog is open), a cancel button, and when done
 * a download link with the time the file will be deleted. Subscribes on attach, unsubscribes on detach.
 */
public class ExportProgressDialog extends Dialog {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final transient ExportService exports;
    private final String jobId;
    final ProgressBar bar = new ProgressBar();
    final Paragraph message = new Paragraph();
    final Div downloadArea = new Div();
    final Button cancel;
    final Button close;
    private Registration subscription;
    private ExportStatus shown;

    public ExportProgressDialog(ExportService exports, ExportStatus initial) {
        this.exports = exports;
        this.jobId = initial.jobId();
        addClassName("export-dialog");
        setHeaderTitle(getTranslation("export.progress.title", initial.what()));
        setCloseOnOutsideClick(false);
        bar.setId("export-progress");
        message.setId("export-message");
        message.addClassName("export-message");
        downloadArea.addClassName("export-download");
        cancel = new Button(getTranslation("export.progress.cancel"), e -> exports.cancel(jobId));
        cancel.setId("export-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        close = new Button(getTranslation("export.progress.close"), e -> close());
        close.setId("export-close");
        add(bar, message, downloadArea);
        getFooter().add(cancel, close);
        show(initial);

        addAttachListener(e -> {
            UI ui = e.getUI();
            subscription = exports.subscribe(jobId, status -> {
                if (ui.getSession() != null && ui.getSession().hasLock()) {
                    show(status);
                } else {
                    ui.access(() -> show(status));
                }
            });
        });
        addDetachListener(e -> {
            if (subscription != null) {
                subscription.remove();
                subscription = null;
            }
        });
    }

    public String jobId() {
        return jobId;
    }

    private void show(ExportStatus status) {
        if (shown != null && shown.state().isFinal() && shown.state() != ExportState.DONE) {
            return; // nothing comes after failed/cancelled
        }
        shown = status;
        switch (status.state()) {
            case QUEUED -> {
                bar.setIndeterminate(true);
                message.setText(getTranslation("export.progress.queued"));
            }
            case RUNNING -> {
                double fraction = status.fraction();
                bar.setIndeterminate(fraction < 0);
                if (fraction >= 0) bar.setValue(fraction);
                message.setText(status.totalRows() > 0
                        ? getTranslation("export.progress.rows", status.rowsDone(), status.totalRows())
                        : getTranslation("export.progress.rows-unknown", status.rowsDone()));
            }
            case DONE -> {
                setHeaderTitle(getTranslation("export.progress.title.done", status.what()));
                bar.setIndeterminate(false);
                bar.setValue(1);
                message.setText(getTranslation("export.progress.done", status.rowsDone()));
                if (downloadArea.getChildren().findAny().isEmpty()) {
                    downloadArea.add(downloadLink(status), new Paragraph(getTranslation("export.progress.expires",
                            EXPIRY.format(status.expiresAt().atOffset(ZoneOffset.UTC)))));
                }
                cancel.setVisible(false);
            }
            case EXPIRED -> {
                downloadArea.removeAll();
                message.setText(getTranslation("export.progress.expired"));
                cancel.setVisible(false);
            }
            case FAILED -> {
                bar.setVisible(false);
                message.setText(getTranslation("export.progress.failed"));
                cancel.setVisible(false);
            }
            case CANCELLED -> {
                bar.setVisible(false);
                message.setText(getTranslation("export.progress.cancelled"));
                cancel.setVisible(false);
            }
        }
    }

    private Anchor downloadLink(ExportStatus status) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            try {
                ExportFile file = exports.download(jobId);
                return new DownloadResponse(Files.newInputStream(file.path()), file.fileName(), file.contentType(), file.size());
            } catch (ExportUnavailableException gone) {
                return DownloadResponse.error(410, gone.getMessage());
            } catch (AccessDeniedException denied) {
                return DownloadResponse.error(403);
            }
        });
        Anchor link = new Anchor(handler, AttachmentType.DOWNLOAD, getTranslation("export.progress.download", status.fileName()));
        link.setId("export-download");
        return link;
    }
}
