package org.ngoplatform.survey.results;

import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.design.SurveyTranslations;
import org.ngoplatform.survey.respond.ResponseFilter;
import org.ngoplatform.survey.respond.ResponseStore;
import org.ngoplatform.survey.respond.ResponseStore.TallyCount;
import org.ngoplatform.survey.respond.ResponseTally;
import org.ngoplatform.survey.respond.SubmittedResponse;
import org.ngoplatform.survey.respond.SubmittedResponse.Answer;
import org.ngoplatform.survey.respond.SubmittedResponse.AnswerState;
import org.ngoplatform.survey.results.SmallCellSuppression.Cell;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Aggregated results per question of the current version, over responses of every version (matched by
 * question code). Every count leaves here already passed through {@link SmallCellSuppression}.
 */
@Service
public class SurveyResultsService {

    public record OptionCount(String code, String label, Cell count, OptionalLong percent) {
    }

    /**
     * One bin of a number question's distribution: answers from {@code from} to under {@code to} (see
     * {@link NumberBins} for how bins are chosen). With {@code wholeNumbers} every answer is whole, so the bin is
     * labelled as the whole numbers it holds ("10–19", or "7" for a bin one wide).
     */
    public record NumberBin(BigDecimal from, BigDecimal to, boolean wholeNumbers, Cell count, OptionalLong percent) {

