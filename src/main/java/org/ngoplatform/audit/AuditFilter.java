package org.ngoplatform.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Which audit events to list or export; every part is optional (null or blank: no restriction).
 * {@code action} is exact; {@code subject} is exact, or a prefix when it ends with {@code *} ("edition:*");
 * {@code actor} is exact ({@code account:42}); {@code from}/{@code to} are days in {@code zone} (the viewer's; UTC when
 * null), both included.
 */
public record AuditFilter(String action, String subject, String actor, LocalDate from, LocalDate to, ZoneId zone) {

    public static final int ACTION_MAX = 60;
    public static final int SUBJECT_MAX = 200;
    public static final int ACTOR_MAX = 254;
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null);

    /** Blank parts become null; surrounding spaces go. Too long a text or a range that ends before it starts is refused. */
    public AuditFilter {
        action = blankToNull(action);
        subject = blankToNull(subject);
        actor = blankToNull(actor);
        zone = zone == null ? ZoneOffset.UTC : zone;
        if (action != null && action.length() > ACTION_MAX) {
            throw new IllegalArgumentException("action filter too long");
        }
        if (subject != null && subject.length() > SUBJECT_MAX) {
            throw new IllegalArgumentException("subject filter too long");
        }
        if (actor != null && actor.length() > ACTOR_MAX) {
            throw new IllegalArgumentException("actor filter too long");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("date range ends before it starts");
        }
    }

    /** Days in UTC, any actor. */
    public AuditFilter(String action, String subject, LocalDate from, LocalDate to) {
        this(action, subject, null, from, to, ZoneOffset.UTC);
    }

    public static AuditFilter action(String action) {
        return new AuditFilter(action, null, null, null);
    }

    public boolean isEmpty() {
        return action == null && subject == null && actor == null && from == null && to == null;
    }

    String exactSubject() {
        return subject == null || subject.endsWith("*") ? null : subject;
    }

    /** A LIKE pattern (escape character '!') for a prefix subject, else null. */
    String subjectPattern() {
        if (subject == null || !subject.endsWith("*")) {
            return null;
        }
        String prefix = subject.substring(0, subject.length() - 1);
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    Instant fromInstant() {
        return from == null ? EARLIEST : from.atStartOfDay(zone).toInstant();
    }

    Instant toInstantExclusive() {
        return to == null ? LATEST : to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * A short description, e.g. for an export's About sheet:
     * "action=X; subject=edition:7; actor=account:4; 2026-01-01..2026-01-31 (Europe/Berlin)".
     */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (action != null) s.append("action=").append(action);
        if (subject != null) s.append(s.isEmpty() ? "" : "; ").append("subject=").append(subject);
        if (actor != null) s.append(s.isEmpty() ? "" : "; ").append("actor=").append(actor);
        if (from != null || to != null) {
            s.append(s.isEmpty() ? "" : "; ").append(from == null ? "" : from).append("..").append(to == null ? "" : to)
                    .append(" (").append(zone.getId()).append(')');
        }
        return s.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
