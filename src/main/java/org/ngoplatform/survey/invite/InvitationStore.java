package org.ngoplatform.survey.invite;

import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The survey's invitation tables in plain SQL; used by this package only. */
@Repository
class InvitationStore {

    /** The survey as inviting needs it, read under its row lock. */
    record SurveyRow(long id, String publicKey, String title, SurveyStatus status, SurveyAnonymity anonymity,
                     String baseLanguage) {
    }

    /** One invitation as the link needs it. */
    record LinkRow(long id, long surveyId, InvitationState state) {
    }

    /** One invitation due for a reminder. */
    record DueRow(long id, String email, String language) {
    }

    private final JdbcClient jdbc;

    InvitationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SurveyRow> lockSurvey(long surveyId) {
        return jdbc.sql("SELECT id, public_key, title, status, anonymity, base_language FROM survey WHERE id = ? FOR UPDATE")
                .param(surveyId).query((rs, n) -> new SurveyRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        SurveyStatus.valueOf(rs.getString(4)), SurveyAnonymity.valueOf(rs.getString(5)), rs.getString(6)))
                .optional();
    }

    Optional<SurveyAnonymity> anonymity(long surveyId) {
        return jdbc.sql("SELECT anonymity FROM survey WHERE id = ?").param(surveyId)
                .query((rs, n) -> SurveyAnonymity.valueOf(rs.getString(1))).optional();
    }

    Set<String> invitedAmong(long surveyId, Collection<String> emails) {
        Set<String> found = new HashSet<>();
        if (emails.isEmpty()) {
            return found;
        }
        // in chunks: a list holds at most a few hundred addresses
        List<String> all = List.copyOf(emails);
        for (int from = 0; from < all.size(); from += 200) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 200));
            found.addAll(jdbc.sql("SELECT email FROM survey_invitation WHERE survey_id = :survey AND email IN (:emails)")
                    .param("survey", surveyId).param("emails", chunk).query(String.class).list());
        }
        return found;
    }

    void insert(long surveyId, String email, String language, String tokenHash, Long by, Instant now) {
        jdbc.sql("""
                INSERT INTO survey_invitation (survey_id, email, mail_language, token_hash, state, invited_by, invited_at,
                                               reminders, last_mailed_at)
                VALUES (?, ?, ?, ?, 'INVITED', ?, ?, 0, ?)""")
                .params(surveyId, email, language, tokenHash, by, Timestamp.from(now), Timestamp.from(now)).update();
    }

    /** Mails sent in invitation and reminder batches since {@code since}: by one sender, or by everyone (null). */
    long mailsSince(Instant since, Long by) {
        return by == null
                ? jdbc.sql("SELECT COALESCE(SUM(mail_count), 0) FROM survey_invitation_batch WHERE sent_at > ?")
                .param(Timestamp.from(since)).query(Long.class).single()
                : jdbc.sql("SELECT COALESCE(SUM(mail_count), 0) FROM survey_invitation_batch WHERE sent_at > ? AND sent_by = ?")
                .params(Timestamp.from(since), by).query(Long.class).single();
    }

    void insertBatch(long surveyId, Long by, Instant now, int mails) {
        jdbc.sql("INSERT INTO survey_invitation_batch (survey_id, sent_by, sent_at, mail_count) VALUES (?, ?, ?, ?)")
                .params(surveyId, by, Timestamp.from(now), mails).update();
    }

    long count(long surveyId, Collection<InvitationState> states) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_invitation WHERE survey_id = :survey AND state IN (:states)")
                .param("survey", surveyId).param("states", names(states)).query(Long.class).single();
    }

    long countAll(long surveyId) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_invitation WHERE survey_id = ?").param(surveyId).query(Long.class).single();
    }

    List<SurveyInvitationSummary> page(long surveyId, SurveyAnonymity anonymity, int offset, int limit) {
        return jdbc.sql("""
                SELECT id, email, state, reminders, invited_at, last_mailed_at FROM survey_invitation
                WHERE survey_id = ? ORDER BY id DESC LIMIT ? OFFSET ?""")
                .params(surveyId, limit, offset)
                .query((rs, n) -> new SurveyInvitationSummary(rs.getLong(1), rs.getString(2),
                        ShownStatus.of(InvitationState.valueOf(rs.getString(3)), anonymity), rs.getInt(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
                .list();
    }

    long countDue(long surveyId, Collection<InvitationState> states, int maxReminders, Instant lastMailedBefore) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM survey_invitation WHERE survey_id = :survey AND state IN (:states)
                AND reminders < :max AND last_mailed_at <= :before""")
                .param("survey", surveyId).param("states", names(states)).param("max", maxReminders)
                .param("before", Timestamp.from(lastMailedBefore)).query(Long.class).single();
    }

    List<DueRow> due(long surveyId, Collection<InvitationState> states, int maxReminders, Instant lastMailedBefore) {
        return jdbc.sql("""
                SELECT id, email, mail_language FROM survey_invitation WHERE survey_id = :survey AND state IN (:states)
                AND reminders < :max AND last_mailed_at <= :before ORDER BY id FOR UPDATE""")
                .param("survey", surveyId).param("states", names(states)).param("max", maxReminders)
                .param("before", Timestamp.from(lastMailedBefore))
                .query((rs, n) -> new DueRow(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** A new secret for a reminder: the old link stops working, so a forwarded old mail is worth nothing. */
    void reminded(long id, String tokenHash, Instant now) {
        jdbc.sql("UPDATE survey_invitation SET reminders = reminders + 1, last_mailed_at = ?, token_hash = ? WHERE id = ?")
                .params(Timestamp.from(now), tokenHash, id).update();
    }

    Optional<LinkRow> link(String tokenHash, boolean forUpdate) {
        return jdbc.sql("SELECT id, survey_id, state FROM survey_invitation WHERE token_hash = ?" + (forUpdate ? " FOR UPDATE" : ""))
                .param(tokenHash).query((rs, n) -> new LinkRow(rs.getLong(1), rs.getLong(2), InvitationState.valueOf(rs.getString(3))))
                .optional();
    }

    /** Opened: with the time for an identified survey, without any for an anonymous one. */
    void opened(long id, Instant at) {
        jdbc.sql("UPDATE survey_invitation SET state = 'OPENED', opened_at = ? WHERE id = ? AND state = 'INVITED'")
                .params(at == null ? null : Timestamp.from(at), id).update();
    }

    /** Used for the one response: with the time for an identified survey, without any for an anonymous one. */
    void used(long id, Instant at) {
        jdbc.sql("UPDATE survey_invitation SET state = 'USED', completed_at = ? WHERE id = ?")
                .params(at == null ? null : Timestamp.from(at), id).update();
    }

    void linkResponse(long invitationId, long responseId) {
        jdbc.sql("INSERT INTO survey_invitation_response (response_id, invitation_id) VALUES (?, ?)")
                .params(responseId, invitationId).update();
    }

    private static List<String> names(Collection<InvitationState> states) {
        return states.stream().map(Enum::name).toList();
    }
}
