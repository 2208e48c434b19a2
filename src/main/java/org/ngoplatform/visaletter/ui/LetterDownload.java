package org.ngoplatform.visaletter.ui;

import com.vaadin.flow.server.streams.DownloadHandler;
import org.ngoplatform.visaletter.VisaLetterFile;
import org.ngoplatform.visaletter.VisaLetterService;

import java.util.Optional;
import java.util.function.Supplier;

/** A visa letter as a download: asked for from the service (with the downloader's rights) when the link is used. */
final class LetterDownload {

    private LetterDownload() {
    }

    /** The signed-in participant's own letter. */
    static DownloadHandler mine(VisaLetterService letters, long editionId) {
        return of(() -> letters.myLetter(editionId));
    }

    /** One request's letter, for organisers. */
    static DownloadHandler ofRequest(VisaLetterService letters, long requestId) {
        return of(() -> letters.letter(requestId));
    }

    private static DownloadHandler of(Supplier<Optional<VisaLetterFile>> letter) {
        return event -> {
            Optional<VisaLetterFile> file = letter.get();
            if (file.isEmpty()) {
                event.getResponse().setStatus(404);
                return;
            }
            event.setFileName(file.get().fileName());
            event.setContentType(VisaLetterFile.CONTENT_TYPE);
            event.setContentLength(file.get().content().length);
            event.getOutputStream().write(file.get().content());
        };
    }
}
