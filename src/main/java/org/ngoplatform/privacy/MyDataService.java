package org.ngoplatform.privacy;

import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signed-in person's rights over their own data: download everything held about them, and erase the account.
 * Works on the tables of several features in one transaction, so an erasure is all or nothing.
 */
@Service
public class MyDataService {

    /** Stands in for the name of an erased person wherever a row must keep some name. */
    public static final String ERASED_NAME = "Erased account";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    MyDataService(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Everything held about the signed-in person, as a UTF-8 JSON document. Audited. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public byte[] exportMine() {
        long id = CurrentAccount.requireId();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("generatedAt", clock.instant());
        doc.put("account", plain(jdbc.sql("""
                SELECT a.id, a.email, a.display_name, a.country_code, o.name AS organisation, a.enabled,
                       a.preferred_language, a.created_at, a.last_login_at
                FROM account a LEFT JOIN organisation o ON o.id = a.organisation_id WHERE a.id = ?""")
                .param(id).query().singleRow()));
        doc.put("roles", jdbc.sql("SELECT role FROM account_role WHERE account_id = ? ORDER BY role")
                .param(id).query(String.class).list());
        List<Map<String, Object>> consents = new ArrayList<>();
        consents.add(plain(jdbc.sql("""
                SELECT 'account' AS given_for, privacy_consent_at AS consent_at, privacy_notice_version AS notice_version
                FROM account WHERE id = ?""").param(id).query().singleRow()));
        consents.addAll(rows("""
                SELECT CONCAT('registration ', e.city, ' ', e.edition_year) AS given_for, r.consent_at,
                       r.consent_version AS notice_version
                FROM registration r JOIN edition e ON e.id = r.edition_id WHERE r.account_id = ? ORDER BY r.id""", id));
        doc.put("consents", consents);
        doc.put("registrations", rows("""
                SELECT e.city, e.edition_year, o.name AS organisation, r.job_title, r.arrival_on, r.departure_on,
                       r.dietary_needs, r.accessibility_needs, r.visa_letter, r.list_opt_in, r.status,
                       r.waitlist_position, r.created_at, r.updated_at, r.confirmed_at, r.cancelled_at, r.cancel_reason
                FROM registration r JOIN edition e ON e.id = r.edition_id
                LEFT JOIN organisation o ON o.id = r.organisation_id WHERE r.account_id = ? ORDER BY r.id""", id));
        doc.put("workshopGroups", rows("""
                SELECT e.city, e.edition_year, g.title, 'facilitator' AS role
                FROM workshop_facilitator f JOIN workshop_group g ON g.id = f.group_id
                JOIN edition e ON e.id = g.edition_id WHERE f.account_id = ? ORDER BY g.id""", id));
        doc.put("outcomeRevisions", rows("""
                SELECT r.group_id, r.change_kind, r.changed_at, r.text_before, r.text_after
                FROM outcome_revision r WHERE r.author_account_id = ? ORDER BY r.id""", id));
        List<Map<String, Object>> responses = new ArrayList<>();
        for (Map<String, Object> response : rows("""
                SELECT i.response_id, s.title AS survey, i.submitted_at
                FROM survey_response_identity i JOIN survey s ON s.id = i.survey_id
                WHERE i.account_id = ? ORDER BY i.response_id""", id)) {
            response.put("answers", rows("""
                    SELECT q.code, q.question_text, a.option_code, a.text_value, a.number_value, a.date_value
                    FROM survey_answer a JOIN survey_question q ON q.id = a.question_id
                    WHERE a.response_id = ? ORDER BY q.sort_order, a.id""", ((Number) response.get("response_id")).longValue()));
            responses.add(response);
        }
        doc.put("identifiedSurveyResponses", responses);
        List<Map<String, Object>> drafts = new ArrayList<>();
        for (Map<String, Object> draft : rows("""
                SELECT d.id AS draft_id, s.title AS survey, d.expires_at
                FROM survey_draft d JOIN survey s ON s.id = d.survey_id WHERE d.account_id = ? ORDER BY d.id""", id)) {
            draft.put("answers", rows("""
                    SELECT q.code, q.question_text, a.option_code, a.text_value, a.number_value, a.date_value
                    FROM survey_draft_answer a JOIN survey_question q ON q.id = a.question_id
                    WHERE a.draft_id = ? ORDER BY a.id""", ((Number) draft.get("draft_id")).longValue()));
            drafts.add(draft);
        }
        doc.put("unfinishedSurveyAnswers", drafts);
        doc.put("mailsToYou", rows("""
                SELECT m.subject, m.created_at, m.sent_at FROM mail_outbox m JOIN account a ON m.recipient = a.email
                WHERE a.id = ? ORDER BY m.id""", id));
        doc.put("note", "Anonymous survey answers are not linked to you, so they cannot be found or included here.");
        audit.record("MY_DATA_DOWNLOADED", "account:" + id, null);
        return Json.write(doc).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Erases the signed-in person: personal fields are replaced, login becomes impossible and the email is
     * freed; registrations stay (without details) so counts per country stay right; identified survey
     * responses lose their link to the person; anonymous responses are not touched (they were never linked).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public ErasureSummary eraseMine() {
        long id = CurrentAccount.requireId();
        String email = jdbc.sql("SELECT email FROM account WHERE id = ? FOR UPDATE").param(id).query(String.class).single();
        int registrations = jdbc.sql("""
                UPDATE registration SET job_title = '', arrival_on = NULL, departure_on = NULL, dietary_needs = NULL,
                       accessibility_needs = NULL, cancel_reason = NULL, visa_letter = FALSE, list_opt_in = FALSE,
                       version = version + 1
                WHERE account_id = ?""").param(id).update();
        int responses = jdbc.sql("DELETE FROM survey_response_identity WHERE account_id = ?").param(id).update();
        jdbc.sql("DELETE FROM survey_draft_answer WHERE draft_id IN (SELECT id FROM survey_draft WHERE account_id = ?)")
                .param(id).update();
        jdbc.sql("DELETE FROM survey_draft WHERE account_id = ?").param(id).update();
        int groups = jdbc.sql("DELETE FROM workshop_facilitator WHERE account_id = ?").param(id).update();
        jdbc.sql("UPDATE outcome_revision SET author_name = ?, author_account_id = NULL WHERE author_account_id = ?")
                .params(ERASED_NAME, id).update();
        jdbc.sql("DELETE FROM mail_outbox WHERE recipient = ?").param(email).update();
        jdbc.sql("DELETE FROM account_role WHERE account_id = ?").param(id).update();
        // The country stays (it carries no identity on its own and keeps counts per country right).
        jdbc.sql("""
                UPDATE account SET email = ?, display_name = ?, password_hash = '!erased', enabled = FALSE,
                       organisation_id = NULL, preferred_language = NULL, last_login_at = NULL, version = version + 1
                WHERE id = ?""").params(erasedEmail(id), ERASED_NAME, id).update();
        var summary = new ErasureSummary(registrations, responses, groups);
        audit.record("ACCOUNT_ERASED", "account:" + id, "registrations=" + registrations
                + "; identified responses unlinked=" + responses + "; facilitator groups=" + groups);
        return summary;
    }

    static String erasedEmail(long id) {
        return "erased-" + id + "@erased.invalid";
    }

    private List<Map<String, Object>> rows(String sql, long id) {
        return jdbc.sql(sql).param(id).query().listOfRows().stream().map(MyDataService::plain).toList();
    }

    /** Lower-case keys in query order, JDBC date types as ISO text. */
    private static Map<String, Object> plain(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), switch (v) {
            case Timestamp t -> t.toLocalDateTime().toString();
            case LocalDateTime t -> t.toString();
            case Date d -> d.toLocalDate().toString();
            case null -> null;
            default -> v;
        }));
        return out;
    }

    /** What an erasure changed, for the confirmation shown to the person. */
    public record ErasureSummary(int registrations, int identifiedResponses, int facilitatorGroups) {
    }
}
