package org.ngoplatform.export;

import java.time.Instant;

/**
 * A snapshot of a job for its owner's progress display.
 *
 * @param totalRows rows expected, or -1 when unknown
 * @param expiresAt when the finished file is deleted (null until done)
 */
public record ExportStatus(String jobId, String what, ExportState state, long rowsDone, long totalRows,
                           String fileName, long fileSize, Instant expiresAt) {

    /** 0..1, or -1 when the total is unknown. */
    public double fraction() {
        if (state == ExportState.DONE) return 1;
        return totalRows > 0 ? Math.min(1.0, (double) rowsDone / totalRows) : -1;
    }
}
