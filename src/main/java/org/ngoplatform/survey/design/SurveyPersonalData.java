package org.ngoplatform.survey.design;

import org.ngoplatform.privacy.AccountErasure;
import org.ngoplatform.privacy.FieldworkSurveys;
import org.ngoplatform.privacy.IdentifiedSurvey;
import org.ngoplatform.privacy.MyDataFile;
import org.ngoplatform.privacy.PersonalDataHolder;
import org.ngoplatform.privacy.PrivacyRejectedException;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyStatus;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Surveys for the privacy feature. "My data": identified responses with their answers and unfinished signed-in
 * drafts (anonymous responses are never linked to anyone, so they cannot be found). Erasure: identity links, survey
 * invitations sent to the address and
 * the person's drafts are deleted; the answers stay, unlinked. After fieldwork: every link of a closed identified
 * survey is deleted and the survey becomes anonymous for good.
 */
@Component
@Order(300)
class SurveyPersonalData implements PersonalDataHolder, FieldworkSurveys {

    private final JdbcClient jdbc;
    private final SurveyRepository surveys;

    SurveyPersonalData(JdbcClient jdbc, SurveyRepository surveys) {
        this.jdbc = jdbc;
        this.surveys = surveys;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public void exportMine(MyDataFile file) {
        long id = file.accountId();
        List<Map<String, Object>> responses = new ArrayList<>();
        for (Map<String, Object> response : rows("""
                SELECT i.response_id, s.title AS survey, i.submitted_at
                FROM survey_response_identity i JOIN survey s ON s.id = i.survey_id
                WHERE i.account_id = ? ORDER BY i.response_id""", id)) {
            response.put("answers", rows("""
                    SELECT q.code, q.question_text, a.row_code, a.option_code, a.text_value, a.number_value, a.date_value
                    FROM survey_answer a JOIN survey_question q ON q.id = a.question_id
                    WHERE a.response_id = ? ORDER BY q.sort_order, a.id""", ((Number) response.get("response_id")).longValue()));
            responses.add(response);
        }
        file.put("identifiedSurveyResponses", responses);
        List<Map<String, Object>> drafts = new ArrayList<>();
        for (Map<String, Object> draft : rows("""
                SELECT d.id AS draft_id, s.title AS survey, d.expires_at
                FROM survey_draft d JOIN survey s ON s.id = d.survey_id WHERE d.account_id = ? ORDER BY d.id""", id)) {
            draft.put("answers", rows("""
                    SELECT q.code, q.question_text, a.row_code, a.option_code, a.text_value, a.number_value, a.date_value
                    FROM survey_draft_answer a JOIN survey_question q ON q.id = a.question_id
                    WHERE a.draft_id = ? ORDER BY a.id""", ((Number) draft.get("draft_id")).longValue()));
            drafts.add(draft);
        }
        file.put("unfinishedSurveyAnswers", drafts);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(AccountErasure erasure) {
        long id = erasure.accountId();
        int unlinked = jdbc.sql("DELETE FROM survey_response_identity WHERE account_id = ?").param(id).update();
        jdbc.sql("DELETE FROM survey_draft_answer WHERE draft_id IN (SELECT id FROM survey_draft WHERE account_id = ?)")
                .param(id).update();
        jdbc.sql("DELETE FROM survey_draft WHERE account_id = ?").param(id).update();
        erasure.count(AccountErasure.IDENTIFIED_RESPONSES, unlinked);
        if (erasure.email() != null) {
            // invitations to surveys sent to the address (their links to identified responses go with them)
            erasure.count("survey invitations", jdbc.sql("DELETE FROM survey_invitation WHERE email = ?")
                    .param(erasure.email().toLowerCase(java.util.Locale.ROOT)).update());
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public List<IdentifiedSurvey> closedIdentified() {
        return surveys.findByAnonymityAndStatusInOrderByIdDesc(SurveyAnonymity.IDENTIFIED,
                        EnumSet.of(SurveyStatus.CLOSED, SurveyStatus.ARCHIVED)).stream()
                .map(s -> new IdentifiedSurvey(s.getId(), s.getTitle(), s.getStatus().name(), linked(s.getId())))
                .toList();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int anonymise(long surveyId) {
        Survey survey = surveys.lockById(surveyId)
                .orElseThrow(() -> new PrivacyRejectedException("survey", "privacy.fieldwork.no-survey"));
        if (survey.getAnonymity() != SurveyAnonymity.IDENTIFIED) {
            throw new PrivacyRejectedException("survey", "privacy.fieldwork.not-identified");
        }
        if (!survey.mayAnonymiseAfterFieldwork()) {
            throw new PrivacyRejectedException("survey", "privacy.fieldwork.not-closed");
        }
        int unlinked = jdbc.sql("DELETE FROM survey_response_identity WHERE survey_id = ?").param(surveyId).update();
        // responses that came by a personal link: the link to the invitation goes, and so do the respondents' times
        unlinked += jdbc.sql("DELETE FROM survey_invitation_response WHERE invitation_id IN (SELECT id FROM survey_invitation WHERE survey_id = ?)")
                .param(surveyId).update();
        jdbc.sql("UPDATE survey_invitation SET opened_at = NULL, completed_at = NULL WHERE survey_id = ?").param(surveyId).update();
        jdbc.sql("DELETE FROM survey_draft_answer WHERE draft_id IN (SELECT id FROM survey_draft WHERE survey_id = ? AND account_id IS NOT NULL)")
                .param(surveyId).update();
        jdbc.sql("DELETE FROM survey_draft WHERE survey_id = ? AND account_id IS NOT NULL").param(surveyId).update();
        survey.anonymiseAfterFieldwork();
        surveys.flush();
        return unlinked;
    }

    private long linked(long surveyId) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_response_identity WHERE survey_id = ?").param(surveyId)
                .query(Long.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM survey_invitation_response r JOIN survey_invitation i ON i.id = r.invitation_id WHERE i.survey_id = ?")
                .param(surveyId).query(Long.class).single();
    }

    private List<Map<String, Object>> rows(String sql, long id) {
        return jdbc.sql(sql).param(id).query().listOfRows().stream().map(SurveyPersonalData::plain).toList();
    }

    /** Lower-case keys in query order; DATETIME(6) columns hold UTC, so they are read back as instants. */
    private static Map<String, Object> plain(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), switch (v) {
            case Timestamp t -> t.toLocalDateTime().toInstant(ZoneOffset.UTC);
            case LocalDateTime t -> t.toInstant(ZoneOffset.UTC);
            case Date d -> d.toLocalDate();
            case null -> null;
            default -> v;
        }));
        return out;
    }
}
