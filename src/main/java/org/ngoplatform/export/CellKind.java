package org.ngoplatform.export;

/**
 * What a column holds. Each kind has exactly one shared cell style per workbook, applied to every cell of
 * that kind (this also spares SXSSF its per-cell column-style lookup).
 */
public enum CellKind {
    /** Short text (names, codes, choices); written as an inline string, never as a formula. */
    TEXT,
    /** Free text that may be long: an inline string, wrapped. */
    LONG_TEXT,
    /** Whole numbers (int, long). */
    INTEGER,
    /** Decimal numbers (double, BigDecimal). */
    DECIMAL,
    /** A fraction shown as a percentage (0.25 shows as 25%). */
    PERCENT,
    /** A yes/no written as the number 1 or 0, so analysts can sum it. */
    BOOLEAN,
    /** A yes/no written as a native Excel boolean (TRUE/FALSE), for lists people read and filter. */
    YES_NO,
    /** A calendar date, as a real Excel date cell. */
    DATE,
    /** A date and time, as a real Excel date cell. */
    DATE_TIME
}
