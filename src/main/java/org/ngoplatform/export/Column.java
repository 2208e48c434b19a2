package org.ngoplatform.export;

import java.util.Objects;

/** One column of an exported table: its header and the kind of its cells. */
public record Column(String header, CellKind kind) {

    public Column {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(kind, "kind");
    }

    public static Column text(String header) { return new Column(header, CellKind.TEXT); }
    public static Column longText(String header) { return new Column(header, CellKind.LONG_TEXT); }
    public static Column integer(String header) { return new Column(header, CellKind.INTEGER); }
    public static Column decimal(String header) { return new Column(header, CellKind.DECIMAL); }
    public static Column percent(String header) { return new Column(header, CellKind.PERCENT); }
    public static Column bool(String header) { return new Column(header, CellKind.BOOLEAN); }
    public static Column date(String header) { return new Column(header, CellKind.DATE); }
    public static Column dateTime(String header) { return new Column(header, CellKind.DATE_TIME); }
}
