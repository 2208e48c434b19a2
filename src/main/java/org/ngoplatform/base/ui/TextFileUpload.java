package org.ngoplatform.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A box for one small text file (a list of addresses as CSV or plain text), kept in memory, with every text of the
 * upload component in the viewer's language (Vaadin's own are English). The file's name and bytes reach
 * {@code received} on the UI's thread; a file over {@code maxBytes} or of another type is refused by the component
 * before it is sent (the page shows its own message through {@link Upload#addFileRejectedListener}).
 */
public final class TextFileUpload {

    private TextFileUpload() {
    }

    public static Upload of(long maxBytes, Function<String, String> translate, BiConsumer<String, byte[]> received) {
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory(
                (meta, bytes) -> ui.access(() -> received.accept(meta.fileName(), bytes))));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
        upload.setI18n(i18n(translate));
        return upload;
    }

    /** Every text of Vaadin's upload component, from the {@code upload.*} keys. */
    static UploadI18N i18n(Function<String, String> t) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t.apply("upload.drop.one")).setMany(t.apply("upload.drop.many")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t.apply("upload.add.one")).setMany(t.apply("upload.add.many")));
        i18n.setFile(new UploadI18N.File().setRetry(t.apply("upload.file.retry")).setStart(t.apply("upload.file.start"))
                .setRemove(t.apply("upload.file.remove")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(t.apply("upload.error.too-many"))
                .setFileIsTooBig(t.apply("upload.error.too-big")).setIncorrectFileType(t.apply("upload.error.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(t.apply("upload.status.connecting"))
                        .setStalled(t.apply("upload.status.stalled")).setProcessing(t.apply("upload.status.processing"))
                        .setHeld(t.apply("upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(t.apply("upload.remaining.prefix")).setUnknown(t.apply("upload.remaining.unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(t.apply("upload.error.server-unavailable"))
                        .setUnexpectedServerError(t.apply("upload.error.server"))
                        .setForbidden(t.apply("upload.error.forbidden"))
                        .setFileTooLarge(t.apply("upload.error.too-big"))));
        i18n.setUnits(List.of(t.apply("upload.unit.b"), t.apply("upload.unit.kb"), t.apply("upload.unit.mb"),
                t.apply("upload.unit.gb"), t.apply("upload.unit.tb")));
        return i18n;
    }
}
