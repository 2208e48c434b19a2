package org.ngoplatform.survey.design;

import org.ngoplatform.survey.SurveyStructure.Condition;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A question's condition as it is kept in {@code survey_question.condition_rule} (V26): the record as JSON, written and
 * read by Jackson, e.g. {@code {"join":"ALL","clauses":[{"questionCode":"claimed","operator":"ONE_OF",
 * "optionCodes":["no"],"value":null}]}}. Only the builder writes it, after {@code SurveyConditions.check}.
 */
final class ConditionJson {

    /** The column's size; the builder refuses a condition whose text would not fit. */
    static final int MAX = 4000;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ConditionJson() {
    }

    static String write(Condition condition) {
        return condition == null || condition.clauses().isEmpty() ? null : MAPPER.writeValueAsString(condition);
    }

    static Condition read(String json) {
        return json == null || json.isBlank() ? null : MAPPER.readValue(json, Condition.class);
    }
}
