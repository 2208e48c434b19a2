package org.ngoplatform.survey.respond;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.SurveyTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in person answers an anonymous survey. Afterwards nothing in the database may tie their response
 * to their account, an IP address or the exact time: checked over every table of the schema.
 */
@IntegrationTest
class SurveyAnonymityTest {

    @Autowired SurveyTestData data;
    @Autowired SurveyRespondentService respondent;
    @Autowired AccountFixtures fixtures;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void an_anonymous_response_by_a_signed_in_user_cannot_be_linked_to_them() {
        var settings = SurveyTestData.settings("Anonymous for participants");
        settings.setAudience(SurveyAudience.SIGNED_IN);
        var survey = data.openSurvey(settings);
        AccountPrincipal me = fixtures.signIn(Role.PARTICIPANT);
        long auditBefore = auditRowsBy(me.getUsername());

        var saved = respondent.saveDraft(survey.key(), null, Map.of("years", AnswerValue.ofNumber(4)), 1);
        respondent.submit(survey.key(), respondent.newSubmissionToken(), SurveyTestData.complete("lawyer", 4, true), saved.resumeCode());

        long responseId = jdbc.sql("SELECT id FROM survey_response WHERE survey_id = ?").param(survey.id()).query(Long.class).single();

        // 1. The response tables have no column that could hold identity, a network address or a time of day.
        for (String table : List.of("survey_response", "survey_answer")) {
            for (Map<String, Object> column : columns(table)) {
                String name = String.valueOf(column.get("column_name")).toLowerCase(Locale.ROOT);
                String type = String.valueOf(column.get("data_type")).toLowerCase(Locale.ROOT);
                assertThat(name).as(table).doesNotContain("account", "user", "ip", "agent", "email", "session", "created", "_at");
                assertThat(type).as(table + "." + name).isNotIn("datetime", "timestamp", "time");
            }
        }
        // ... and exactly these columns: the id orders nothing that leaves the database, the random sort key does;
        // the language the respondent chose (issue 17: answers pool across languages, results never split by it)
        assertThat(columns("survey_response").stream().map(c -> String.valueOf(c.get("column_name")).toLowerCase(Locale.ROOT)))
                .containsExactlyInAnyOrder("id", "survey_id", "version_id", "submitted_week", "sort_key", "language");
        assertThat(jdbc.sql("SELECT submitted_week FROM survey_response WHERE id = ?").param(responseId).query(String.class).single())
                .matches("\\d{4}-W\\d{2}");

        // 2. No identity row, no draft left, and no survey table holds the account anywhere.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_response_identity WHERE response_id = ? OR survey_id = ?")
                .params(responseId, survey.id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_draft WHERE survey_id = ?").param(survey.id()).query(Long.class).single()).isZero();

        // 3. Every table of the schema: wherever a column names an account, this account has no survey-related row,
        //    and no text column anywhere outside the account itself holds the email or the name.
        for (String table : tables()) {
            for (Map<String, Object> column : columns(table)) {
                String name = String.valueOf(column.get("column_name")).toLowerCase(Locale.ROOT);
                String type = String.valueOf(column.get("data_type")).toLowerCase(Locale.ROOT);
                if (name.equals("account_id") && table.startsWith("survey")) {
                    assertThat(count(table, name, me.accountId())).as(table).isZero();
                }
                if ((type.contains("char") || type.contains("text")) && !table.equals("account") && !table.startsWith("flyway")) {
                    assertThat(count(table, name, me.getUsername())).as(table + "." + name + " holds the email").isZero();
                }
            }
        }
        // 4. Nothing was written to the audit log in the respondent's name.
        assertThat(auditRowsBy(me.getUsername())).isEqualTo(auditBefore);
    }

    private long auditRowsBy(String actor) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = ?").param(actor).query(Long.class).single();
    }

    private long count(String table, String column, Object value) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?").param(value).query(Long.class).single();
    }

    private List<String> tables() {
        return jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")
                .query(String.class).list();
    }

    private List<Map<String, Object>> columns(String table) {
        return jdbc.sql("SELECT column_name AS column_name, data_type AS data_type FROM information_schema.columns "
                        + "WHERE table_schema = DATABASE() AND table_name = ?")
                .param(table).query().listOfRows().stream()
                .map(row -> {
                    Map<String, Object> lower = new java.util.HashMap<>();
                    row.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
                    return lower;
                }).toList();
    }
}
