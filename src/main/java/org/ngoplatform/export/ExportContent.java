package org.ngoplatform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;

/**
 * Writes one export's bytes. Implementations read their data page by page, call the monitor per row (the
 * writers here do that) and never close {@code out}.
 */
@FunctionalInterface
public interface ExportContent {

    void write(OutputStream out, ExportMonitor monitor) throws IOException;

    /** Fills a workbook; temp files are deleted whatever happens. */
    @FunctionalInterface
    interface WorkbookBody {
        void fill(WorkbookWriter workbook) throws IOException;
    }

    /** Fills a CSV file. */
    @FunctionalInterface
    interface CsvBody {
        void fill(CsvWriter csv) throws IOException;
    }

    static ExportContent xlsx(WorkbookOptions options, WorkbookBody body) {
        return (out, monitor) -> {
            try (WorkbookWriter workbook = WorkbookWriter.create(options.withMonitor(monitor))) {
                body.fill(workbook);
                workbook.writeTo(out);
            }
        };
    }

    static ExportContent xlsx(WorkbookBody body) {
        return xlsx(WorkbookOptions.defaults(), body);
    }

    static ExportContent csv(ZoneId zone, CsvBody body) {
        return (out, monitor) -> {
            CsvWriter csv = new CsvWriter(out, monitor, zone);
            body.fill(csv);
            csv.flush();
        };
    }
}