        /**
         * The bin's label, the same in the view and the workbook. {@code underText} turns two formatted edges
         * into the translated "a to under b" (key {@code survey.results.bin.under}).
         */
        public String label(Locale locale, BiFunction<String, String, String> underText) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMaximumFractionDigits(Math.max(0, Math.max(from.scale(), to.scale())));
            if (!wholeNumbers) {
                return underText.apply(format.format(from), format.format(to));
            }
            BigDecimal last = to.subtract(BigDecimal.ONE);
            return last.compareTo(from) == 0 ? format.format(from) : format.format(from) + " – " + format.format(last);
        }
    }

    /**
     * One question: answered + missing + notShown add up to the responses; option counts add up to answered
     * except for multiple choice ({@code multiple}). Mean and median are null when hidden or not applicable.
     * {@code bins} is the distribution of a number question's answers (bin counts add up to answered and are
     * suppressed like option counts); empty for other types and, like mean and median, when fewer than k
     * answered ({@code statsHidden}).
     */
    public record QuestionResult(QuestionDef question, Cell answered, Cell missing, Cell notShown,
                                 List<OptionCount> options, boolean multiple, BigDecimal mean, BigDecimal median,
                                 boolean statsHidden, List<NumberBin> bins, List<RowResult> rows) {
        public QuestionResult {
            bins = List.copyOf(bins);
            rows = rows == null ? List.of() : List.copyOf(rows);
        }

        /** Every type but a matrix or a ranking: no rows. */
        public QuestionResult(QuestionDef question, Cell answered, Cell missing, Cell notShown, List<OptionCount> options,
                              boolean multiple, BigDecimal mean, BigDecimal median, boolean statsHidden, List<NumberBin> bins) {
            this(question, answered, missing, notShown, options, multiple, mean, median, statsHidden, bins, List.of());
        }
    }

    /**
     * One row of a matrix or a ranking, each a small table of its own. A matrix row: {@code code} and {@code label}
     * are the row's, {@code answered} how many answered the row, {@code options} the counts of the shared options
     * (add up to {@code answered} with one option per row; with several per row each is independent). A ranking:
     * one row per ranked option, {@code options} its count at each place (code "1" = ranked first), adding up to
     * {@code answered}; {@code meanRank} its mean place (1 = first), null when fewer than k ranked it.
     */
    public record RowResult(String code, String label, Cell answered, List<OptionCount> options, BigDecimal meanRank) {
        public RowResult {
            options = List.copyOf(options);
        }
    }

    public record SurveyResults(SurveyStructure structure, ResponseFilter filter, Cell responses, int k,
                                List<QuestionResult> questions) {
    }

    private final ResponseStore responses;

    private final SurveyTranslations translations;

    SurveyResultsService(ResponseStore responses, SurveyTranslations translations) {
        this.responses = responses;
        this.translations = translations;
    }

    /**
     * Results from the survey's running counts ({@code survey_result_count}, kept in the submit transaction): a
     * read of a few hundred rows whatever the number of responses. Only a survey whose history needs the texts of
     * free-text answers (see {@link ResponseTally#covers}) is read the old way, by a pass over every response.
     * Suppression is the same either way: both build the same {@link Counts} per question.
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public SurveyResults results(long surveyId, ResponseFilter filter) {
        return results(surveyId, filter, null);
    }

    /**
     * The results with the survey's texts in {@code language} (one of its further languages; else its base
     * language). Answers of every language pool: they are counted by code, never by the language they were given in.
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public SurveyResults results(long surveyId, ResponseFilter filter, String language) {
        SurveyStructure structure = translations.forAnalysts(responses.structure(surveyId), language);
        if (!ResponseTally.covers(responses.codesOnceFreeText(surveyId), structure, filter == null ? null : filter.questionCode())) {
            return aggregate(structure, filter, pages -> responses.forEachResponsePage(surveyId, filter, 500, pages));
        }
        return fromCounts(structure, filter, responses.tally(surveyId, filter));
    }

    /** The results of {@code structure} from running counts of one filter. */
    static SurveyResults fromCounts(SurveyStructure structure, ResponseFilter filter, List<TallyCount> tally) {
        SmallCellSuppression suppression = SmallCellSuppression.withK(structure.suppressionK());
        Map<String, Counts> counts = new HashMap<>();
        structure.questions().forEach(q -> counts.put(q.code(), new Counts()));
        long total = 0;
        for (TallyCount t : tally) {
            if (t.cell().facet() == ResponseTally.Facet.T) {
                total = t.count();
                continue;
            }
            Counts c = counts.get(t.cell().questionCode());
            if (c != null) {
                c.add(t.cell().facet(), t.cell().value(), t.count());
            }
        }
        List<QuestionResult> results = new ArrayList<>();
        for (QuestionDef q : structure.questions()) {
            results.add(counts.get(q.code()).result(q, suppression, total));
        }
        return new SurveyResults(structure, filter, publishedTotal(suppression.k(), total), suppression.k(), results);
    }

    /**
     * The aggregation by a pass over responses handed out page by page by {@code source} (the database when the
     * running counts cannot serve, see {@link #results}; synthetic responses in benchmarks and tests).
     */
    static SurveyResults aggregate(SurveyStructure structure, ResponseFilter filter,
                                   Consumer<Consumer<List<SubmittedResponse>>> source) {
        SmallCellSuppression suppression = SmallCellSuppression.withK(structure.suppressionK());
        Map<String, Counts> counts = new HashMap<>();
        structure.questions().forEach(q -> counts.put(q.code(), new Counts()));
        long[] total = {0};
        source.accept(page -> {
            for (SubmittedResponse r : page) {
                total[0]++;
                for (QuestionDef q : structure.questions()) {
                    counts.get(q.code()).add(q, r.answers().get(q.code()));
                }
            }
        });
        List<QuestionResult> results = new ArrayList<>();
        for (QuestionDef q : structure.questions()) {
            results.add(counts.get(q.code()).result(q, suppression, total[0]));
        }
        return new SurveyResults(structure, filter, publishedTotal(suppression.k(), total[0]), suppression.k(), results);
    }

    /**
     * How many responses a survey has, as every place may publish it (results view, survey list, workbook):
     * a total from 1 to k−1 is shown as {@code "<k"}, like any other small count.
     */
    public static Cell publishedTotal(int k, long responses) {
        return SmallCellSuppression.withK(k).cell(responses);
    }

    /**
     * Free-text answers to one question, a page at a time, in the responses' random sort-key order (never in
     * submission order, so the newest answer cannot be told apart). One query for the asked page.
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public List<String> textAnswers(long surveyId, String questionCode, ResponseFilter filter, int offset, int limit) {
        return responses.textPage(surveyId, questionCode, filter, offset, limit);
    }

    /** How many responses answered {@code questionCode} with a text; from the running counts where they serve. */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public long countTextAnswers(long surveyId, String questionCode, ResponseFilter filter) {
        // texts counted in the running counts are exact for any question; only a filter needs checking
        if (ResponseTally.covers(responses.codesOnceFreeText(surveyId), null, filter == null ? null : filter.questionCode())) {
            return responses.tally(surveyId, filter).stream()
                    .filter(t -> t.cell().facet() == ResponseTally.Facet.X && t.cell().questionCode().equals(questionCode))
                    .mapToLong(TallyCount::count).sum();
        }
        long[] count = {0};
        responses.forEachResponsePage(surveyId, filter, 500, page -> page.forEach(r -> {
            Answer a = r.answers().get(questionCode);
            if (a != null && a.answered() && a.value().text() != null) {
                count[0]++;
            }
        }));
        return count[0];
    }

    /**
     * What the results of one question code need, counted from responses ({@link #add(QuestionDef, Answer)}) or
     * read from running counts ({@link #add(ResponseTally.Facet, String, long)}): the same numbers either way.
     * Numbers are kept as distinct values with their counts (equal values merge, by {@code compareTo}).
     */
    private static final class Counts {
        long answered;
        long missing;
        long texts;
        final Map<String, Long> chosen = new HashMap<>();
        final Map<String, Long> countries = new HashMap<>();
        final TreeMap<BigDecimal, Long> numbers = new TreeMap<>();
        /** Matrix cells (row/option) and ranked places (option/rank); matrix rows answered. */
        final Map<String, Long> cells = new HashMap<>();
        final Map<String, Long> rowsAnswered = new HashMap<>();

        /** One response's answer to the question ({@code q} is the current version's). */
        void add(QuestionDef q, Answer a) {
            if (a == null || a.state() == AnswerState.NOT_IN_VERSION || a.state() == AnswerState.SKIPPED_BY_CONDITION) {
                return; // not shown: responses - answered - missing
            }
            if (a.state() == AnswerState.UNANSWERED) {
                missing++;
                return;
            }
            answered++;
            AnswerValue v = a.value();
            if (v.text() != null) texts++;
            v.options().forEach(o -> chosen.merge(o, 1L, Long::sum));
            if (v.number() != null) numbers.merge(v.number(), 1L, Long::sum);
            if (q.type() == QuestionType.COUNTRY && v.text() != null) countries.merge(v.text(), 1L, Long::sum);
            v.rows().forEach((row, chosen) -> {
                rowsAnswered.merge(row, 1L, Long::sum);
                chosen.forEach(option -> cells.merge(ResponseTally.matrixCell(row, option), 1L, Long::sum));
            });
            for (int i = 0; i < v.ranking().size(); i++) {
                if (v.ranking().get(i) != null) cells.merge(ResponseTally.rankedPlace(v.ranking().get(i), i + 1), 1L, Long::sum);
            }
        }

        /** One running count. */
        void add(ResponseTally.Facet facet, String value, long n) {
            switch (facet) {
                case A -> answered += n;
                case M -> missing += n;
                case X -> texts += n;
                case O -> chosen.merge(value, n, Long::sum);
                case N -> numbers.merge(new BigDecimal(value), n, Long::sum);
                case C -> countries.merge(value, n, Long::sum);
                case R -> cells.merge(value, n, Long::sum);
                case W -> rowsAnswered.merge(value, n, Long::sum);
                case T -> { }
            }
        }

        /** How many answers hold a number equal to {@code value}. */
        long numbersEqualTo(BigDecimal value) {
            return numbers.getOrDefault(value, 0L);
        }

        long numberCount() {
            long n = 0;
            for (long c : numbers.values()) n += c;
            return n;
        }

        /** The number at 0-based {@code position} in ascending order. */
        BigDecimal numberAt(long position) {
            long seen = 0;
            for (Map.Entry<BigDecimal, Long> e : numbers.entrySet()) {
                seen += e.getValue();
                if (position < seen) return e.getKey();
            }
            throw new IndexOutOfBoundsException(position);
        }

        QuestionResult result(QuestionDef question, SmallCellSuppression suppression, long responses) {
            if (question.type() == QuestionType.MATRIX || question.type() == QuestionType.RANKING) {
                return RowTables.result(question, suppression, responses, answered, missing, cells, rowsAnswered);
            }
            boolean multiple = question.type() == QuestionType.MULTIPLE_CHOICE;
            List<OptionDef> choices = question.choices();
            long[] optionCounts = new long[choices.size()];
            for (int i = 0; i < choices.size(); i++) {
                String code = choices.get(i).code();
                optionCounts[i] = question.type() == QuestionType.SCALE ? numbersEqualTo(new BigDecimal(code))
                        : chosen.getOrDefault(code, 0L);
            }
            long notShown = responses - answered - missing;
            // the answers' numbers count only for a number or scale question (as now asked)
            boolean numeric = question.type().isNumeric();
            long numberCount = numeric ? numberCount() : 0;
            if (question.type() == QuestionType.COUNTRY) {
                // the countries actually named, most frequent first
                choices = countries.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .map(e -> new OptionDef(e.getKey(), e.getKey())).toList();
                optionCounts = choices.stream().mapToLong(o -> countries.get(o.code())).toArray();
            }
            if (!multiple && !choices.isEmpty() && question.type() != QuestionType.COUNTRY) {
                long offered = java.util.Arrays.stream(optionCounts).sum();
                if (offered < answered) {
                    // answers to options that a later version removed (or a scale that shrank): one part of their own,
                    // so the parts add up to "answered" again and suppression treats it as any option
                    choices = new ArrayList<>(choices);
                    choices.add(new OptionDef(SurveyStructure.NO_LONGER_OFFERED, null));
                    optionCounts = java.util.Arrays.copyOf(optionCounts, optionCounts.length + 1);
                    optionCounts[optionCounts.length - 1] = answered - offered;
                }
            }
            // a number question's distribution: shown only when mean and median are (at least k answers)
            NumberBins.Layout layout = question.type() == QuestionType.NUMBER && numberCount >= suppression.k()
                    ? NumberBins.of(List.copyOf(numbers.keySet())) : null;
            long[] binCounts = layout == null ? new long[0] : layout.count(numbers);
            int n = choices.size();
            // the parts that add up to "answered": options of a single choice, or the bins of a distribution
            long[] parts = !multiple && n > 0 ? optionCounts
                    : binCounts.length > 0 && numberCount == answered ? binCounts : new long[0];
            int p = parts.length;
            // parts..., answered, missing, notShown, responses
            long[] values = new long[p + 4];
            System.arraycopy(parts, 0, values, 0, p);
            values[p] = answered;
            values[p + 1] = missing;
            values[p + 2] = notShown;
            values[p + 3] = responses;
            List<int[]> sums = new ArrayList<>();
            if (p > 0) {
                int[] byParts = new int[p + 1];
                for (int i = 0; i <= p; i++) byParts[i] = i;
                sums.add(byParts);
            }
            sums.add(new int[]{p, p + 1, p + 2, p + 3});
            List<Cell> linked = suppression.linked(values, sums);
            List<Cell> cells = linked.subList(p, p + 4);
            Cell answeredCell = cells.get(0);
            List<Cell> optionCells = new ArrayList<>();
            List<Cell> binCells = new ArrayList<>();
            if (parts == optionCounts) {
                optionCells.addAll(linked.subList(0, p));
            } else {
                for (int i = 0; i < n; i++) optionCells.add(suppression.cell(optionCounts[i]));
                if (parts == binCounts) {
                    binCells.addAll(linked.subList(0, p));
                } else if (binCounts.length > 0) {
                    // never expected (a number question answered without a number); their own sum protects them
                    binCells.addAll(suppression.row(binCounts).cells());
                }
            }
            List<OptionCount> options = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Cell c = optionCells.get(i);
                options.add(new OptionCount(choices.get(i).code(), choices.get(i).label(), c, c.percentOf(answeredCell)));
            }
            List<NumberBin> bins = new ArrayList<>();
            for (int i = 0; i < binCells.size(); i++) {
                Cell c = binCells.get(i);
                bins.add(new NumberBin(layout.lower(i), layout.lower(i + 1), layout.wholeNumbers(), c, c.percentOf(answeredCell)));
            }
            BigDecimal mean = null;
            BigDecimal median = null;
            boolean statsHidden = false;
            if (question.type().isNumeric()) {
                if (numberCount >= suppression.k()) {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (Map.Entry<BigDecimal, Long> e : numbers.entrySet()) {
                        sum = sum.add(e.getKey().multiply(BigDecimal.valueOf(e.getValue())));
                    }
                    mean = sum.divide(BigDecimal.valueOf(numberCount), new MathContext(10)).setScale(1, RoundingMode.HALF_UP);
                    long mid = numberCount / 2;
                    median = numberCount % 2 == 1 ? numberAt(mid)
                            : numberAt(mid - 1).add(numberAt(mid)).divide(BigDecimal.TWO, 1, RoundingMode.HALF_UP);
                    median = median.stripTrailingZeros();
                    if (median.scale() < 0) median = median.setScale(0);
                } else {
                    statsHidden = numberCount > 0;
                }
            }
            return new QuestionResult(question, answeredCell, cells.get(1), cells.get(2), options, multiple, mean, median, statsHidden, bins);
        }
    }
}
