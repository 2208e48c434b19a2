package org.ngoplatform.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A small table (a label column and some value columns) written on a summary sheet with a native Excel bar
 * chart of one value column. Values may be numbers or text (e.g. a suppressed "&lt;5"); text plots as zero.
 *
 * @param title         shown above the table and as the chart title
 * @param labelHeader   header of the category column
 * @param valueColumns  headers and kinds of the value columns
 * @param rows          the rows; each has a label and one value per value column
 * @param chartColumn   index into valueColumns of the column drawn as bars, or -1 for no chart
 */
public record SummaryTable(String title, String labelHeader, List<Column> valueColumns, List<Row> rows, int chartColumn) {

    public SummaryTable {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(labelHeader, "labelHeader");
        valueColumns = List.copyOf(valueColumns);
        rows = List.copyOf(rows);
        if (chartColumn < -1 || chartColumn >= valueColumns.size()) {
            throw new IllegalArgumentException("chartColumn out of range: " + chartColumn);
        }
        for (Row row : rows) {
            if (row.values().size() != valueColumns.size()) {
                throw new IllegalArgumentException("row " + row.label() + " has " + row.values().size()
                        + " values, expected " + valueColumns.size());
            }
        }
    }

    /** One row: its label and values (nulls allowed, written as blank cells). */
    public record Row(String label, List<Object> values) {
        public Row {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        public static Row of(String label, Object... values) {
            return new Row(label, Arrays.asList(values));
        }
    }
}
