package org.ngoplatform.export;

/**
 * Something happened to an export job: it started, finished, failed, was cancelled or its file was downloaded
 * ({@code action} is one of {@link ExportService#STARTED}, {@link ExportService#FINISHED},
 * {@link ExportService#CANCELLED}, {@link ExportService#FAILED}, {@link ExportService#DOWNLOADED}, or {@link ExportService#ABANDONED} for an export an
 * earlier run left unfinished, published once the application is ready).
 *
 * <p>Published synchronously, in the thread (and so the transaction, if any) where it happened, so a listener that
 * records it does so exactly when the act takes place, and a listener's failure reaches the export as before.
 * Export does not know who listens; the audit log does.
 */
public record ExportEvent(String action, String subject, String details) {
}
