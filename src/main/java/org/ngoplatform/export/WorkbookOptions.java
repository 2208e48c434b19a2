package org.ngoplatform.export;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Tuning of a {@link WorkbookWriter}. The defaults suit every export of the platform; the benchmark varies
 * them to measure their cost.
 *
 * @param rowWindow          rows kept in memory per streamed sheet before they are flushed to a temp file
 * @param compressTempFilesBelowFreeBytes gzip a sheet's temp file only when the temp folder has less usable space
 *                           than this (0: never, {@link Long#MAX_VALUE}: always); gzip costs about half of the
 *                           export's CPU for space freed seconds later (docs/performance.md, "Excel export")
 * @param tunedSheetWriter   write the sheet XML with {@link TunedSheetDataWriter} (same bytes as POI's writer, a
 *                           fraction of its CPU); {@code false} only to measure POI's own writer
 * @param deflateLevel       zip level of the final .xlsx (0–9); 4 is much faster than POI's 6 for ~5% more bytes
 * @param widthSampleRows    data rows sampled per sheet to size the columns
 * @param truncationMarker   appended to text cut at Excel's 32,767-character cell limit
 * @param zone               zone in which instants are shown as date-time cells
 * @param monitor            receives row counts and is asked whether to stop
 */
public record WorkbookOptions(int rowWindow, long compressTempFilesBelowFreeBytes, boolean tunedSheetWriter,
                              int deflateLevel, int widthSampleRows,
                              String truncationMarker, ZoneId zone, ExportMonitor monitor) {

    public static final int DEFAULT_ROW_WINDOW = 200;

    /**
     * Temp files stay plain while the temp folder has at least this much usable space. A plain temp file takes
     * about 55 bytes a cell (measured: 100,000 rows × 30 columns of survey answers, 166 MB); Excel's largest sheet
     * (1,048,575 rows) of 50 columns is then ~2.9 GB, and two exports run at once (ngo.export.threads), so below
     * 8 GB free the temp files are gzipped (a fifth of that size) rather than risk filling the disk.
     */
    public static final long DEFAULT_COMPRESS_BELOW_FREE_BYTES = 8L << 30;

    public WorkbookOptions {
        if (rowWindow < 1) throw new IllegalArgumentException("rowWindow < 1");
        if (compressTempFilesBelowFreeBytes < 0) throw new IllegalArgumentException("compressTempFilesBelowFreeBytes < 0");
        if (deflateLevel < 0 || deflateLevel > 9) throw new IllegalArgumentException("deflateLevel not in 0..9");
        if (widthSampleRows < 0) throw new IllegalArgumentException("widthSampleRows < 0");
        Objects.requireNonNull(truncationMarker, "truncationMarker");
        if (truncationMarker.length() > 100) throw new IllegalArgumentException("truncationMarker too long");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(monitor, "monitor");
    }

    public static WorkbookOptions defaults() {
        return new WorkbookOptions(DEFAULT_ROW_WINDOW, DEFAULT_COMPRESS_BELOW_FREE_BYTES, true, 4, 200, " […truncated]", ZoneId.of("UTC"), ExportMonitor.NONE);
    }

    public WorkbookOptions withMonitor(ExportMonitor m) {
        return new WorkbookOptions(rowWindow, compressTempFilesBelowFreeBytes, tunedSheetWriter, deflateLevel, widthSampleRows, truncationMarker, zone, m);
    }

    /** Always ({@code true}) or never ({@code false}) gzip the temp files, whatever the free space. */
    public WorkbookOptions withCompressTempFiles(boolean compress) {
        return withCompressTempFilesBelowFreeBytes(compress ? Long.MAX_VALUE : 0);
    }

    public WorkbookOptions withCompressTempFilesBelowFreeBytes(long bytes) {
        return new WorkbookOptions(rowWindow, bytes, tunedSheetWriter, deflateLevel, widthSampleRows, truncationMarker, zone, monitor);
    }

    public WorkbookOptions withTunedSheetWriter(boolean tuned) {
        return new WorkbookOptions(rowWindow, compressTempFilesBelowFreeBytes, tuned, deflateLevel, widthSampleRows, truncationMarker, zone, monitor);
    }

    public WorkbookOptions withDeflateLevel(int level) {
        return new WorkbookOptions(rowWindow, compressTempFilesBelowFreeBytes, tunedSheetWriter, level, widthSampleRows, truncationMarker, zone, monitor);
    }

    public WorkbookOptions withZone(ZoneId z) {
        return new WorkbookOptions(rowWindow, compressTempFilesBelowFreeBytes, tunedSheetWriter, deflateLevel, widthSampleRows, truncationMarker, z, monitor);
    }
}
