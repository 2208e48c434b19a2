package org.ngoplatform.export;

/** Thrown inside a running export when its owner cancelled it; the job then removes every file it made. */
public class ExportCancelledException extends RuntimeException {

    public ExportCancelledException() {
        super("Export cancelled", null, false, false);
    }
}
