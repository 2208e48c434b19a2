package org.ngoplatform.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV (UTF-8 with a byte-order mark so Excel reads the accents; quoting and line ends by commons-csv)
 * that defuses formula injection: text starting with {@code = + - @}, a tab or a carriage return gets a leading
 * apostrophe, so a spreadsheet shows it as text instead of evaluating it. Numbers are written as numbers.
 */
public final class CsvWriter implements Closeable {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Comma, double quotes only where needed (a field holding a comma, quote or line break), CRLF. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final CSVPrinter printer;
    private final ExportMonitor monitor;
    private final ZoneId zone;

    public CsvWriter(OutputStream out, ExportMonitor monitor, ZoneId zone) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, FORMAT);
        this.monitor = monitor;
        this.zone = zone;
    }

    public CsvWriter(OutputStream out) throws IOException {
        this(out, ExportMonitor.NONE, ZoneId.of("UTC"));
    }

    /** The header row: plain text, neutralised like any other text. */
    public void header(List<String> headers) throws IOException {
        write(headers.toArray());
    }

    /** One data row; nulls are empty fields. Counts the row and stops if the export was cancelled. */
    public void row(Object... values) throws IOException {
        write(values);
        monitor.rowWritten();
    }

    private void write(Object[] values) throws IOException {
        List<String> fields = new ArrayList<>(values.length);
        for (Object value : values) {
            fields.add(field(value));
        }
        printer.printRecord(fields);
    }

    private String field(Object value) {
        return switch (value) {
            case null -> null;
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case BigDecimal d -> d.toPlainString();
            case Double d when !d.isNaN() && !d.isInfinite() -> BigDecimal.valueOf(d).toPlainString();
            case Number n -> n.toString();
            case Boolean b -> b ? "1" : "0";
            case Instant t -> DATE_TIME.format(t.atZone(zone));
            case LocalDateTime t -> DATE_TIME.format(t);
            case TemporalAccessor t -> t.toString();
            default -> neutralise(value.toString());
        };
    }

    /** Prefixes text a spreadsheet would read as a formula with an apostrophe. */
    public static String neutralise(String text) {
        if (text.isEmpty()) return text;
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }

    /** Flushes without closing the underlying stream's owner. */
    public void flush() throws IOException {
        printer.flush();
    }
}
