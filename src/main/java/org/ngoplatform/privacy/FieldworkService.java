package org.ngoplatform.privacy;

import org.ngoplatform.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * "Anonymise after fieldwork": once an identified survey is closed, organisers cut every link between its
 * responses and the people who gave them. Irreversible: the links are deleted, not hidden, and the survey
 * becomes anonymous so that reopening it cannot link anything again.
 */
@Service
public class FieldworkService {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    FieldworkService(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Closed identified surveys (the ones that may be anonymised), newest first. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<IdentifiedSurvey> closedIdentified() {
        return jdbc.sql("""
                SELECT s.id, s.title, s.status,
                       (SELECT COUNT(*) FROM survey_response_identity i WHERE i.survey_id = s.id) AS linked
                FROM survey s WHERE s.anonymity = 'IDENTIFIED' AND s.status IN ('CLOSED', 'ARCHIVED')
                ORDER BY s.id DESC""")
                .query((rs, i) -> new IdentifiedSurvey(rs.getLong("id"), rs.getString("title"), rs.getString("status"),
                        rs.getLong("linked"))).list();
    }

    /** Returns how many responses were unlinked. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public int anonymise(long surveyId) {
        List<String> found = jdbc.sql("SELECT CONCAT(anonymity, ':', status) FROM survey WHERE id = ? FOR UPDATE")
                .param(surveyId).query(String.class).list();
        if (found.isEmpty()) {
            throw new PrivacyRejectedException("survey", "privacy.fieldwork.no-survey");
        }
        String[] state = found.getFirst().split(":");
        if (!"IDENTIFIED".equals(state[0])) {
            throw new PrivacyRejectedException("survey", "privacy.fieldwork.not-identified");
        }
        if (!"CLOSED".equals(state[1]) && !"ARCHIVED".equals(state[1])) {
            throw new PrivacyRejectedException("survey", "privacy.fieldwork.not-closed");
        }
        int unlinked = jdbc.sql("DELETE FROM survey_response_identity WHERE survey_id = ?").param(surveyId).update();
        jdbc.sql("DELETE FROM survey_draft_answer WHERE draft_id IN (SELECT id FROM survey_draft WHERE survey_id = ? AND account_id IS NOT NULL)")
                .param(surveyId).update();
        jdbc.sql("DELETE FROM survey_draft WHERE survey_id = ? AND account_id IS NOT NULL").param(surveyId).update();
        jdbc.sql("UPDATE survey SET anonymity = 'ANONYMOUS', version = version + 1 WHERE id = ?").param(surveyId).update();
        audit.record("SURVEY_ANONYMISED", "survey:" + surveyId, unlinked + " responses unlinked from their respondents");
        return unlinked;
    }
}
