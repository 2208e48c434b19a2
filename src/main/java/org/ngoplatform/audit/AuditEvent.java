package org.ngoplatform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One thing that happened to personal data or to rights: who, when, what. Never updated. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 254)
    private String actor;

    @Column(nullable = false, length = 60)
    private String action;

    @Column(nullable = false, length = 200)
    private String subject;

    @Column(length = 2000)
    private String details;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, String action, String subject, String details) {
        this.occurredAt = occurredAt;
        this.actor = truncate(actor, 254);
        this.action = truncate(action, 60);
        this.subject = truncate(subject, 200);
        this.details = truncate(details, 2000);
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
