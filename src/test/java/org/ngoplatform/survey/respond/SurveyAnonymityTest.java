package org.ngoplatform.survey.respond;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.survey.invite.InvitationTestSupport;
import org.ngoplatform.survey.invite.SurveyInvitationService;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
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
@ExtendWith(OutputCaptureExtension.class)
class SurveyAnonymityTest {

    @Autowired SurveyInvitationService invitations;
    @Autowired MailOutbox outbox;
    @Autowired JdbcTemplate jdbcTemplate;

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

    /**
     * Issue 17 §3: someone invited to an anonymous survey answers by their personal link. The invitation is only
     * marked used: no column or table links it to the response, its row keeps no time of the respondent's acts (a
     * day-level time would still single a response out on a quiet day, and the response already carries its ISO week),
     * no audit row is written, and no log line names the person, the link or the response.
     */
    @Test
    void an_invitation_to_an_anonymous_survey_cannot_be_linked_to_its_response(CapturedOutput output) {
        var survey = data.openSurvey(SurveyTestData.settings("Anonymous by invitation"));
        String invited = InvitationTestSupport.address("anon-invited");
        String other = InvitationTestSupport.address("anon-other");
        AccountFixtures.signIn(survey.analyst());
        invitations.inviteAddresses(survey.id(), invited + "\n" + other, "en");
        AccountFixtures.signOut();
        String token = InvitationTestSupport.token(outbox, jdbcTemplate, invited, 1);
        Map<String, Object> before = invitationRow(invited);
        long auditBefore = auditRowsAbout(survey.id());
        int logFrom = output.getAll().length();

        assertThat(respondent.openInvitation(survey.key(), token)).isEqualTo(SurveyRespondentService.LinkCheck.VALID);
        respondent.submit(survey.key(), respondent.newSubmissionToken(), SurveyTestData.complete("ngo", 2, false), null, null, token);
        long responseId = jdbc.sql("SELECT id FROM survey_response WHERE survey_id = ?").param(survey.id()).query(Long.class).single();

        // 1. The invitation is marked used, and nothing else changed on its row: no time of opening or answering.
        Map<String, Object> after = invitationRow(invited);
        assertThat(after.get("state")).isEqualTo("USED");
        assertThat(after.get("opened_at")).isNull();
        assertThat(after.get("completed_at")).isNull();
        Map<String, Object> unchanged = new java.util.HashMap<>(after);
        unchanged.put("state", before.get("state"));
        assertThat(unchanged).isEqualTo(before);

        // 2. Schema: no column of survey_invitation names a response, no column of the response tables names an
        //    invitation, and the one table that references both holds only identified surveys' rows.
        assertThat(columns("survey_invitation")).extracting(c -> String.valueOf(c.get("column_name")).toLowerCase(Locale.ROOT))
                .noneMatch(name -> name.contains("response"));
        for (String table : List.of("survey_response", "survey_answer")) {
            assertThat(columns(table)).extracting(c -> String.valueOf(c.get("column_name")).toLowerCase(Locale.ROOT))
                    .as(table).noneMatch(name -> name.contains("invit") || name.contains("token"));
        }
        List<String> linking = jdbc.sql("""
                SELECT DISTINCT a.table_name FROM information_schema.key_column_usage a
                JOIN information_schema.key_column_usage b ON b.table_schema = a.table_schema AND b.table_name = a.table_name
                WHERE a.table_schema = DATABASE() AND a.referenced_table_name = 'survey_response'
                  AND b.referenced_table_name = 'survey_invitation'""").query(String.class).list();
        assertThat(linking).as("tables referencing both a response and an invitation")
                .map(t -> t.toLowerCase(Locale.ROOT)).containsExactly("survey_invitation_response");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM survey_invitation_response r JOIN survey_invitation i ON i.id = r.invitation_id
                JOIN survey s ON s.id = i.survey_id WHERE s.anonymity = 'ANONYMOUS'""").query(Long.class).single())
                .as("no link row for any anonymous survey").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_invitation_response WHERE response_id = ?").param(responseId)
                .query(Long.class).single()).isZero();

        // 3. Every table: no text column outside the invitation itself and the mail that carried it holds the address.
        for (String table : tables()) {
            String t = table.toLowerCase(Locale.ROOT);
            if (t.equals("survey_invitation") || t.equals("mail_outbox") || t.startsWith("flyway")) {
                continue;
            }
            for (Map<String, Object> column : columns(table)) {
                String name = String.valueOf(column.get("column_name")).toLowerCase(Locale.ROOT);
                String type = String.valueOf(column.get("data_type")).toLowerCase(Locale.ROOT);
                if (type.contains("char") || type.contains("text")) {
                    assertThat(count(table, name, invited)).as(table + "." + name + " holds the address").isZero();
                }
            }
        }

        // 4. No audit row for opening or answering, and no log line naming the address, the link or the response.
        assertThat(auditRowsAbout(survey.id())).isEqualTo(auditBefore);
        String logged = output.getAll().substring(logFrom);
        assertThat(logged).doesNotContain(invited).doesNotContain(token)
                .doesNotContain("response " + responseId).doesNotContain("response_id=" + responseId);

        // 5. Counts tell how many links were used, never who answered.
        AccountFixtures.signIn(survey.analyst());
        assertThat(invitations.counts(survey.id()).completed()).isNull();
    }

    /** Audit rows about the survey, or about any response or invitation, since responses and invitations have ids. */
    private long auditRowsAbout(long surveyId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE subject = ? OR subject LIKE 'survey-response%' OR subject LIKE 'survey-invitation%'")
                .param("survey:" + surveyId).query(Long.class).single();
    }

    private Map<String, Object> invitationRow(String email) {
        Map<String, Object> lower = new java.util.HashMap<>();
        jdbc.sql("SELECT * FROM survey_invitation WHERE email = ?").param(email).query().singleRow()
                .forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return lower;
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
