package org.ngoplatform.export;

/**
 * What a writer tells the job running it: rows written, and whether to stop. Writers call
 * {@link #rowWritten()} once per data row, which throws {@link ExportCancelledException} once cancelled.
 */
public interface ExportMonitor {

    ExportMonitor NONE = new ExportMonitor() {
        @Override public void rowWritten() { }
        @Override public boolean isCancelled() { return false; }
        @Override public void expectRows(long total) { }
    };

    /** Counts one data row; throws {@link ExportCancelledException} if the export was cancelled. */
    void rowWritten();

    boolean isCancelled();

    /** Tells the progress display how many rows to expect in total (when known only after starting). */
    void expectRows(long total);

    /** For loops that do work between rows (reading a page): stops if cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new ExportCancelledException();
        }
    }
}
