package org.ngoplatform.survey.results;

import org.junit.jupiter.api.Test;
import org.ngoplatform.survey.results.SmallCellSuppression.Cell;
import org.ngoplatform.survey.results.SmallCellSuppression.Status;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmallCellSuppressionTest {

    private final SmallCellSuppression k5 = SmallCellSuppression.withK(5);

    @Test
    void counts_from_one_to_k_minus_one_are_shown_as_less_than_k() {
        assertThat(k5.cell(0).display()).isEqualTo("0");
        assertThat(k5.cell(1).display()).isEqualTo("<5");
        assertThat(k5.cell(4).display()).isEqualTo("<5");
        assertThat(k5.cell(5).display()).isEqualTo("5");
        assertThat(k5.cell(4).value()).isEmpty();
        assertThat(k5.cell(7).value()).hasValue(7);
    }

    @Test
    void k_is_configurable_per_survey() {
        var k10 = SmallCellSuppression.withK(10);
        assertThat(k10.cell(9).display()).isEqualTo("<10");
        assertThat(k10.cell(10).display()).isEqualTo("10");
        assertThatThrownBy(() -> SmallCellSuppression.withK(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_small_cell_that_the_row_total_would_reveal_gets_a_complementary_partner() {
        // 3 + 10 + 20 = 33: hiding only the 3 would leave it as 33 - 10 - 20
        var row = k5.row(3, 10, 20);
        assertThat(row.total().display()).isEqualTo("33");
        assertThat(row.cells()).extracting(Cell::display).containsExactly("<5", "*", "20");
        assertThat(row.cells().get(1).status()).isEqualTo(Status.COMPLEMENTARY);
        assertThat(row.cells().get(1).percentOf(row.total())).isEmpty();
        assertThat(row.cells().get(2).percentOf(row.total())).hasValue(61);
    }

    @Test
    void two_small_cells_protect_each_other() {
        var row = k5.row(2, 3, 40);
        assertThat(row.cells()).extracting(Cell::display).containsExactly("<5", "<5", "40");
    }

    @Test
    void the_complementary_cell_is_the_smallest_non_zero_one() {
        var row = k5.row(0, 2, 50, 9, 0);
        assertThat(row.cells()).extracting(Cell::display).containsExactly("0", "<5", "50", "*", "0");
    }

    @Test
    void a_small_total_hides_every_part_even_zeros() {
        // three judges who all said yes: a visible 0 for "no" would tell what each of them answered
        var row = k5.row(3, 0);
        assertThat(row.total().display()).isEqualTo("<5");
        assertThat(row.cells()).allMatch(Cell::hidden);
    }

    @Test
    void a_row_without_small_cells_is_shown_as_is() {
        var row = k5.row(5, 0, 12);
        assertThat(row.cells()).extracting(Cell::display).containsExactly("5", "0", "12");
        assertThat(row.total().display()).isEqualTo("17");
    }

    @Test
    void in_a_table_rows_and_columns_both_protect_hidden_cells() {
        long[][] counts = {
                {2, 10, 30},
                {12, 15, 20},
                {8, 9, 40}};
        var t = k5.table(counts);
        assertThat(t.cells().get(0).get(0).display()).isEqualTo("<5");
        assertNoSumHasExactlyOneHidden(t);
        assertThat(t.grandTotal().display()).isEqualTo("146");
    }

    @Test
    void linked_sums_share_cells_and_must_add_up() {
        // options 3 + 20 = answered 23; answered 23 + missing 7 = responses 30
        List<Cell> cells = k5.linked(new long[]{3, 20, 23, 7, 30}, List.of(new int[]{0, 1, 2}, new int[]{2, 3, 4}));
        assertThat(cells).extracting(Cell::display).containsExactly("<5", "*", "23", "7", "30");
        assertThatThrownBy(() -> k5.linked(new long[]{1, 2, 4}, List.<int[]>of(new int[]{0, 1, 2})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void no_random_row_or_table_ever_leaves_a_single_hidden_value_in_a_sum() {
        Random random = new Random(42);
        for (int run = 0; run < 2000; run++) {
            long[] row = new long[1 + random.nextInt(6)];
            for (int i = 0; i < row.length; i++) row[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(25);
            var r = k5.row(row);
            long hidden = r.cells().stream().filter(Cell::hidden).count() + (r.total().hidden() ? 1 : 0);
            assertThat(hidden).as("row %s", java.util.Arrays.toString(row)).isNotEqualTo(1);
            for (int i = 0; i < row.length; i++) {
                if (row[i] >= 1 && row[i] < 5) assertThat(r.cells().get(i).hidden()).isTrue();
            }
            long[][] table = new long[1 + random.nextInt(4)][1 + random.nextInt(4)];
            for (long[] line : table) for (int c = 0; c < line.length; c++) line[c] = random.nextInt(3) == 0 ? 0 : random.nextInt(20);
            assertNoSumHasExactlyOneHidden(k5.table(table));
        }
    }

    private static void assertNoSumHasExactlyOneHidden(SmallCellSuppression.Table t) {
        int rows = t.cells().size();
        int cols = rows == 0 ? 0 : t.cells().getFirst().size();
        for (int r = 0; r < rows; r++) {
            long hidden = t.cells().get(r).stream().filter(Cell::hidden).count() + (t.rowTotals().get(r).hidden() ? 1 : 0);
            assertThat(hidden).as("row %d", r).isNotEqualTo(1);
        }
        for (int c = 0; c < cols; c++) {
            final int col = c;
            long hidden = t.cells().stream().filter(line -> line.get(col).hidden()).count() + (t.columnTotals().get(c).hidden() ? 1 : 0);
            assertThat(hidden).as("column %d", c).isNotEqualTo(1);
        }
        long byRows = t.rowTotals().stream().filter(Cell::hidden).count() + (t.grandTotal().hidden() ? 1 : 0);
        long byCols = t.columnTotals().stream().filter(Cell::hidden).count() + (t.grandTotal().hidden() ? 1 : 0);
        assertThat(byRows).isNotEqualTo(1);
        assertThat(byCols).isNotEqualTo(1);
    }
}
