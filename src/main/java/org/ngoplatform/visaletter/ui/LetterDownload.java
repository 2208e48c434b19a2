package org.ngoplatform.visaletter.ui;

import com.vaadin.flow.server.streams.DownloadHandler;
import org.ngoplatform.base.ui.FileDownload;
import org.ngoplatform.visaletter.VisaLetterFile;
import org.ngoplatform.visaletter.VisaLetterService;

/** A visa letter as a download: asked for from the service (with the downloader's rights) when the link is used. */
final class LetterDownload {

    private LetterDownload() {
    }

    /** The signed-in participant's own letter. */
    static DownloadHandler mine(VisaLetterService letters, long editionId) {
        return FileDownload.of(() -> letters.myLetter(editionId), VisaLetterFile::fileName, VisaLetterFile::content,
                VisaLetterFile.CONTENT_TYPE);
    }

    /** One request's letter, for organisers. */
    static DownloadHandler ofRequest(VisaLetterService letters, long requestId) {
        return FileDownload.of(() -> letters.letter(requestId), VisaLetterFile::fileName, VisaLetterFile::content,
                VisaLetterFile.CONTENT_TYPE);
    }
}
