package org.ngoplatform.survey.results;

import org.junit.jupiter.api.Test;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.SurveyStructure.SectionDef;
import org.ngoplatform.survey.respond.SubmittedResponse;
import org.ngoplatform.survey.respond.SubmittedResponse.Answer;
import org.ngoplatform.survey.respond.SubmittedResponse.AnswerState;
import org.ngoplatform.survey.results.SurveyResultsService.NumberBin;
import org.ngoplatform.survey.results.SurveyResultsService.QuestionResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution of a number question as {@link SurveyResultsService} computes it: which bins, which counts,
 * suppressed how. Runs the service's aggregation over made-up responses (the database adds nothing here; the
 * view and workbook tests go through it).
 */
class NumberDistributionTest {

    static final int K = 5;

    private static QuestionDef number(String code, boolean required) {
        return new QuestionDef(1, code, QuestionType.NUMBER, "How much " + code + "?", null, required, null, null,
                false, null, null, null, null, false, null, List.of());
    }

    private static QuestionDef single(String code, String... options) {
        return new QuestionDef(2, code, QuestionType.SINGLE_CHOICE, "Which " + code + "?", null, false, null, null,
                false, null, null, null, null, false, null,
                java.util.Arrays.stream(options).map(o -> new OptionDef(o, o)).toList());
    }

    private static SurveyStructure survey(QuestionDef... questions) {
        return new SurveyStructure(1, 1, 1, "Distribution", null, "Thanks", SurveyAudience.PUBLIC_LINK,
                SurveyAnonymity.ANONYMOUS, K, List.of(new SectionDef(1, 0, "Page", null, List.of(questions))));
    }

    /** One response per value (null: shown but not answered), answering the question {@code code}. */
    private static List<SubmittedResponse> responses(String code, List<String> values) {
        List<SubmittedResponse> list = new ArrayList<>();
        for (String v : values) {
            Map<String, Answer> answers = new LinkedHashMap<>();
            answers.put(code, v == null ? new Answer(AnswerState.UNANSWERED, AnswerValue.EMPTY)
                    : new Answer(AnswerState.ANSWERED, AnswerValue.ofNumber(new BigDecimal(v))));
            list.add(new SubmittedResponse(list.size() + 1, 1, "2026-W49", answers));
        }
        return list;
    }

