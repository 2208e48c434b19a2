package org.ngoplatform.survey.results;

import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.results.SmallCellSuppression.Cell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * The waves of a repeated survey side by side: per question and option one cell per wave, each exactly the cell that
 * wave's own results publish (see {@link WaveComparisonService} for why that is safe). A {@code null} in a per-wave
 * list means the question or option is not in that wave.
 */
public record WaveComparison(List<Wave> waves, List<QuestionRow> questions) {

    public WaveComparison {
        waves = List.copyOf(waves);
        questions = List.copyOf(questions);
    }

    /** One wave: its survey, number, title, status, published response total and threshold k; {@code shown} is the one asked about. */
    public record Wave(long surveyId, int number, String title, SurveyStatus status, Cell responses, int k, boolean shown) {
    }

    /** A count with its share of that wave's answered, as the wave's own results give it. */
    public record WaveCell(Cell count, OptionalLong percent) {
    }

    public record OptionRow(String code, String label, List<WaveCell> waves) {
        public OptionRow {
            waves = Collections.unmodifiableList(new ArrayList<>(waves));
        }
    }

    /**
     * One question code: its definition (from the wave asked about, else the first wave that has it), answered per
     * wave, option rows (the union of every wave's options, by code), mean and median per wave (null when hidden,
     * not applicable or not asked), and for a matrix or a ranking its row tables (empty for other types).
     */
    public record QuestionRow(QuestionDef question, List<Cell> answered, List<OptionRow> options,
                              List<BigDecimal> means, List<BigDecimal> medians, List<RowGroup> rows) {
        public QuestionRow {
            answered = Collections.unmodifiableList(new ArrayList<>(answered));
            options = List.copyOf(options);
            means = Collections.unmodifiableList(new ArrayList<>(means));
            medians = Collections.unmodifiableList(new ArrayList<>(medians));
            rows = List.copyOf(rows);
        }
    }

    /**
     * One row of a matrix (its options as columns) or one ranked option (its places 1..n as option codes), with its
     * total per wave: every cell exactly the {@link SurveyResultsService.RowResult} of that wave's own results, so
     * suppressed by {@link RowTables} with the wave's own k and sums (null: not in that wave); a ranked option's mean
     * place per wave as that wave shows it (null where hidden or not a ranking).
     */
    public record RowGroup(String code, String label, List<Cell> answered, List<OptionRow> options,
                           List<BigDecimal> meanRanks) {
        public RowGroup {
            answered = Collections.unmodifiableList(new ArrayList<>(answered));
            options = List.copyOf(options);
            meanRanks = Collections.unmodifiableList(new ArrayList<>(meanRanks));
        }
    }

    /** Whether there is anything to compare: more than one wave. */
    public boolean comparable() {
        return waves.size() > 1;
    }
}
