package org.ngoplatform.survey.results;

import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.respond.ResponseTally;
import org.ngoplatform.survey.results.SmallCellSuppression.Cell;
import org.ngoplatform.survey.results.SurveyResultsService.OptionCount;
import org.ngoplatform.survey.results.SurveyResultsService.QuestionResult;
import org.ngoplatform.survey.results.SurveyResultsService.RowResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The results of a matrix or a ranking: one small table per row (a matrix's row over its shared options; a ranked
 * option over the places 1..n), all suppressed together with the question's answered / missing / not shown, so no
 * hidden count follows from any published sum: a row's parts add up to the row's total (one option per row; every
 * ranked option), and a ranking's places add up to "answered" (each complete ranking fills every place once).
 * Counted the same way from running counts and from a pass over responses ({@code Counts} gives both).
 */
final class RowTables {

    private RowTables() {
    }

    static QuestionResult result(QuestionDef q, SmallCellSuppression suppression, long responses, long answered,
                                 long missing, Map<String, Long> cells, Map<String, Long> rowsAnswered) {
        boolean ranking = q.type() == QuestionType.RANKING;
        List<OptionDef> rows = ranking ? q.options() : q.rows();
        List<OptionDef> columns = new ArrayList<>();
        if (ranking) {
            for (int place = 1; place <= q.options().size(); place++) {
                columns.add(new OptionDef(String.valueOf(place), String.valueOf(place)));
            }
        } else {
            columns.addAll(q.options());
        }
        int rowCount = rows.size();
        long[][] counts = new long[rowCount][];
        long[] rowTotals = new long[rowCount];
        boolean removedOptions = false;
        for (int r = 0; r < rowCount; r++) {
            counts[r] = new long[columns.size()];
            long sum = 0;
            for (int c = 0; c < columns.size(); c++) {
                String key = ranking ? ResponseTally.rankedPlace(rows.get(r).code(), c + 1)
                        : ResponseTally.matrixCell(rows.get(r).code(), columns.get(c).code());
                counts[r][c] = cells.getOrDefault(key, 0L);
                sum += counts[r][c];
            }
            rowTotals[r] = ranking ? sum : rowsAnswered.getOrDefault(rows.get(r).code(), 0L);
            removedOptions |= !ranking && !q.multiplePerRow() && sum < rowTotals[r];
        }
        if (removedOptions) {
            // answers to options a later version removed: a part of their own in every row, as for a single choice
            columns.add(new OptionDef(SurveyStructure.NO_LONGER_OFFERED, null));
            for (int r = 0; r < rowCount; r++) {
                long sum = 0;
                for (long c : counts[r]) sum += c;
                counts[r] = java.util.Arrays.copyOf(counts[r], columns.size());
                counts[r][columns.size() - 1] = Math.max(0, rowTotals[r] - sum);
            }
        }
        int columnCount = columns.size();

        // values: per row its cells then its total (a ranking's row total equal to "answered" is that very value),
        // then answered, missing, not shown, responses
        List<Long> values = new ArrayList<>();
        int[][] cellAt = new int[rowCount][columnCount];
        int[] totalAt = new int[rowCount];
        for (int r = 0; r < rowCount; r++) {
            for (int c = 0; c < columnCount; c++) {
                cellAt[r][c] = values.size();
                values.add(counts[r][c]);
            }
            totalAt[r] = ranking && rowTotals[r] == answered ? -1 : values.size();
            if (totalAt[r] >= 0) values.add(rowTotals[r]);
        }
        int answeredAt = values.size();
        values.add(answered);
        values.add(missing);
        values.add(responses - answered - missing);
        values.add(responses);
        for (int r = 0; r < rowCount; r++) {
            if (totalAt[r] < 0) totalAt[r] = answeredAt;
        }
        List<int[]> sums = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            long sum = 0;
            for (long c : counts[r]) sum += c;
            if ((ranking || !q.multiplePerRow()) && sum == rowTotals[r]) {
                int[] eq = new int[columnCount + 1];
                System.arraycopy(cellAt[r], 0, eq, 0, columnCount);
                eq[columnCount] = totalAt[r];
                sums.add(eq);
            }
        }
        if (ranking) {
            for (int c = 0; c < columnCount; c++) {
                long sum = 0;
                for (int r = 0; r < rowCount; r++) sum += counts[r][c];
                if (sum == answered && rowCount > 0) {
                    int[] eq = new int[rowCount + 1];
                    for (int r = 0; r < rowCount; r++) eq[r] = cellAt[r][c];
                    eq[rowCount] = answeredAt;
                    sums.add(eq);
                }
            }
        }
        sums.add(new int[]{answeredAt, answeredAt + 1, answeredAt + 2, answeredAt + 3});
        List<Cell> published = suppression.linked(values.stream().mapToLong(Long::longValue).toArray(), sums);

        List<RowResult> rowResults = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            Cell total = published.get(totalAt[r]);
            List<OptionCount> options = new ArrayList<>();
            for (int c = 0; c < columnCount; c++) {
                Cell cell = published.get(cellAt[r][c]);
                options.add(new OptionCount(columns.get(c).code(), columns.get(c).label(), cell, cell.percentOf(total)));
            }
            BigDecimal meanRank = null;
            if (ranking && rowTotals[r] >= suppression.k()) {
                long weighted = 0;
                for (int c = 0; c < columnCount; c++) weighted += (c + 1L) * counts[r][c];
                meanRank = BigDecimal.valueOf(weighted).divide(BigDecimal.valueOf(rowTotals[r]), 1, RoundingMode.HALF_UP);
            }
            rowResults.add(new RowResult(rows.get(r).code(), rows.get(r).label(), total, options, meanRank));
        }
        boolean statsHidden = ranking && java.util.Arrays.stream(rowTotals).anyMatch(suppression::isSmall);
        return new QuestionResult(q, published.get(answeredAt), published.get(answeredAt + 1), published.get(answeredAt + 2),
                List.of(), !ranking && q.multiplePerRow(), null, null, statsHidden, List.of(), rowResults);
    }
}
