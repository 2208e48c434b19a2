package org.ngoplatform.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;

/**
 * A mail queued in the transaction of the change it tells about and delivered later, with retries. A confidential mail (a
 * password-reset link, a sign-up notice) is never shown to organisers and loses its body once it is delivered or
 * given up; subject, recipient and delivery state stay for the log until the mail is purged.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    public enum Delivery { QUEUED, SENT, LOGGED, FAILED }

    static final int MAX_ATTEMPTS = 8;
    static final int RECIPIENT_MAX = 254;
    static final int SUBJECT_MAX = 300;
    static final int BODY_MAX = 6000;
    static final int ERROR_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Size(max = RECIPIENT_MAX)
    @Column(nullable = false, length = RECIPIENT_MAX)
    private String recipient;

    @Size(max = SUBJECT_MAX)
    @Column(nullable = false, length = SUBJECT_MAX)
    private String subject;

    @Size(max = BODY_MAX)
    @Column(nullable = false, length = BODY_MAX)
    private String body;

    @Column(nullable = false)
    private boolean confidential;

    @Size(max = MailAttachment.FILE_NAME_MAX)
    @Column(name = "attachment_name", length = MailAttachment.FILE_NAME_MAX)
    private String attachmentName;

    @Size(max = MailAttachment.MEDIA_TYPE_MAX)
    @Column(name = "attachment_type", length = MailAttachment.MEDIA_TYPE_MAX)
    private String attachmentType;

    @Size(max = MailAttachment.MAX_CHARS)
    @Column(name = "attachment_content", columnDefinition = "mediumtext")
    private String attachmentContent;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Size(max = ERROR_MAX)
    @Column(name = "last_error", length = ERROR_MAX)
    private String lastError;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Delivery delivery;

    @Version
    private long version;

    protected OutboxMail() {
    }

    OutboxMail(String recipient, String subject, String body, boolean confidential, Instant now) {
        this.recipient = recipient;
        this.subject = cut(subject, SUBJECT_MAX);
        this.body = cut(body, BODY_MAX);
        this.confidential = confidential;
        this.createdAt = now;
        this.nextAttemptAt = now;
        this.delivery = Delivery.QUEUED;
    }

    OutboxMail(String recipient, String subject, String body, boolean confidential, MailAttachment attachment, Instant now) {
        this(recipient, subject, body, confidential, now);
        if (attachment != null) { // never on a confidential mail: MailRequested refuses that
            this.attachmentName = attachment.fileName();
            this.attachmentType = attachment.mediaType();
            this.attachmentContent = attachment.content();
        }
    }

    void delivered(Instant now, boolean logOnly) {
        this.attempts++;
        this.sentAt = now;
        this.lastAttemptAt = now;
        this.lastError = null;
        this.delivery = logOnly ? Delivery.LOGGED : Delivery.SENT;
        eraseIfConfidential();
    }

    void failed(Instant now, String error) {
        this.attempts++;
        this.lastAttemptAt = now;
        this.lastError = cut(error == null ? "unknown error" : error, ERROR_MAX);
        if (attempts >= MAX_ATTEMPTS) {
            this.delivery = Delivery.FAILED;
            eraseIfConfidential();
        } else {
            long minutes = Math.min(60, 1L << (attempts - 1));
            this.nextAttemptAt = now.plus(Duration.ofMinutes(minutes));
        }
    }

    /** Once a confidential mail left (or will never leave), nobody needs its text again. */
    private void eraseIfConfidential() {
        if (confidential) {
            this.body = "";
            // never set on a confidential mail; erased with the body all the same, should a row from elsewhere carry one
            this.attachmentName = null;
            this.attachmentType = null;
            this.attachmentContent = null;
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() { return id; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    /** The text as queued; empty once a confidential mail was delivered. Never hand a confidential body to a view. */
    public String getBody() { return body; }
    public boolean isConfidential() { return confidential; }
    /** The attachment as queued, if any (never on a confidential mail). */
    public java.util.Optional<MailAttachment> getAttachment() {
        return attachmentContent == null ? java.util.Optional.empty()
                : java.util.Optional.of(new MailAttachment(attachmentName, attachmentType, attachmentContent));
    }
    String attachmentName() { return attachmentName; }
    String attachmentType() { return attachmentType; }
    String attachmentContent() { return attachmentContent; }
    public Instant getCreatedAt() { return createdAt; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public String getLastError() { return lastError; }
    public Instant getSentAt() { return sentAt; }
    public Delivery getDelivery() { return delivery; }
}
