package org.ngoplatform.attendance;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The attendance tables, in plain SQL: a mark is inserted or deleted in one statement, so marking twice (two
 * phones, a double tap, a retry) leaves one row and unmarking twice none. The unique key
 * {@code uq_attendance_mark} decides between concurrent inserts; the loser's insert is a no-op (on MariaDB a
 * duplicate key fails only that statement, the transaction goes on).
 */
@Repository
class AttendanceMarks {

    /** One mark as stored. */
    record Mark(long editionId, LocalDate day, long sessionId, long accountId, Long markedBy, Instant markedAt) {
    }

    private static final String COLUMNS = "SELECT edition_id, point_day, session_id, account_id, marked_by, marked_at FROM attendance_mark ";

    private final JdbcClient jdbc;

    AttendanceMarks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the mark; false when the person was already marked at the point (nothing changed). */
    boolean insert(long editionId, CheckInPoint point, long accountId, long markedBy, Instant at) {
        try {
            return jdbc.sql("INSERT INTO attendance_mark (edition_id, point_day, session_id, account_id, marked_by, marked_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(editionId, Date.valueOf(point.day()), point.sessionId(), accountId, markedBy, Timestamp.from(at))
                    .update() == 1;
        } catch (DuplicateKeyException alreadyMarked) {
            return false;
        }
    }

    /** Deletes the mark; false when there was none. */
    boolean delete(long editionId, CheckInPoint point, long accountId) {
        return jdbc.sql("DELETE FROM attendance_mark WHERE edition_id = ? AND point_day = ? AND session_id = ? AND account_id = ?")
                .params(editionId, Date.valueOf(point.day()), point.sessionId(), accountId).update() > 0;
    }

    List<Mark> at(long editionId, CheckInPoint point) {
        return jdbc.sql(COLUMNS + "WHERE edition_id = ? AND point_day = ? AND session_id = ? ORDER BY id")
                .params(editionId, Date.valueOf(point.day()), point.sessionId()).query(AttendanceMarks::mark).list();
    }

    List<Mark> ofEdition(long editionId) {
        return jdbc.sql(COLUMNS + "WHERE edition_id = ? ORDER BY point_day, session_id, id").param(editionId)
                .query(AttendanceMarks::mark).list();
    }

    List<Mark> ofAccount(long accountId) {
        return jdbc.sql(COLUMNS + "WHERE account_id = ? ORDER BY edition_id, point_day, session_id").param(accountId)
                .query(AttendanceMarks::mark).list();
    }

    int deleteOfAccount(long accountId) {
        return jdbc.sql("DELETE FROM attendance_mark WHERE account_id = ?").param(accountId).update();
    }

    /** Forgets who marked: the marks stay (they are about the people marked), the marker's link goes. */
    int forgetMarker(long accountId) {
        return jdbc.sql("UPDATE attendance_mark SET marked_by = NULL WHERE marked_by = ?").param(accountId).update()
                + jdbc.sql("UPDATE attendance_delegation SET granted_by = NULL WHERE granted_by = ?").param(accountId).update();
    }

    int deleteOfEdition(long editionId) {
        return jdbc.sql("DELETE FROM attendance_mark WHERE edition_id = ?").param(editionId).update();
    }

    // ---- delegation to the edition's facilitators ----------------------------------------------------------

    boolean isDelegated(long editionId) {
        return jdbc.sql("SELECT COUNT(*) FROM attendance_delegation WHERE edition_id = ?").param(editionId)
                .query(Long.class).single() > 0;
    }

    boolean delegate(long editionId, long grantedBy, Instant at) {
        try {
            return jdbc.sql("INSERT INTO attendance_delegation (edition_id, granted_by, granted_at) VALUES (?, ?, ?)")
                    .params(editionId, grantedBy, Timestamp.from(at)).update() == 1;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    boolean withdraw(long editionId) {
        return jdbc.sql("DELETE FROM attendance_delegation WHERE edition_id = ?").param(editionId).update() > 0;
    }

    private static Mark mark(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long markedBy = rs.getLong(5);
        return new Mark(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getLong(3), rs.getLong(4),
                rs.wasNull() ? null : markedBy, rs.getTimestamp(6).toInstant());
    }
}
