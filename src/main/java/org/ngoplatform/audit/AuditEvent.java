package org.ngoplatform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One thing that happened to personal data or to rights: who, when, what. Never updated. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    public static final int ACTOR_MAX = 254;
    public static final int ACTION_MAX = 60;
    public static final int SUBJECT_MAX = 200;
    /** Longer details are cut to this on recording. */
    public static final int DETAILS_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Size(max = ACTOR_MAX)
    @Column(nullable = false, length = ACTOR_MAX)
    private String actor;

    @Size(max = ACTION_MAX)
    @Column(nullable = false, length = ACTION_MAX)
    private String action;

    @Size(max = SUBJECT_MAX)
    @Column(nullable = false, length = SUBJECT_MAX)
    private String subject;

    @Size(max = DETAILS_MAX)
    @Column(length = DETAILS_MAX)
    private String details;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, String action, String subject, String details) {
        this.occurredAt = occurredAt;
        this.actor = truncate(actor, ACTOR_MAX);
        this.action = truncate(action, ACTION_MAX);
        this.subject = truncate(subject, SUBJECT_MAX);
        this.details = truncate(details, DETAILS_MAX);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getSubject() { return subject; }
    public String getDetails() { return details; }
}
