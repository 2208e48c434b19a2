package org.ngoplatform.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;

/**
 * RFC 4180 CSV (UTF-8 with a byte-order mark so Excel reads the accents) that defuses formula injection:
 * text starting with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so a
 * spreadsheet shows it as text instead of evaluating it. Numbers are written as numbers.
 */
public final class CsvWriter implements Closeable {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Writer out;
    private final ExportMonitor monitor;
    private final ZoneId zone;

    public CsvWriter(OutputStream out, ExportMonitor monitor, ZoneId zone) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        this.monitor = monitor;
        this.zone = zone;
        this.out.write('\uFEFF');
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
        for (int i = 0; i < values.length; i++) {
            if (i > 0) out.write(',');
            out.write(field(values[i]));
        }
        out.write("\r\n");
    }

    private String field(Object value) {
        return switch (value) {
            case null -> "";
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case BigDecimal d -> d.toPlainString();
            case Double d when !d.isNaN() && !d.isInfinite() -> BigDecimal.valueOf(d).toPlainString();
            case Number n -> n.toString();
            case Boolean b -> b ? "1" : "0";
            case Instant t -> DATE_TIME.format(t.atZone(zone));
            case java.time.LocalDateTime t -> DATE_TIME.format(t);
            case TemporalAccessor t -> t.toString();
            default -> quote(neutralise(value.toString()));
        };
    }

    /** Prefixes text a spreadsheet would read as a formula with an apostrophe. */
    public static String neutralise(String text) {
        if (text.isEmpty()) return text;
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    private static String quote(String text) {
        boolean needs = false;
        for (int i = 0; i < text.length() && !needs; i++) {
            char c = text.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Flushes without closing the underlying stream's owner. */
    public void flush() throws IOException {
        out.flush();
    }
}
