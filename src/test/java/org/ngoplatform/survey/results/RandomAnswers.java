package org.ngoplatform.survey.results;

import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Valid random answers to any survey version (SurveyResultsTallyTest, SurveyResultsBenchmark). */
final class RandomAnswers {

    private RandomAnswers() {
    }

    /** Random answers to whatever the current version asks; optional questions often left out. */
    static Map<String, AnswerValue> of(SurveyStructure s, Random random) {
        Map<String, AnswerValue> answers = new HashMap<>();
        String[] countries = {"DE", "PL", "UA", "MK", "IT"};
        for (QuestionDef q : s.questions()) {
            if (!q.required() && random.nextInt(4) == 0) {
                continue;
            }
            List<OptionDef> choices = q.choices();
            AnswerValue v = switch (q.type()) {
                case SINGLE_CHOICE, YES_NO -> {
                    // skewed, so some options stay below k
                    String code = choices.get(Math.min(choices.size() - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * 1.5))).code();
                    yield AnswerValue.ofOptions(Set.of(code), SurveyStructure.OTHER.equals(code) ? "other " + random.nextInt(3) : null);
                }
                case MULTIPLE_CHOICE -> {
                    Set<String> picked = new LinkedHashSet<>();
                    for (OptionDef o : choices) if (random.nextInt(3) == 0) picked.add(o.code());
                    if (picked.isEmpty()) picked.add(choices.getFirst().code());
                    yield AnswerValue.ofOptions(picked, picked.contains(SurveyStructure.OTHER) ? "else" : null);
                }
                case SCALE -> AnswerValue.ofNumber(q.scaleMin() + random.nextInt(q.scaleMax() - q.scaleMin() + 1));
                case NUMBER -> {
                    long lo = q.min() == null ? 0 : q.min().longValue();
                    long hi = q.max() == null ? 1000 : Math.min(q.max().longValue(), lo + 100_000);
                    // whole numbers skewed to the low end (counts of cases, years), or one or two decimals
                    long whole = lo + (long) Math.floor(Math.pow(random.nextDouble(), 2) * (hi - lo + 1));
                    yield q.integerOnly() || hi - lo < 1 ? AnswerValue.ofNumber(Math.min(hi, whole))
                            : random.nextBoolean() ? AnswerValue.ofNumber(BigDecimal.valueOf(Math.min(hi - 1, whole) * 10 + random.nextInt(10), 1))
                            : AnswerValue.ofNumber(BigDecimal.valueOf(Math.min(hi - 1, whole) * 100 + random.nextInt(100), 2));
                }
                case COUNTRY -> AnswerValue.ofText(countries[Math.min(4, (int) Math.floor(Math.abs(random.nextGaussian()) * 2))]);
                case SHORT_TEXT, LONG_TEXT -> AnswerValue.ofText("text " + random.nextInt(1000));
                case DATE -> AnswerValue.ofDate(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300)));
                case MATRIX -> {
                    // every row of a required matrix, else some rows; skewed like a single choice
                    Map<String, Set<String>> rows = new java.util.LinkedHashMap<>();
                    for (OptionDef row : q.rows()) {
                        if (!q.required() && random.nextInt(3) == 0) continue;
                        Set<String> picked = new LinkedHashSet<>();
                        if (q.multiplePerRow()) {
                            for (OptionDef o : choices) if (random.nextInt(3) == 0) picked.add(o.code());
                        }
                        if (picked.isEmpty()) {
                            picked.add(choices.get(Math.min(choices.size() - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * 1.5))).code());
                        }
                        rows.put(row.code(), picked);
                    }
                    if (rows.isEmpty()) rows.put(q.rows().getFirst().code(), Set.of(choices.getFirst().code()));
                    yield AnswerValue.ofRows(rows);
                }
                case RANKING -> {
                    // a complete ranking, the first option often first
                    List<String> codes = new java.util.ArrayList<>(choices.stream().map(OptionDef::code).toList());
                    java.util.Collections.shuffle(codes, random);
                    if (random.nextBoolean()) {
                        codes.remove(choices.getFirst().code());
                        codes.addFirst(choices.getFirst().code());
                    }
                    yield AnswerValue.ofRanking(codes);
                }
            };
            answers.put(q.code(), v);
        }
        return answers;
    }

}
