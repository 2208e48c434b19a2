package org.ngoplatform.survey.results;

import org.ngoplatform.export.CellKind;
import org.ngoplatform.survey.results.StatisticsVariables.Variable;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An R script ({@code survey.R}) that reads {@code data.csv} into the data frame {@code survey}: choice answers as
 * factors (levels in the Codebook's order, labelled), numbers and dates as such, every variable with its label in
 * the attribute {@code label} and value labels of numbers in {@code labels} (the conventions of the haven and
 * labelled packages, which it does not need), and the Codebook's missing codes as {@code NA} with the code kept in
 * the attribute {@code missing_code}. Base R only. Checked by running it with Rscript in SurveyStatisticsExportTest.
 */
final class RScript {

    private final SurveyWorkbook.Text text;

    RScript(SurveyWorkbook.Text text) {
        this.text = text;
    }

    String write(StatisticsDownload.Input in) {
        StringBuilder s = new StringBuilder();
        comment(s, text.t("surveyexport.r.intro", in.title(),
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(in.exportedAt().atOffset(ZoneOffset.UTC).withNano(0))));
        comment(s, text.t("surveyexport.r.run"));
        comment(s, text.t("surveyexport.r.codes"));
        comment(s, text.t("surveyexport.scripts.apostrophe"));
        s.append("\nmissing_codes <- c(");
        List<String> codes = new ArrayList<>();
        for (String code : StatisticsVariables.MISSING_CODES) {
            codes.add(string(code) + " = " + string(text.t("surveyexport.missing." + code.substring(1))));
        }
        s.append(String.join(", ", codes)).append(")\n");
        s.append("""
                raw <- read.csv("data.csv", fileEncoding = "UTF-8-BOM", colClasses = "character",
                                check.names = FALSE, na.strings = character(0), strip.white = FALSE)

                survey_variable <- function(x, label, type, levels = NULL, labels = NULL, value_labels = NULL) {
                  x <- sub("^'", "", x)
                  code <- ifelse(x %in% names(missing_codes), x, NA_character_)
                  x[!is.na(code) | x == ""] <- NA
                  x <- switch(type,
                              number = as.numeric(x),
                              date = as.Date(x, format = "%Y-%m-%d"),
                              factor = factor(x, levels = levels, labels = labels),
                              x)
                  attr(x, "label") <- label
                  if (!is.null(value_labels)) attr(x, "labels") <- value_labels
                  if (any(!is.na(code))) attr(x, "missing_code") <- code
                  x
                }

                survey <- data.frame(row.names = seq_len(nrow(raw)))
                """);
        for (Variable v : in.variables().variables()) {
            s.append("survey[[").append(string(v.name())).append("]] <- survey_variable(raw[[")
                    .append(string(v.name())).append("]], ").append(string(v.label())).append(", ");
            Map<String, String> values = v.valueLabels();
            if (v.numeric()) {
                s.append("\"number\"");
                if (!values.isEmpty()) {
                    s.append(",\n  value_labels = setNames(c(").append(String.join(", ", values.keySet()))
                            .append("), c(").append(String.join(", ", values.values().stream().map(RScript::string).toList()))
                            .append("))");
                }
            } else if (v.kind() == CellKind.DATE) {
                s.append("\"date\"");
            } else if (!values.isEmpty()) {
                s.append("\"factor\",\n  levels = c(")
                        .append(String.join(", ", values.keySet().stream().map(RScript::string).toList()))
                        .append("),\n  labels = c(")
                        .append(String.join(", ", values.values().stream().map(RScript::string).toList()))
                        .append(")");
            } else {
                s.append("\"text\"");
            }
            s.append(")\n");
        }
        s.append("rm(raw)\n");
        return s.toString();
    }

    /** An R string literal: UTF-8 text as it is, quotes, backslashes and control characters escaped. */
    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        String v = value == null ? "" : value;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == 0) continue;                       // R strings cannot hold NUL
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void comment(StringBuilder s, String line) {
        s.append("# ").append(line.replaceAll("[\\p{Cntrl}\u2028\u2029\u0085]+", " ")).append('\n');
    }
}
