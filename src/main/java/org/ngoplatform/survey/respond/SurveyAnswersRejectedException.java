package org.ngoplatform.survey.respond;

import java.util.Map;
import org.ngoplatform.survey.SurveyRejectedException;

/** Answers that break a question's rules; {@code problems} is keyed by question code. */
public class SurveyAnswersRejectedException extends SurveyRejectedException {

    private final Map<String, AnswerRules.Problem> problems;

    public SurveyAnswersRejectedException(Map<String, AnswerRules.Problem> problems) {
        super("answers", "survey.answer.check-page");
        this.problems = Map.copyOf(problems);
    }

    public Map<String, AnswerRules.Problem> problems() {
        return problems;
    }
}
