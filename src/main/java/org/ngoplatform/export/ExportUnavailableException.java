package org.ngoplatform.export;

/** The export is unknown, not finished, or its file has expired and was deleted. */
public class ExportUnavailableException extends RuntimeException {

    public ExportUnavailableException(String message) {
        super(message);
    }
}
