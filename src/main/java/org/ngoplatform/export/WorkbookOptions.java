package org.ngoplatform.export;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Tuning of a {@link WorkbookWriter}. The defaults suit every export of the platform; the benchmark varies
 * them to measure their cost.
 *
 * @param rowWindow          rows kept in memory per streamed sheet before they are flushed to a temp file
 * @param compressTempFiles  gzip the temp files (less disk for large exports, costs time; see performance.md)
 * @param deflateLevel       zip level of the final .xlsx (0–9); 4 is much faster than POI's 6 for ~5% more bytes
 * @param widthSampleRows    data rows sampled per sheet to size the columns
 * @param truncationMarker   appended to text cut at Excel's 32,767-character cell limit
 * @param zone               zone in which instants are shown as date-time cells
 * @param monitor            receives row counts and is asked whether to stop
 */
public record WorkbookOptions(int rowWindow, boolean compressTempFiles, int deflateLevel, int widthSampleRows,
                              String truncationMarker, ZoneId zone, ExportMonitor monitor) {

    public static final int DEFAULT_ROW_WINDOW = 200;

    public WorkbookOptions {
        if (rowWindow < 1) throw new IllegalArgumentException("rowWindow < 1");
        if (deflateLevel < 0 || deflateLevel > 9) throw new IllegalArgumentException("deflateLevel not in 0..9");
        if (widthSampleRows < 0) throw new IllegalArgumentException("widthSampleRows < 0");
        Objects.requireNonNull(truncationMarker, "truncationMarker");
        if (truncationMarker.length() > 100) throw new IllegalArgumentException("truncationMarker too long");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(monitor, "monitor");
    }

    public static WorkbookOptions defaults() {
        return new WorkbookOptions(DEFAULT_ROW_WINDOW, true, 4, 200, " […truncated]", ZoneId.of("UTC"), ExportMonitor.NONE);
    }

    public WorkbookOptions withMonitor(ExportMonitor m) {
        return new WorkbookOptions(rowWindow, compressTempFiles, deflateLevel, widthSampleRows, truncationMarker, zone, m);
    }

    public WorkbookOptions withCompressTempFiles(boolean compress) {
        return new WorkbookOptions(rowWindow, compress, deflateLevel, widthSampleRows, truncationMarker, zone, monitor);
    }

    public WorkbookOptions withDeflateLevel(int level) {
        return new WorkbookOptions(rowWindow, compressTempFiles, level, widthSampleRows, truncationMarker, zone, monitor);
    }

    public WorkbookOptions withZone(ZoneId z) {
        return new WorkbookOptions(rowWindow, compressTempFiles, deflateLevel, widthSampleRows, truncationMarker, z, monitor);
    }
}
