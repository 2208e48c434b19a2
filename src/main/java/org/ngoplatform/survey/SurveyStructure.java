package org.ngoplatform.survey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The full structure of one survey version, as read-only records: what respondents see, what results and
 * exports are computed over. Question and option codes are stable across versions (export column names).
 */
public record SurveyStructure(long surveyId, long versionId, int versionNumber, String title, String intro,
                              String thankYou, SurveyAudience audience, SurveyAnonymity anonymity, int suppressionK,
                              List<SectionDef> sections) {

    public static final String OTHER = "other";
    /**
     * In results only: the answers of a single choice or scale given to options that the current version no longer
     * offers, counted as one part so that the parts still add up to "answered" and small-cell suppression protects
     * it like any option. Not a possible question or option code ({@code QuestionForm.CODE_PATTERN}).
     */
    public static final String NO_LONGER_OFFERED = "~no-longer-offered";
    public static final String YES = "yes";
    public static final String NO = "no";

    public SurveyStructure {
        sections = List.copyOf(sections);
    }

    /** A page of the survey. */
    public record SectionDef(long id, int index, String title, String intro, List<QuestionDef> questions) {
        public SectionDef {
            questions = List.copyOf(questions);
        }
    }

    /**
     * Show the question only when its clauses over earlier questions hold: all of them ({@link Join#ALL}, AND) or at
     * least one ({@link Join#ANY}, OR). What that means for an answer, and which conditions a design may hold, is
     * {@link SurveyConditions}.
     */
    public record Condition(Join join, List<Clause> clauses) {
        public enum Join { ALL, ANY }

        public Condition {
            join = join == null ? Join.ALL : join;
            clauses = clauses == null ? List.of() : List.copyOf(clauses);
        }

        /** The single condition of before V26: the choice question {@code questionCode} has one of these answers. */
        public static Condition oneOf(String questionCode, Set<String> optionCodes) {
            return new Condition(Join.ALL, List.of(Clause.oneOf(questionCode, optionCodes)));
        }
    }

    /**
     * One test of an earlier question's answer: one of the given options (choice, yes/no: {@link Operator#ONE_OF}), or
     * a comparison of the number with {@code value} (number, scale).
     */
    public record Clause(String questionCode, Operator operator, Set<String> optionCodes, BigDecimal value) {
        public enum Operator { ONE_OF, EQ, NE, LT, LE, GT, GE }

        public Clause {
            optionCodes = optionCodes == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(optionCodes));
        }

        public static Clause oneOf(String questionCode, Set<String> optionCodes) {
            return new Clause(questionCode, Operator.ONE_OF, optionCodes, null);
        }

        public static Clause compare(String questionCode, Operator operator, BigDecimal value) {
            return new Clause(questionCode, operator, Set.of(), value);
        }
    }

    public record OptionDef(String code, String label) {
    }

    /**
     * One question. {@code rows} are a matrix's rows (stable codes like options; empty for every other type), rated
     * on the shared {@code options}, one per row or several ({@code multiplePerRow}).
     */
    public record QuestionDef(long id, String code, QuestionType type, String text, String help, boolean required,
                              BigDecimal min, BigDecimal max, boolean integerOnly, Integer scaleMin, Integer scaleMax,
                              String scaleMinLabel, String scaleMaxLabel, boolean allowOther, Condition condition,
                              List<OptionDef> options, List<OptionDef> rows, boolean multiplePerRow) {
        public QuestionDef {
            options = List.copyOf(options);
            rows = rows == null ? List.of() : List.copyOf(rows);
        }

        /** A question without matrix rows (every type but a matrix). */
        public QuestionDef(long id, String code, QuestionType type, String text, String help, boolean required,
                           BigDecimal min, BigDecimal max, boolean integerOnly, Integer scaleMin, Integer scaleMax,
                           String scaleMinLabel, String scaleMaxLabel, boolean allowOther, Condition condition,
                           List<OptionDef> options) {
            this(id, code, type, text, help, required, min, max, integerOnly, scaleMin, scaleMax, scaleMinLabel,
                    scaleMaxLabel, allowOther, condition, options, List.of(), false);
        }

        /**
         * Every code an answer to this question can hold, in display order: the options, "other" when
         * allowed, "yes"/"no" for yes/no questions, the scale points for scales, a matrix's shared options (per row),
         * what a ranking puts in order. Empty for free answers.
         */
        public List<OptionDef> choices() {
            List<OptionDef> all = new ArrayList<>();
            switch (type) {
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                    all.addAll(options);
                    if (allowOther) {
                        all.add(new OptionDef(OTHER, "Other"));
                    }
                }
                case MATRIX, RANKING -> all.addAll(options);
                case YES_NO -> {
                    all.add(new OptionDef(YES, "Yes"));
                    all.add(new OptionDef(NO, "No"));
                }
                case SCALE -> {
                    for (int i = scaleMin; i <= scaleMax; i++) {
                        all.add(new OptionDef(String.valueOf(i), String.valueOf(i)));
                    }
                }
                default -> { }
            }
            return all;
        }
    }

    /** All questions in respondent order. */
    public List<QuestionDef> questions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }

    public Optional<QuestionDef> question(String code) {
        return questions().stream().filter(q -> q.code().equals(code)).findFirst();
    }
}
