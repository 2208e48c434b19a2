package org.ngoplatform.registration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The peer {@link RegistrationBenchmark} measures the application against: one registration written with plain
 * JDBC in the transaction shape of {@link RegistrationService#register} and with the same statements, nothing
 * else (no security, validation, ORM, events, templates). Its statements, in order:
 * <ol>
 *   <li>before the lock: the account (with its roles), the organisation by {@code lower(name) = lower(?)}, the
 *       current privacy notice's version, whether the edition has programme sessions</li>
 *   <li>the edition row {@code FOR UPDATE}</li>
 *   <li>in one statement, as the application since its seventh step (docs/performance.md, "Registration"): the
 *       person's registration for the edition, if any ("check"), the seats held (confirmed plus open offers) and the
 *       last waiting position; for a confirmation of an edition with sessions, the sessions (its calendar; none in
 *       the benchmark)</li>
 *   <li>{@code INSERT} of the registration, {@code INSERT} of the outbox mail (a calendar attached to a
 *       confirmation), commit</li>
 * </ol>
 * Test scope only: it writes registration's and mail's tables directly, which the application never does.
 */
final class RegistrationJdbcPeer {

    /** About the size of the application's confirmation mail and its one-event calendar. */
    private static final String SUBJECT = "Your registration for Tallinn 2013 is confirmed";
    private static final String BODY = ("Hello Bulk participant,\n\nyour seat at the NGO Platform Tallinn 2013 "
            + "(12 June 2013 – 14 June 2013) is confirmed. See the programme at http://localhost:8080/editions/1 and your "
            + "registrations at http://localhost:8080/my/registrations.\n\n").repeat(3);
    private static final String ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//NGO Platform//EN\r\n"
            + "X".repeat(700) + "\r\nEND:VCALENDAR\r\n";

    private final DataSource dataSource;

    RegistrationJdbcPeer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Registers the account; whether it got a seat (else it waits). */
    boolean register(long editionId, long accountId, String organisationName, String jobTitle) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                boolean confirmed = registerIn(c, editionId, accountId, organisationName, jobTitle);
                c.commit();
                return confirmed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static boolean registerIn(Connection c, long editionId, long accountId, String organisationName,
                                      String jobTitle) throws SQLException {
        Instant now = Instant.now();
        String email;
        String name;
        String country;
        try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.email, a.display_name, a.country_code, "
                + "a.organisation_id, a.enabled, a.created_at, a.last_login_at, r.role FROM account a "
                + "LEFT JOIN account_role r ON r.account_id = a.id WHERE a.id = ?")) {
            s.setLong(1, accountId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                email = rs.getString(2);
                name = rs.getString(3);
                country = rs.getString(4);
            }
        }
        long organisationId;
        String organisation;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, name, country_code FROM organisation WHERE lower(name) = lower(?)")) {
            s.setString(1, organisationName);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                organisationId = rs.getLong(1);
                organisation = rs.getString(2);
            }
        }
        String notice;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT version_label FROM privacy_notice ORDER BY id DESC LIMIT 1");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            notice = rs.getString(1);
        }
        boolean hasSessions;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM programme_session WHERE edition_id = ? AND cancelled_at IS NULL LIMIT 1")) {
            s.setLong(1, editionId);
            try (ResultSet rs = s.executeQuery()) {
                hasSessions = rs.next();
            }
        }
        long capacity;
        try (PreparedStatement s = c.prepareStatement("SELECT id, capacity, status, registration_opens_at, "
                + "registration_closes_at, starts_on, ends_on, city, edition_year FROM edition WHERE id = ? FOR UPDATE")) {
            s.setLong(1, editionId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                capacity = rs.getLong(2);
            }
        }
        // The application's one statement under the lock (SeatAllocator.seating): the person's registration for the
        // edition if any ("check"), the seats held (confirmed plus open offers) and the last waiting position.
        long held;
        int lastWaiting;
        try (PreparedStatement s = c.prepareStatement("SELECT (SELECT id FROM registration WHERE edition_id = ? AND account_id = ?), "
                + "(SELECT status FROM registration WHERE edition_id = ? AND account_id = ?), "
                + "(SELECT COUNT(*) FROM registration WHERE edition_id = ? AND status = 'CONFIRMED') "
                + "+ (SELECT COUNT(*) FROM registration_offer WHERE edition_id = ? AND status = 'OPEN'), "
                + "(SELECT COALESCE(MAX(waitlist_position), 0) FROM registration WHERE edition_id = ? AND status = 'WAITLISTED')")) {
            s.setLong(1, editionId);
            s.setLong(2, accountId);
            s.setLong(3, editionId);
            s.setLong(4, accountId);
            s.setLong(5, editionId);
            s.setLong(6, editionId);
            s.setLong(7, editionId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                rs.getLong(1);
                if (!rs.wasNull()) {
                    throw new IllegalStateException("already registered");
                }
                held = rs.getLong(3);
                lastWaiting = rs.getInt(4);
            }
        }
        boolean confirmed = held < capacity;
        Integer position = confirmed ? null : lastWaiting + 1;
        if (confirmed && hasSessions) {
            try (PreparedStatement s = c.prepareStatement("SELECT id, kind, title, description, speakers, room, starts_at, "
                    + "ends_at, cancelled_at, ics_sequence FROM programme_session WHERE edition_id = ? ORDER BY starts_at, ends_at, id")) {
                s.setLong(1, editionId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO registration (edition_id, account_id, organisation_id, "
                + "job_title, arrival_on, departure_on, dietary_needs, accessibility_needs, visa_letter, consent_at, "
                + "consent_version, list_opt_in, status, waitlist_position, created_at, updated_at, confirmed_at, "
                + "cancelled_at, cancel_reason, version, participant_name, participant_email, country_code, organisation_name) "
                + "VALUES (?, ?, ?, ?, NULL, NULL, NULL, NULL, FALSE, ?, ?, FALSE, ?, ?, ?, ?, ?, NULL, NULL, 0, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Timestamp at = Timestamp.from(now);
            s.setLong(1, editionId);
            s.setLong(2, accountId);
            s.setLong(3, organisationId);
            s.setString(4, jobTitle);
            s.setTimestamp(5, at);
            s.setString(6, notice);
            s.setString(7, confirmed ? "CONFIRMED" : "WAITLISTED");
            if (position == null) {
                s.setNull(8, java.sql.Types.INTEGER);
            } else {
                s.setInt(8, position);
            }
            s.setTimestamp(9, at);
            s.setTimestamp(10, at);
            s.setTimestamp(11, confirmed ? at : null);
            s.setString(12, name);
            s.setString(13, email);
            s.setString(14, country);
            s.setString(15, organisation);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO mail_outbox (recipient, subject, body, created_at, "
                + "attempts, next_attempt_at, last_error, sent_at, delivery, version, confidential, last_attempt_at, "
                + "attachment_name, attachment_type, attachment_content) "
                + "VALUES (?, ?, ?, ?, 0, ?, NULL, NULL, 'QUEUED', 0, FALSE, NULL, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Timestamp at = Timestamp.from(now);
            s.setString(1, email);
            s.setString(2, SUBJECT);
            s.setString(3, BODY);
            s.setTimestamp(4, at);
            s.setTimestamp(5, at);
            s.setString(6, confirmed ? "ngo-platform-tallinn-2013.ics" : null);
            s.setString(7, confirmed ? "text/calendar" : null);
            s.setString(8, confirmed ? ICS : null);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
            }
        }
        return confirmed;
    }
}
