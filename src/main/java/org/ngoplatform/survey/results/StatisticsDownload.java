package org.ngoplatform.survey.results;

import org.ngoplatform.export.CsvWriter;
import org.ngoplatform.export.ExportMonitor;
import org.ngoplatform.export.TextMarker;
import org.ngoplatform.survey.respond.SubmittedResponse;
import org.ngoplatform.survey.results.StatisticsVariables.Variable;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the statistics downloads of a survey's responses: SPSS and R as a zip of {@code data.csv} (the Responses
 * sheet's columns and cells) and the syntax or script that reads it, and the long CSV. Knows nothing of the database:
 * responses and identities are handed in, as to {@link SurveyWorkbook}.
 *
 * <p>CSV through the export module's {@link CsvWriter} (commons-csv, UTF-8 with a byte-order mark, RFC 4180), which
 * puts an apostrophe before text a spreadsheet would read as a formula ({@code = + - @}, tab, carriage return). Here
 * text that already starts with an apostrophe gets one more, so "remove one leading apostrophe" gives back every
 * text exactly: the SPSS syntax and the R script do that.
 */
final class StatisticsDownload {

    static final String DATA = "data.csv";
    static final String SPSS_SYNTAX = "survey.sps";
    static final String R_SCRIPT = "survey.R";

    record Input(SurveyWorkbookPlan plan, StatisticsVariables variables, String title, Instant exportedAt,
                 String filterText, long total) {
    }

    private final SurveyWorkbook.Text text;

    StatisticsDownload(SurveyWorkbook.Text text) {
        this.text = text;
    }

    /**
     * @param pages      hands out the responses page by page, in their random sort-key order
     * @param identities response id to person, per page (empty map unless identity is included)
     * @param monitor    counts one row per response, whatever the format
     */
    void write(StatisticsFormat format, OutputStream out, ExportMonitor monitor, Input in,
               Consumer<Consumer<List<SubmittedResponse>>> pages,
               Function<List<SubmittedResponse>, Map<Long, Respondent>> identities) throws IOException {
        switch (format) {
            case SPSS -> zip(out, SPSS_SYNTAX, new SpssSyntax(text).write(in), true, monitor, in, pages, identities);
            case R -> zip(out, R_SCRIPT, new RScript(text).write(in), false, monitor, in, pages, identities);
            case LONG_CSV -> longCsv(out, monitor, in, pages, identities);
        }
    }

    private void zip(OutputStream out, String scriptName, String script, boolean spss, ExportMonitor monitor, Input in,
                     Consumer<Consumer<List<SubmittedResponse>>> pages,
                     Function<List<SubmittedResponse>, Map<Long, Respondent>> identities) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(entry(scriptName, in.exportedAt()));
        Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        writer.write(script);
        writer.flush();
        zip.closeEntry();

        zip.putNextEntry(entry(DATA, in.exportedAt()));
        CsvWriter csv = new CsvWriter(zip, monitor, ZoneOffset.UTC);
        List<Variable> variables = in.variables().variables();
        csv.header(variables.stream().map(Variable::name).toList());
        long[] rowNumber = {0};
        each(pages, identities, monitor, (r, person) -> {
            Object[] cells = in.plan().values(++rowNumber[0], r, person);
            Object[] row = new Object[cells.length];
            for (int i = 0; i < cells.length; i++) {
                row[i] = cell(variables.get(i), cells[i], spss);
            }
            csv.row(row);
        });
        csv.flush();
        zip.closeEntry();
        zip.finish();           // never close out: the export service owns it
    }

    private void longCsv(OutputStream out, ExportMonitor monitor, Input in,
                         Consumer<Consumer<List<SubmittedResponse>>> pages,
                         Function<List<SubmittedResponse>, Map<Long, Respondent>> identities) throws IOException {
        // the writer checks cancellation per line; the job counts responses, as the other formats do
        var perLine = new SurveyWorkbook.ResponseRowMonitor(monitor);
        CsvWriter csv = new CsvWriter(out, perLine, ZoneOffset.UTC);
        List<Variable> variables = in.variables().variables();
        List<Integer> ids = new ArrayList<>();
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            (variables.get(i).question() ? answers : ids).add(i);
        }
        List<String> header = new ArrayList<>();
        ids.forEach(i -> header.add(variables.get(i).name()));
        header.addAll(List.of("variable", "variable_label", "value", "value_label", "missing_code", "missing_label"));
        csv.header(header);
        long[] rowNumber = {0};
        each(pages, identities, monitor, (r, person) -> {
            Object[] cells = in.plan().values(++rowNumber[0], r, person);
            Object[] row = new Object[ids.size() + 6];
            for (int c = 0; c < ids.size(); c++) {
                row[c] = cell(variables.get(ids.get(c)), cells[ids.get(c)], false);
            }
            for (int i : answers) {
                Variable v = variables.get(i);
                Object value = cells[i];
                int c = ids.size();
                row[c++] = v.name();
                row[c++] = v.label();
                if (value instanceof TextMarker m) {
                    row[c++] = null;
                    row[c++] = null;
                    row[c++] = m.text();
                    row[c] = missingLabel(m.text());
                } else {
                    row[c++] = cell(v, value, false);
                    row[c++] = value == null ? null : v.valueLabels().get(String.valueOf(value));
                    row[c++] = null;
                    row[c] = null;
                }
                csv.row(row);
            }
            monitor.rowWritten();
        });
        csv.flush();
    }

    @FunctionalInterface
    private interface ResponseWriter {
        void write(SubmittedResponse r, Respondent person) throws IOException;
    }

    private static void each(Consumer<Consumer<List<SubmittedResponse>>> pages,
                             Function<List<SubmittedResponse>, Map<Long, Respondent>> identities,
                             ExportMonitor monitor, ResponseWriter writer) throws IOException {
        IOException[] failed = {null};
        pages.accept(page -> {
            if (failed[0] != null) return;
            monitor.checkCancelled();
            Map<Long, Respondent> who = identities.apply(page);
            try {
                for (SubmittedResponse r : page) writer.write(r, who.get(r.id()));
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) throw failed[0];
    }

    /**
     * A cell of the Responses sheet as written to a CSV file: codes stay codes, except in a number column for SPSS,
     * where they are the variable's numeric missing codes; text gets the apostrophe rule above (and for SPSS, whose
     * text import reads one case per line, line breaks become spaces).
     */
    static Object cell(Variable v, Object value, boolean spss) {
        return switch (value) {
            case null -> null;
            case TextMarker m when spss && v.numeric() ->
                    v.numericMissing().get(StatisticsVariables.MISSING_CODES.indexOf(m.text()));
            case TextMarker m -> m.text();
            case LocalDate d -> d.toString();
            case String s -> text(spss ? s.replaceAll("\r\n|[\r\n\u2028\u2029\u0085]", " ") : s);
            default -> value;
        };
    }

    /** One more apostrophe before text that starts with one; {@link CsvWriter} adds one before formula-like text. */
    static String text(String s) {
        return s.startsWith("'") ? "'" + s : s;
    }

    String missingLabel(String code) {
        return text.t("surveyexport.missing." + code.substring(1));
    }

    private static ZipEntry entry(String name, Instant at) {
        ZipEntry e = new ZipEntry(name);
        e.setTime(at.toEpochMilli());
        return e;
    }
}
