package org.ngoplatform.survey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One question's answer: chosen option codes (choice, yes/no; "other" with its text), free text (text,
 * country code), a number (number, scale), a date, the option codes chosen per row of a matrix ({@code rows}: row
 * code to option codes, rows left empty absent), or the option codes of a ranking in rank order ({@code ranking}:
 * rank 1 first; as given, so duplicates and gaps reach the rules that refuse them). Exactly the part that fits
 * the question type is used.
 */
public record AnswerValue(Set<String> options, String otherText, String text, BigDecimal number, LocalDate date,
                          Map<String, Set<String>> rows, List<String> ranking) {

    public static final AnswerValue EMPTY = new AnswerValue(Set.of(), null, null, null, null);

    public AnswerValue {
        options = options == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(options));
        Map<String, Set<String>> kept = new LinkedHashMap<>();
        if (rows != null) {
            rows.forEach((row, chosen) -> {
                if (row != null && chosen != null && !chosen.isEmpty()) {
                    kept.put(row, Collections.unmodifiableSet(new LinkedHashSet<>(chosen)));
                }
            });
        }
        rows = Collections.unmodifiableMap(kept);
        ranking = ranking == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(ranking));
    }

    public AnswerValue(Set<String> options, String otherText, String text, BigDecimal number, LocalDate date) {
        this(options, otherText, text, number, date, Map.of(), List.of());
    }

    /** A matrix answer: row code to the option codes chosen in that row. */
    public static AnswerValue ofRows(Map<String, Set<String>> rows) {
        return new AnswerValue(Set.of(), null, null, null, null, rows, List.of());
    }

    /** A ranking: option codes from rank 1 down. */
    public static AnswerValue ofRanking(List<String> codes) {
        return new AnswerValue(Set.of(), null, null, null, null, Map.of(), codes);
    }

    public static AnswerValue ofOptions(String... codes) {
        return new AnswerValue(new LinkedHashSet<>(List.of(codes)), null, null, null, null);
    }

    public static AnswerValue ofOptions(Set<String> codes, String otherText) {
        return new AnswerValue(codes, otherText, null, null, null);
    }

    public static AnswerValue ofText(String text) {
        return new AnswerValue(Set.of(), null, text, null, null);
    }

    public static AnswerValue ofNumber(BigDecimal number) {
        return new AnswerValue(Set.of(), null, null, number, null);
    }

    public static AnswerValue ofNumber(long number) {
        return ofNumber(BigDecimal.valueOf(number));
    }

    public static AnswerValue ofDate(LocalDate date) {
        return new AnswerValue(Set.of(), null, null, null, date);
    }

    /** Nothing given that counts as an answer to a question of this type. */
    public boolean isEmptyFor(QuestionType type) {
        return switch (type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE, YES_NO -> options.isEmpty();
            case SHORT_TEXT, LONG_TEXT, COUNTRY -> text == null || text.isBlank();
            case NUMBER, SCALE -> number == null;
            case DATE -> date == null;
            case MATRIX -> rows.isEmpty();
            case RANKING -> ranking.stream().allMatch(c -> c == null || c.isBlank());
        };
    }
}
