package org.ngoplatform.survey.respond;

import java.util.Map;

/** Answers that break a question's rules; {@code problems} is keyed by question code. */
public class SurveyAnswersRejectedException extends ResponseRejectedException {

    private final Map<String, AnswerRules.Problem> problems;

    public SurveyAnswersRejectedException(Map<String, AnswerRules.Problem> problems) {
        super("answers", "survey.answer.check-page");
        this.problems = Map.copyOf(problems);
    }

    public Map<String, AnswerRules.Problem> problems() {
        return problems;
    }
}
