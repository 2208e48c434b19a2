package org.ngoplatform.survey.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The bins of a number question's distribution, chosen from its answers.
 * <p>
 * Rule: when every answer is a whole number and they span at most {@value #MAX_BINS} values, one bin per value
 * from the smallest to the largest answer (counts of whole things, such as years or cases, read best value by
 * value, and like the points of a scale). Otherwise equal-width bins whose width is 1, 2, 2.5 or 5 times a power
 * of ten: the narrowest such width that needs at most {@value #MAX_BINS} bins, which gives 6 to 12 bins (each
 * step of the series at most doubles the width). Edges are multiples of the width, so they read as round numbers
 * ("10–19", "2.5 to under 5") and are not the exact smallest or largest answer. Whole-number answers never get a
 * fractional width, so their bins are labelled as inclusive ranges of whole numbers. At most 12 bins keep the
 * chart readable as rows on a 360 px phone.
 */
final class NumberBins {

    static final int MAX_BINS = 12;
    private static final BigDecimal[] NICE = {BigDecimal.ONE, BigDecimal.TWO, new BigDecimal("2.5"), BigDecimal.valueOf(5)};

    /** Bin i covers [from + i·width, from + (i+1)·width). */
    record Layout(BigDecimal from, BigDecimal width, int bins, boolean wholeNumbers) {

        BigDecimal lower(int i) {
            return from.add(width.multiply(BigDecimal.valueOf(i)));
        }

        int index(BigDecimal value) {
            return value.subtract(from).divide(width, 0, RoundingMode.FLOOR).intValueExact();
        }

        long[] count(List<BigDecimal> values) {
            long[] counts = new long[bins];
            for (BigDecimal v : values) {
                counts[index(v)]++;
            }
            return counts;
        }

        /** The same counts from distinct values and how often each was answered. */
        long[] count(java.util.Map<BigDecimal, Long> valueCounts) {
            long[] counts = new long[bins];
            valueCounts.forEach((v, n) -> counts[index(v)] += n);
            return counts;
        }
    }

    private NumberBins() {
    }

    /** The layout for these answers (at least one). */
    static Layout of(List<BigDecimal> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        BigDecimal min = values.getFirst();
        BigDecimal max = min;
        boolean whole = true;
        for (BigDecimal v : values) {
            if (v.compareTo(min) < 0) min = v;
            if (v.compareTo(max) > 0) max = v;
            whole &= v.stripTrailingZeros().scale() <= 0;
        }
        BigDecimal span = max.subtract(min);
        if (whole && span.compareTo(BigDecimal.valueOf(MAX_BINS - 1)) <= 0) {
            return new Layout(plain(min), BigDecimal.ONE, span.intValueExact() + 1, true);
        }
        if (span.signum() == 0) {
            // several equal fractional answers: one bin a tenth of the value's order of magnitude wide (2.5 -> 2.5 to under 2.6)
            BigDecimal width = BigDecimal.ONE.scaleByPowerOfTen(magnitude(min.abs().max(BigDecimal.ONE)) - 1);
            return layout(min, max, width, false);
        }
        // start a little below the width that would give exactly MAX_BINS bins, then widen along 1, 2, 2.5, 5 × 10^e
        int exponent = magnitude(span.divide(BigDecimal.valueOf(MAX_BINS), 20, RoundingMode.HALF_UP)) - 1;
        while (true) {
            for (BigDecimal nice : NICE) {
                BigDecimal width = nice.scaleByPowerOfTen(exponent);
                if (whole && width.stripTrailingZeros().scale() > 0) continue;
                Layout layout = layout(min, max, width, whole);
                if (layout.bins() <= MAX_BINS) return layout;
            }
            exponent++;
        }
    }

    private static Layout layout(BigDecimal min, BigDecimal max, BigDecimal width, boolean whole) {
        BigDecimal from = plain(min.divide(width, 0, RoundingMode.FLOOR).multiply(width));
        int bins = max.subtract(from).divide(width, 0, RoundingMode.FLOOR).intValueExact() + 1;
        return new Layout(from, plain(width), bins, whole);
    }

    /** Without trailing zeros, and never in exponent form (100, not 1E+2). */
    static BigDecimal plain(BigDecimal x) {
        BigDecimal s = x.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0, RoundingMode.UNNECESSARY) : s;
    }

    /** floor(log10(x)) for x &gt; 0. */
    private static int magnitude(BigDecimal x) {
        return x.precision() - x.scale() - 1;
    }
}
