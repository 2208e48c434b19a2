package org.ngoplatform.survey.results;

import org.ngoplatform.export.ExportFormat;

/** The downloads of a survey's responses for statistics software, beside the workbook. */
public enum StatisticsFormat {
    /** A zip of {@code data.csv} and {@code survey.sps}: SPSS (or PSPP) syntax that reads the data and labels it. */
    SPSS(ExportFormat.ZIP, "spss"),
    /** A zip of {@code data.csv} and {@code survey.R}: reads the data, applies labels and factor levels. */
    R(ExportFormat.ZIP, "r"),
    /** One row per response and variable, with codes and labels. */
    LONG_CSV(ExportFormat.CSV, "long");

    private final ExportFormat file;
    private final String suffix;

    StatisticsFormat(ExportFormat file, String suffix) {
        this.file = file;
        this.suffix = suffix;
    }

    ExportFormat file() {
        return file;
    }

    /** Ends the file's name: {@code survey-7-spss.zip}. */
    String suffix() {
        return suffix;
    }
}
