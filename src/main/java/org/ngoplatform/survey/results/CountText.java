package org.ngoplatform.survey.results;

import org.ngoplatform.survey.results.SmallCellSuppression.Cell;

import java.util.OptionalLong;

/**
 * The one rule for a count with its share, for the results view and the workbook's Summary sheet alike:
 * <ul>
 * <li>a hidden count is its mark alone ({@code "<5"}, {@code "*"}): a share would reveal it;</li>
 * <li>a shown count whose share may be published is {@code "12 (40%)"}, zero included ({@code "0 (0%)"});</li>
 * <li>a shown count whose share may not be published (the number who answered is hidden, or nobody answered) is
 *     {@code "12 (–)"}, so every shown count has the same shape and a missing share is visibly missing rather than
 *     looking like a count without one.</li>
 * </ul>
 * Shares are whole percent, rounded half up, of the number who answered ({@link Cell#percentOf}).
 */
public final class CountText {

    /** Written where a share may not be published. */
    public static final String NO_SHARE = "–";

    private CountText() {
    }

    /** The count and its share as one text (results view). */
    public static String withShare(Cell count, OptionalLong percent) {
        if (count.hidden()) {
            return count.display();
        }
        return count.display() + " (" + (percent.isPresent() ? percent.getAsLong() + "%" : NO_SHARE) + ")";
    }

    /** The count as a workbook cell: the number, or the mark of a hidden count as text. */
    public static Object countCell(Cell count) {
        return count.hidden() ? count.display() : (Object) count.value().getAsLong();
    }

    /**
     * The share as a workbook cell, beside {@link #countCell}: a fraction (formatted as percent), {@link #NO_SHARE}
     * where the view writes "(–)", blank where the view writes no share at all (a hidden count).
     */
    public static Object shareCell(Cell count, OptionalLong percent) {
        if (count.hidden()) {
            return null;
        }
        return percent.isPresent() ? percent.getAsLong() / 100.0 : NO_SHARE;
    }
}
