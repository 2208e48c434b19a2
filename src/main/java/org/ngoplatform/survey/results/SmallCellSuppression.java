package org.ngoplatform.survey.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Small-cell suppression for published counts (results view and Excel summary use exactly this).
 * <p>
 * Primary rule: a count from 1 to k−1 is hidden and shown as {@code "<k"}. Complementary rule: wherever
 * published numbers are tied by a sum (the cells of a row add up to its total; in a table also columns and
 * the grand total), a sum never has exactly one hidden part, otherwise the hidden value would follow by
 * subtraction; the smallest other non-zero part is hidden as well (shown as {@value #COMPLEMENTARY_MARK}).
 * When a total itself is small, every part of it is hidden, zeros included (a visible zero beside a small
 * total would reveal that the whole small group gave the same answer).
 * <p>
 * Independent counts that do not add up to a published total (options of a multiple-choice question) use
 * {@link #cell(long)}. Zero is never small: nobody can be singled out in an empty cell.
 */
public final class SmallCellSuppression {

    public static final int DEFAULT_K = 5;
    public static final String COMPLEMENTARY_MARK = "*";

    /** Why a cell is shown or hidden. */
    public enum Status { SHOWN, SMALL, COMPLEMENTARY }

    /** A count as it may be published. The true value of a hidden cell is not available. */
    public static final class Cell {
        private final long count;
        private final Status status;
        private final int k;

        Cell(long count, Status status, int k) {
            this.count = count;
            this.status = status;
            this.k = k;
        }

        public Status status() { return status; }
        public boolean hidden() { return status != Status.SHOWN; }

        /** The count when it may be shown. */
        public OptionalLong value() {
            return hidden() ? OptionalLong.empty() : OptionalLong.of(count);
        }

        /** The count as text: the number, {@code "<k"} for a small count, or the complementary mark. */
        public String display() {
            return switch (status) {
                case SHOWN -> Long.toString(count);
                case SMALL -> "<" + k;
                case COMPLEMENTARY -> COMPLEMENTARY_MARK;
            };
        }

        /** Share of {@code total} in percent, when both may be shown and the total is positive. */
        public OptionalLong percentOf(Cell total) {
            if (hidden() || total.hidden() || total.count <= 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Math.round(100.0 * count / total.count));
        }

        @Override public String toString() { return display(); }
        @Override public boolean equals(Object o) {
            return o instanceof Cell c && c.count == count && c.status == status && c.k == k;
        }
        @Override public int hashCode() { return Objects.hash(count, status, k); }
    }

    /** Cells that add up to a total. */
    public record Row(List<Cell> cells, Cell total) {
        public Row { cells = List.copyOf(cells); }
    }

    /** A cross-table with row totals, column totals and the grand total, all published. */
    public record Table(List<List<Cell>> cells, List<Cell> rowTotals, List<Cell> columnTotals, Cell grandTotal) {
        public Table {
            cells = cells.stream().map(List::copyOf).toList();
            rowTotals = List.copyOf(rowTotals);
            columnTotals = List.copyOf(columnTotals);
        }
    }

    private final int k;

    public SmallCellSuppression(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2");
        }
        this.k = k;
    }

    public static SmallCellSuppression withK(int k) {
        return new SmallCellSuppression(k);
    }

    public int k() {
        return k;
    }

    public boolean isSmall(long count) {
        return count >= 1 && count < k;
    }

    /** A count that no published sum ties to other counts. */
    public Cell cell(long count) {
        requireNonNegative(count);
        return new Cell(count, isSmall(count) ? Status.SMALL : Status.SHOWN, k);
    }

    /** Counts whose sum is published as the row total. */
    public Row row(long... counts) {
        long[] values = Arrays.copyOf(counts, counts.length + 1);
        long total = 0;
        for (long c : counts) {
            requireNonNegative(c);
            total += c;
        }
        values[counts.length] = total;
        int[] equation = new int[counts.length + 1];
        for (int i = 0; i < equation.length; i++) {
            equation[i] = i;
        }
        Status[] status = protect(values, List.of(equation));
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            cells.add(new Cell(values[i], status[i], k));
        }
        return new Row(cells, new Cell(total, status[counts.length], k));
    }

    /** A table of counts[row][column]; row totals, column totals and the grand total are published too. */
    public Table table(long[][] counts) {
        int rows = counts.length;
        int cols = rows == 0 ? 0 : counts[0].length;
        int cellCount = rows * cols;
        long[] values = new long[cellCount + rows + cols + 1];
        int grand = cellCount + rows + cols;
        for (int r = 0; r < rows; r++) {
            if (counts[r].length != cols) {
                throw new IllegalArgumentException("ragged table");
            }
            for (int c = 0; c < cols; c++) {
                requireNonNegative(counts[r][c]);
                values[r * cols + c] = counts[r][c];
                values[cellCount + r] += counts[r][c];
                values[cellCount + rows + c] += counts[r][c];
                values[grand] += counts[r][c];
            }
        }
        List<int[]> equations = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int[] eq = new int[cols + 1];
            for (int c = 0; c < cols; c++) eq[c] = r * cols + c;
            eq[cols] = cellCount + r;
            equations.add(eq);
        }
        for (int c = 0; c < cols; c++) {
            int[] eq = new int[rows + 1];
            for (int r = 0; r < rows; r++) eq[r] = r * cols + c;
            eq[rows] = cellCount + rows + c;
            equations.add(eq);
        }
        int[] byRows = new int[rows + 1];
        for (int r = 0; r < rows; r++) byRows[r] = cellCount + r;
        byRows[rows] = grand;
        equations.add(byRows);
        int[] byCols = new int[cols + 1];
        for (int c = 0; c < cols; c++) byCols[c] = cellCount + rows + c;
        byCols[cols] = grand;
        equations.add(byCols);

        Status[] status = protect(values, equations);
        List<List<Cell>> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<Cell> row = new ArrayList<>();
            for (int c = 0; c < cols; c++) row.add(new Cell(values[r * cols + c], status[r * cols + c], k));
            cells.add(row);
        }
        List<Cell> rowTotals = new ArrayList<>();
        for (int r = 0; r < rows; r++) rowTotals.add(new Cell(values[cellCount + r], status[cellCount + r], k));
        List<Cell> colTotals = new ArrayList<>();
        for (int c = 0; c < cols; c++) colTotals.add(new Cell(values[cellCount + rows + c], status[cellCount + rows + c], k));
        return new Table(cells, rowTotals, colTotals, new Cell(values[grand], status[grand], k));
    }

    /**
     * The general case: published {@code values} tied by sums. Each array in {@code sums} lists indexes into
     * {@code values}; the last index is the sum of the others (checked). Use it when several rows share a
     * number, e.g. option counts adding up to "answered", and answered + missing adding up to all responses.
     */
    public List<Cell> linked(long[] values, List<int[]> sums) {
        for (long v : values) {
            requireNonNegative(v);
        }
        for (int[] sum : sums) {
            long parts = 0;
            for (int i = 0; i < sum.length - 1; i++) {
                parts += values[sum[i]];
            }
            if (sum.length < 2 || parts != values[sum[sum.length - 1]]) {
                throw new IllegalArgumentException("the parts do not add up to their total");
            }
        }
        Status[] status = protect(values.clone(), sums);
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            cells.add(new Cell(values[i], status[i], k));
        }
        return cells;
    }

    /**
     * Each equation lists item indexes whose last one is the sum of the others. Repeats the rules until
     * nothing changes; suppression only grows, so this ends.
     */
    private Status[] protect(long[] values, List<int[]> equations) {
        Status[] status = new Status[values.length];
        for (int i = 0; i < values.length; i++) {
            status[i] = isSmall(values[i]) ? Status.SMALL : Status.SHOWN;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] eq : equations) {
                int total = eq[eq.length - 1];
                if (status[total] == Status.SMALL) {
                    for (int m = 0; m < eq.length - 1; m++) {
                        if (status[eq[m]] == Status.SHOWN) {
                            status[eq[m]] = Status.COMPLEMENTARY;
                            changed = true;
                        }
                    }
                }
                int hidden = 0;
                for (int i : eq) {
                    if (status[i] != Status.SHOWN) hidden++;
                }
                if (hidden != 1) {
                    continue;
                }
                int pick = -1;
                for (int m = 0; m < eq.length - 1; m++) {
                    int i = eq[m];
                    if (status[i] == Status.SHOWN && values[i] > 0 && (pick < 0 || values[i] < values[pick])) {
                        pick = i;
                    }
                }
                if (pick < 0 && status[total] == Status.SHOWN) {
                    pick = total;
                }
                if (pick >= 0) {
                    status[pick] = Status.COMPLEMENTARY;
                    changed = true;
                }
            }
        }
        return status;
    }

    private static void requireNonNegative(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }
}
