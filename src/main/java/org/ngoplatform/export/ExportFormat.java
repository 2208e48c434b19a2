package org.ngoplatform.export;

/** File formats an export can produce. */
public enum ExportFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv; charset=UTF-8"),
    /** Several files in one download, e.g. data plus the script that reads it into statistics software. */
    ZIP("zip", "application/zip");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() { return extension; }
    public String contentType() { return contentType; }
}
