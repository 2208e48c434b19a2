package org.ngoplatform.export;

import java.util.Objects;

/**
 * One column of an exported table: its header, the kind of its cells and, optionally, a fixed width in
 * characters ({@code 0}: sized from the header and the first rows).
 */
public record Column(String header, CellKind kind, int width) {

    public Column {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(kind, "kind");
        if (width < 0 || width > 255) throw new IllegalArgumentException("width not in 0..255: " + width);
    }

    public Column(String header, CellKind kind) {
        this(header, kind, 0);
    }

    /** The same column with a fixed width in characters. */
    public Column withWidth(int chars) {
        return new Column(header, kind, chars);
    }

    public static Column text(String header) { return new Column(header, CellKind.TEXT); }
    public static Column longText(String header) { return new Column(header, CellKind.LONG_TEXT); }
    public static Column integer(String header) { return new Column(header, CellKind.INTEGER); }
    public static Column decimal(String header) { return new Column(header, CellKind.DECIMAL); }
    public static Column percent(String header) { return new Column(header, CellKind.PERCENT); }
    public static Column bool(String header) { return new Column(header, CellKind.BOOLEAN); }
    public static Column yesNo(String header) { return new Column(header, CellKind.YES_NO); }
    public static Column date(String header) { return new Column(header, CellKind.DATE); }
    public static Column dateTime(String header) { return new Column(header, CellKind.DATE_TIME); }
}
