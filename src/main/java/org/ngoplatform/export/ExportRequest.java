package org.ngoplatform.export;

import java.util.Objects;

/**
 * What a feature asks to export, and what goes into the audit log about it.
 *
 * @param what              short description for the audit log and the progress dialog ("Participant list")
 * @param subject           audit subject, e.g. {@code edition:12} or {@code survey:7}
 * @param fileBaseName      file name without extension; sanitised to [A-Za-z0-9._-]
 * @param format            xlsx or csv
 * @param expectedRows      rows the caller expects (small exports run inline), or -1 if unknown
 * @param filter            the filter applied, in words, for the audit log ("" when none)
 * @param identityIncluded  whether names/emails or special-category data are in the file
 */
public record ExportRequest(String what, String subject, String fileBaseName, ExportFormat format,
                            long expectedRows, String filter, boolean identityIncluded) {

    public ExportRequest {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(format, "format");
        fileBaseName = fileBaseName == null ? "export" : fileBaseName.replaceAll("[^A-Za-z0-9._-]+", "-");
        if (fileBaseName.isBlank() || fileBaseName.length() > 100) {
            fileBaseName = "export";
        }
        filter = filter == null ? "" : filter;
    }

    public String fileName() {
        return fileBaseName + "." + format.extension();
    }
}
