package org.ngoplatform.messaging;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Messaging's tables (V120), in plain SQL like attendance's marks: short statements, one row each, the unique keys
 * deciding between concurrent writers ({@code messaging_reminder}: one automatic mail per person, edition and kind).
 */
@Repository
class MessagingStore {

    private final JdbcClient jdbc;

    MessagingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- messages

    long insertMessage(long editionId, MessageKind kind, String subject, String body, String audience, int recipients,
                       Long sentBy, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO messaging_message (edition_id, kind, subject, body, audience, recipient_count, sent_by, sent_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(editionId, kind.name(), subject, body, audience, recipients, sentBy, Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    long insertRecipient(long messageId, Long accountId, String email) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO messaging_recipient (message_id, account_id, email, delivery) VALUES (?, ?, ?, 'QUEUED')")
                .params(messageId, accountId, email).update(keys, "id");
        return keys.getKey().longValue();
    }

    void mailQueued(long recipientId, long mailId) {
        jdbc.sql("UPDATE messaging_recipient SET mail_id = ? WHERE id = ?").params(mailId, recipientId).update();
    }

    int mailDelivered(long mailId, String delivery) {
        return jdbc.sql("UPDATE messaging_recipient SET delivery = ? WHERE mail_id = ?").params(delivery, mailId).update();
    }

    List<MessageSummary> messages(long editionId, int offset, int limit) {
        return jdbc.sql("SELECT m.id, m.kind, m.subject, m.audience, m.recipient_count, m.sent_at, "
                        + "(SELECT COUNT(*) FROM messaging_recipient r WHERE r.message_id = m.id AND r.delivery IN ('SENT', 'LOGGED')), "
                        + "(SELECT COUNT(*) FROM messaging_recipient r WHERE r.message_id = m.id AND r.delivery = 'FAILED') "
                        + "FROM messaging_message m WHERE m.edition_id = ? ORDER BY m.sent_at DESC, m.id DESC LIMIT ? OFFSET ?")
                .params(editionId, limit, offset)
                .query((rs, n) -> new MessageSummary(rs.getLong(1), MessageKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getInt(7), rs.getInt(8)))
                .list();
    }

    long countMessages(long editionId) {
        return jdbc.sql("SELECT COUNT(*) FROM messaging_message WHERE edition_id = ?").param(editionId).query(Long.class).single();
    }

    Optional<MessageSummary> message(long messageId) {
        return jdbc.sql("SELECT edition_id FROM messaging_message WHERE id = ?").param(messageId).query(Long.class).optional()
                .flatMap(edition -> messages(edition, 0, Integer.MAX_VALUE).stream().filter(m -> m.id() == messageId).findFirst());
    }

    List<String> recipientsOf(long messageId) {
        return jdbc.sql("SELECT email FROM messaging_recipient WHERE message_id = ? ORDER BY id").param(messageId)
                .query(String.class).list();
    }

    // ---------------------------------------------------------------- reminders

    Set<Long> reminded(long editionId, MessageKind kind) {
        return new HashSet<>(jdbc.sql("SELECT account_id FROM messaging_reminder WHERE edition_id = ? AND kind = ?")
                .params(editionId, kind.name()).query(Long.class).list());
    }

    /** Claims the automatic mail of this kind for the person; false when someone (another run) already has. */
    boolean claimReminder(long editionId, long accountId, MessageKind kind, Instant at) {
        try {
            return jdbc.sql("INSERT INTO messaging_reminder (edition_id, account_id, kind, sent_at) VALUES (?, ?, ?, ?)")
                    .params(editionId, accountId, kind.name(), Timestamp.from(at)).update() == 1;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    // ---------------------------------------------------------------- settings

    record Settings(Integer reminderDays, boolean invitationOnly) {
        static final Settings NONE = new Settings(null, false);
    }

    Settings settings(long editionId) {
        return jdbc.sql("SELECT reminder_days, invitation_only FROM messaging_edition_setting WHERE edition_id = ?")
                .param(editionId)
                .query((rs, n) -> new Settings((Integer) rs.getObject(1, Integer.class), rs.getBoolean(2)))
                .optional().orElse(Settings.NONE);
    }

    List<Long> editionsWithReminders() {
        return jdbc.sql("SELECT edition_id FROM messaging_edition_setting WHERE reminder_days IS NOT NULL ORDER BY edition_id")
                .query(Long.class).list();
    }

    void saveSettings(long editionId, Settings s) {
        int updated = jdbc.sql("UPDATE messaging_edition_setting SET reminder_days = ?, invitation_only = ?, version = version + 1 "
                        + "WHERE edition_id = ?").params(s.reminderDays(), s.invitationOnly(), editionId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO messaging_edition_setting (edition_id, reminder_days, invitation_only, version) VALUES (?, ?, ?, 0)")
                    .params(editionId, s.reminderDays(), s.invitationOnly()).update();
        }
    }

    // ---------------------------------------------------------------- invitations

    Set<String> invitedAddresses(long editionId) {
        return new HashSet<>(jdbc.sql("SELECT email FROM messaging_invitation WHERE edition_id = ?").param(editionId)
                .query(String.class).list());
    }

    boolean isInvited(long editionId, String email) {
        return jdbc.sql("SELECT COUNT(*) FROM messaging_invitation WHERE edition_id = ? AND email = ?")
                .params(editionId, email).query(Long.class).single() > 0;
    }

    void insertInvitation(long editionId, String email, String token, Long invitedBy, Instant at) {
        jdbc.sql("INSERT INTO messaging_invitation (edition_id, email, token, invited_by, invited_at) VALUES (?, ?, ?, ?, ?)")
                .params(editionId, email, token, invitedBy, Timestamp.from(at)).update();
    }

    Optional<InvitationSummary> invitation(String token) {
        return jdbc.sql("SELECT edition_id, email, invited_at FROM messaging_invitation WHERE token = ?").param(token)
                .query((rs, n) -> new InvitationSummary(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    List<InvitationSummary> invitations(long editionId, int offset, int limit) {
        return jdbc.sql("SELECT edition_id, email, invited_at FROM messaging_invitation WHERE edition_id = ? "
                        + "ORDER BY invited_at DESC, id DESC LIMIT ? OFFSET ?").params(editionId, limit, offset)
                .query((rs, n) -> new InvitationSummary(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    long countInvitations(long editionId) {
        return jdbc.sql("SELECT COUNT(*) FROM messaging_invitation WHERE edition_id = ?").param(editionId).query(Long.class).single();
    }

    // ---------------------------------------------------------------- personal data

    /** Unlinks the person from the messages they received: the counts stay, the address and account go. */
    int forgetRecipient(long accountId) {
        return jdbc.sql("UPDATE messaging_recipient SET email = CONCAT('erased-', id), account_id = NULL WHERE account_id = ?")
                .param(accountId).update();
    }

    int eraseInvitations(String email) {
        return jdbc.sql("DELETE FROM messaging_invitation WHERE email = ?").param(email).update();
    }

    List<java.util.Map<String, Object>> receivedBy(long accountId) {
        return jdbc.sql("SELECT m.edition_id, m.kind, m.subject, m.sent_at, r.delivery FROM messaging_recipient r "
                        + "JOIN messaging_message m ON m.id = r.message_id WHERE r.account_id = ? ORDER BY m.sent_at")
                .param(accountId).query((rs, n) -> org.ngoplatform.privacy.MyDataFile.row("edition_id", rs.getLong(1),
                        "kind", rs.getString(2), "subject", rs.getString(3), "sent_at", rs.getTimestamp(4).toInstant(),
                        "delivery", rs.getString(5))).list();
    }

    List<java.util.Map<String, Object>> invitationsTo(String email) {
        return jdbc.sql("SELECT edition_id, invited_at FROM messaging_invitation WHERE email = ? ORDER BY invited_at")
                .param(email).query((rs, n) -> org.ngoplatform.privacy.MyDataFile.row("edition_id", rs.getLong(1),
                        "invited_at", rs.getTimestamp(2).toInstant())).list();
    }
}
