package org.ngoplatform.survey.results;

import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.respond.ResponseFilter;
import org.ngoplatform.survey.respond.ResponseStore;
import org.ngoplatform.survey.respond.SubmittedResponse;
import org.ngoplatform.survey.respond.SubmittedResponse.Answer;
import org.ngoplatform.survey.respond.SubmittedResponse.AnswerState;
import org.ngoplatform.survey.results.SmallCellSuppression.Cell;
import org.ngoplatform.survey.results.SurveyResultsService.NumberBin;
import org.ngoplatform.survey.results.SurveyResultsService.OptionCount;
import org.ngoplatform.survey.results.SurveyResultsService.QuestionResult;
import org.ngoplatform.survey.results.SurveyResultsService.SurveyResults;

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
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The results computation as it was before the running counts (V23), kept verbatim from commit afce52c as the
 * reference the new path is compared with (SurveyResultsTallyTest) and benchmarked against
 * (SurveyResultsBenchmark): a pass over every response, and over them again for each free-text count and page.
 */
final class LegacyResults {

    private LegacyResults() {
    }

    static SurveyResults aggregate(SurveyStructure structure, ResponseFilter filter,
                                   Consumer<Consumer<List<SubmittedResponse>>> source) {
        SmallCellSuppression suppression = SmallCellSuppression.withK(structure.suppressionK());
        Map<String, Tally> tallies = new HashMap<>();
        structure.questions().forEach(q -> tallies.put(q.code(), new Tally(q)));
        long[] total = {0};
        source.accept(page -> {
            for (SubmittedResponse r : page) {
                total[0]++;
                tallies.values().forEach(t -> t.add(r.answers().get(t.question.code())));
            }
        });
        List<QuestionResult> results = new ArrayList<>();
        for (QuestionDef q : structure.questions()) {
            results.add(tallies.get(q.code()).result(suppression, total[0]));
        }
        return new SurveyResults(structure, filter, SurveyResultsService.publishedTotal(suppression.k(), total[0]), suppression.k(), results);
    }

    static List<String> textAnswers(ResponseStore store, long surveyId, String questionCode, ResponseFilter filter, int offset, int limit) {
        List<String> texts = new ArrayList<>();
        long[] seen = {0};
        long end = (long) Math.max(0, offset) + Math.max(0, limit);
        store.forEachResponsePage(surveyId, filter, 500, page -> page.forEach(r -> {
            Answer a = r.answers().get(questionCode);
            if (a != null && a.answered() && a.value().text() != null) {
                if (seen[0] >= offset && seen[0] < end) {
                    texts.add(a.value().text());
                }
                seen[0]++;
            }
        }));
        return texts;
    }

    static long countTextAnswers(ResponseStore store, long surveyId, String questionCode, ResponseFilter filter) {
        long[] count = {0};
        store.forEachResponsePage(surveyId, filter, 500, page -> page.forEach(r -> {
            Answer a = r.answers().get(questionCode);
            if (a != null && a.answered() && a.value().text() != null) {
                count[0]++;
            }
        }));
        return count[0];
    }

    private static final class Tally {
        final QuestionDef question;
        final List<OptionDef> choices;
        final long[] optionCounts;
        long answered;
        long missing;
        long notShown;
        final List<BigDecimal> numbers = new ArrayList<>();

        final Map<String, Long> countries = new HashMap<>();

        Tally(QuestionDef question) {
            this.question = question;
            this.choices = question.choices();
            this.optionCounts = new long[choices.size()];
        }

        void add(Answer a) {
            if (a == null || a.state() == AnswerState.NOT_IN_VERSION || a.state() == AnswerState.SKIPPED_BY_CONDITION) {
                notShown++;
                return;
            }
            if (a.state() == AnswerState.UNANSWERED) {
                missing++;
                return;
            }
            answered++;
            AnswerValue v = a.value();
            for (int i = 0; i < choices.size(); i++) {
                String code = choices.get(i).code();
                boolean hit = question.type() == QuestionType.SCALE
                        ? v.number() != null && v.number().compareTo(new BigDecimal(code)) == 0
                        : v.options().contains(code);
                if (hit) {
                    optionCounts[i]++;
                }
            }
            if (question.type() == QuestionType.COUNTRY && v.text() != null) {
                countries.merge(v.text(), 1L, Long::sum);
            }
            if (question.type().isNumeric() && v.number() != null) {
                numbers.add(v.number());
            }
        }

        QuestionResult result(SmallCellSuppression suppression, long responses) {
            boolean multiple = question.type() == QuestionType.MULTIPLE_CHOICE;
            List<OptionDef> choices = this.choices;
            long[] optionCounts = this.optionCounts;
            if (question.type() == QuestionType.COUNTRY) {
                // the countries actually named, most frequent first
                choices = countries.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .map(e -> new OptionDef(e.getKey(), e.getKey())).toList();
                optionCounts = choices.stream().mapToLong(o -> countries.get(o.code())).toArray();
            }
            // a number question's distribution: shown only when mean and median are (at least k answers)
            NumberBins.Layout layout = question.type() == QuestionType.NUMBER && numbers.size() >= suppression.k()
                    ? NumberBins.of(numbers) : null;
            long[] binCounts = layout == null ? new long[0] : layout.count(numbers);
            int n = choices.size();
            // the parts that add up to "answered": options of a single choice, or the bins of a distribution
            long[] parts = !multiple && n > 0 ? optionCounts
                    : binCounts.length > 0 && numbers.size() == answered ? binCounts : new long[0];
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
                if (numbers.size() >= suppression.k()) {
                    mean = numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                            .divide(BigDecimal.valueOf(numbers.size()), new MathContext(10)).setScale(1, RoundingMode.HALF_UP);
                    List<BigDecimal> sorted = numbers.stream().sorted().toList();
                    int mid = sorted.size() / 2;
                    median = sorted.size() % 2 == 1 ? sorted.get(mid)
                            : sorted.get(mid - 1).add(sorted.get(mid)).divide(BigDecimal.TWO, 1, RoundingMode.HALF_UP);
                    median = median.stripTrailingZeros();
                    if (median.scale() < 0) median = median.setScale(0);
                } else {
                    statsHidden = !numbers.isEmpty();
                }
            }
            return new QuestionResult(question, answeredCell, cells.get(1), cells.get(2), options, multiple, mean, median, statsHidden, bins);
        }
    }
}
