package org.ngoplatform.audit;

/**
 * A subject of the audit log as organisers read it: its name, the route of the page that shows it (null when there is
 * none), and whether it still exists (a deleted or erased one is named by kind and id, e.g. "Survey #12 (deleted)").
 */
public record AuditSubjectRef(String name, String link, boolean exists) {

    /** A subject that exists, with the page that shows it (or null). */
    public static AuditSubjectRef of(String name, String link) {
        return new AuditSubjectRef(name, link, true);
    }

    static AuditSubjectRef gone(String text) {
        return new AuditSubjectRef(text, null, false);
    }
}
