package org.ngoplatform.base.ui;

import com.vaadin.flow.server.streams.DownloadHandler;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A download of a file a service writes in memory when the link is used (with the downloader's rights): its name,
 * media type and bytes, or 404 when the service has none for the person (nothing to hand out, or not theirs).
 */
public final class FileDownload {

    private FileDownload() {
    }

    public static <T> DownloadHandler of(Supplier<Optional<T>> file, Function<T, String> fileName,
                                         Function<T, byte[]> content, String contentType) {
        return event -> {
            Optional<T> found = file.get();
            if (found.isEmpty()) {
                event.getResponse().setStatus(404);
                return;
            }
            byte[] bytes = content.apply(found.get());
            event.setFileName(fileName.apply(found.get()));
            event.setContentType(contentType);
            event.setContentLength(bytes.length);
            event.getOutputStream().write(bytes);
        };
    }
}
