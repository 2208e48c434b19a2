package org.ngoplatform.survey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One question's answer: chosen option codes (choice, yes/no; "other" with its text), free text (text,
 * country code), a number (number, scale) or a date. Exactly the part that fits the question type is used.
 */
public record AnswerValue(Set<String> options, String otherText, String text, BigDecimal number, LocalDate date) {

    public static final AnswerValue EMPTY = new AnswerValue(Set.of(), null, null, null, null);

    public AnswerValue {
        options = options == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(options));
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
        };
    }
}