    private static List<String> times(int n, String value) {
        return java.util.Collections.nCopies(n, value);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) all.addAll(p);
        return all;
    }

    private static QuestionResult distribution(List<String> values) {
        SurveyStructure s = survey(number("amount", false));
        List<SubmittedResponse> page = responses("amount", values);
        return SurveyResultsService.aggregate(s, null, pages -> pages.accept(page)).questions().getFirst();
    }

    private static List<String> labels(QuestionResult r, Locale locale) {
        return r.bins().stream().map(b -> b.label(locale, (from, to) -> from + " to under " + to)).toList();
    }

    private static List<String> shown(QuestionResult r) {
        return r.bins().stream().map(b -> CountText.withShare(b.count(), b.percent())).toList();
    }

    @Test
    void whole_numbers_over_a_small_range_get_one_bin_per_value_empty_values_included() {
        QuestionResult r = distribution(concat(times(5, "2"), times(6, "3"), times(5, "7")));
        assertThat(labels(r, Locale.ENGLISH)).containsExactly("2", "3", "4", "5", "6", "7");
        assertThat(shown(r)).containsExactly("5 (31%)", "6 (38%)", "0 (0%)", "0 (0%)", "0 (0%)", "5 (31%)");
    }

    @Test
    void all_equal_answers_make_one_bin() {
        QuestionResult whole = distribution(times(6, "42"));
        assertThat(labels(whole, Locale.ENGLISH)).containsExactly("42");
        assertThat(shown(whole)).containsExactly("6 (100%)");

        QuestionResult decimal = distribution(times(5, "2.5"));
        assertThat(labels(decimal, Locale.ENGLISH)).containsExactly("2.5 to under 2.6");
        assertThat(shown(decimal)).containsExactly("5 (100%)");
    }

    @Test
    void negative_answers_get_round_edges_below_zero() {
        QuestionResult r = distribution(concat(times(5, "-30"), times(5, "-17"), times(5, "-5"), times(5, "0"),
                times(5, "4"), times(5, "12"), times(5, "25")));
        assertThat(labels(r, Locale.ENGLISH)).containsExactly("-30 – -26", "-25 – -21", "-20 – -16",
                "-15 – -11", "-10 – -6", "-5 – -1", "0 – 4", "5 – 9", "10 – 14", "15 – 19", "20 – 24", "25 – 29");
        assertThat(r.bins().stream().map(b -> b.count().display()).toList())
                .containsExactly("5", "0", "5", "0", "0", "5", "10", "0", "5", "0", "0", "5");
    }

    @Test
    void decimal_answers_get_half_open_bins_with_round_edges() {
        QuestionResult r = distribution(concat(times(5, "0.5"), times(5, "1.25"), times(5, "3.75")));
        assertThat(labels(r, Locale.ENGLISH)).containsExactly("0.5 to under 1", "1 to under 1.5", "1.5 to under 2",
                "2 to under 2.5", "2.5 to under 3", "3 to under 3.5", "3.5 to under 4");
        assertThat(r.bins().stream().map(b -> b.count().display()).toList())
                .containsExactly("5", "5", "0", "0", "0", "0", "5");
    }

    @Test
    void a_wide_range_gets_at_most_twelve_bins_a_round_width_apart_in_the_readers_language() {
        QuestionResult r = distribution(concat(times(5, "1200"), times(5, "48000"), times(5, "350000")));
        assertThat(r.bins()).hasSize(8);
        assertThat(r.bins().getFirst().from()).isEqualByComparingTo("0");
        assertThat(r.bins().getFirst().to()).isEqualByComparingTo("50000");
        assertThat(labels(r, Locale.ENGLISH).getFirst()).isEqualTo("0 – 49,999");
        assertThat(labels(r, Locale.GERMAN).get(1)).isEqualTo("50.000 – 99.999");
        assertThat(r.bins().stream().mapToLong(b -> b.count().value().orElseThrow()).sum()).isEqualTo(15);
    }

    @Test
    void bin_counts_always_add_up_to_the_answers_and_never_exceed_twelve_bins() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int run = 0; run < 300; run++) {
            int n = K + random.nextInt(40);
            List<String> values = new ArrayList<>();
            boolean decimals = random.nextBoolean();
            int spread = 1 + random.nextInt(random.nextBoolean() ? 15 : 100_000);
            int offset = random.nextInt(2 * spread + 1) - spread;
            for (int i = 0; i < n; i++) {
                int v = offset + random.nextInt(spread);
                values.add(decimals ? BigDecimal.valueOf(v, 2).toPlainString() : String.valueOf(v));
            }
            var layout = NumberBins.of(values.stream().map(BigDecimal::new).toList());
            assertThat(layout.bins()).as("%s", values).isBetween(1, NumberBins.MAX_BINS);
            assertThat(java.util.Arrays.stream(layout.count(values.stream().map(BigDecimal::new).toList())).sum()).isEqualTo(n);
        }
    }

    @Test
    void fewer_than_k_answers_show_no_distribution() {
        QuestionResult one = distribution(List.of("7"));
        assertThat(one.bins()).isEmpty();
        assertThat(one.statsHidden()).isTrue();
        assertThat(distribution(times(K - 1, "7")).bins()).isEmpty();
        assertThat(distribution(times(K, "7")).bins()).hasSize(1);
    }

    @Test
    void small_bins_are_suppressed_exactly_as_the_options_of_a_choice_question_with_the_same_counts() {
        // bins 10–11: 7, 20–21: 2, 30–31: 6; a choice question answered a: 7, b: 2, c: 6 by the same people
        SurveyStructure s = survey(number("amount", true), single("band", "a", "b", "c"));
        List<SubmittedResponse> page = new ArrayList<>();
        String[][] people = {{"10", "a"}, {"20", "b"}, {"30", "c"}};
        int[] counts = {7, 2, 6};
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < counts[g]; i++) {
                page.add(new SubmittedResponse(page.size() + 1, 1, "2026-W49", Map.of(
                        "amount", new Answer(AnswerState.ANSWERED, AnswerValue.ofNumber(new BigDecimal(people[g][0]))),
                        "band", new Answer(AnswerState.ANSWERED, AnswerValue.ofOptions(people[g][1])))));
            }
        }
        List<QuestionResult> results = SurveyResultsService.aggregate(s, null, pages -> pages.accept(page)).questions();
        QuestionResult amount = results.get(0);
        QuestionResult band = results.get(1);
        List<String> nonEmptyBins = amount.bins().stream().filter(b -> !"0".equals(b.count().display()))
                .map(b -> CountText.withShare(b.count(), b.percent())).toList();
        List<String> options = band.options().stream().map(o -> CountText.withShare(o.count(), o.percent())).toList();
        assertThat(options).containsExactly("7 (47%)", "<5", "*");
        assertThat(nonEmptyBins).isEqualTo(options);
        assertThat(amount.answered().display()).isEqualTo(band.answered().display()).isEqualTo("15");
    }

    @Test
    void a_hidden_number_of_answers_hides_the_bins_that_would_reveal_it_and_leaves_shares_out() {
        // 6 answered, 2 left it empty: "no answer" is small, so "answered" is hidden as its partner, and then the
        // one bin, which would tell "answered"
        QuestionResult r = distribution(concat(times(6, "10"), java.util.Collections.nCopies(2, null)));
        assertThat(r.missing().display()).isEqualTo("<5");
        assertThat(r.answered().hidden()).isTrue();
        assertThat(r.bins()).singleElement().satisfies(b -> {
            assertThat(b.count().hidden()).isTrue();
            assertThat(b.percent()).isEmpty();
        });
    }

    @Test
    void one_rule_writes_a_count_with_its_share() {
        var k5 = SmallCellSuppression.withK(K);
        assertThat(CountText.withShare(k5.cell(0), OptionalLong.of(0))).isEqualTo("0 (0%)");
        assertThat(CountText.withShare(k5.cell(12), OptionalLong.of(40))).isEqualTo("12 (40%)");
        assertThat(CountText.withShare(k5.cell(0), OptionalLong.empty())).isEqualTo("0 (–)");
        assertThat(CountText.withShare(k5.cell(3), OptionalLong.empty())).isEqualTo("<5");
        assertThat(CountText.countCell(k5.cell(3))).isEqualTo("<5");
        assertThat(CountText.shareCell(k5.cell(3), OptionalLong.empty())).isNull();
        assertThat(CountText.countCell(k5.cell(12))).isEqualTo(12L);
        assertThat(CountText.shareCell(k5.cell(12), OptionalLong.of(40))).isEqualTo(0.4);
        assertThat(CountText.shareCell(k5.cell(0), OptionalLong.empty())).isEqualTo(CountText.NO_SHARE);
    }

    @Test
    void a_bin_label_is_the_same_for_view_and_workbook() {
        NumberBin bin = new NumberBin(new BigDecimal("2.5"), new BigDecimal("5.0"), false,
                SmallCellSuppression.withK(K).cell(6), OptionalLong.of(50));
        assertThat(bin.label(Locale.ENGLISH, (a, b) -> a + " to under " + b)).isEqualTo("2.5 to under 5");
        assertThat(bin.label(Locale.GERMAN, (a, b) -> a + " bis unter " + b)).isEqualTo("2,5 bis unter 5");
    }
}
