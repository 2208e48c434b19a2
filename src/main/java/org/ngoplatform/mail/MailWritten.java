package org.ngoplatform.mail;

import org.ngoplatform.base.i18n.Translator;

import java.util.Objects;

/**
 * A {@link MailRequested} already written in the recipient's language: the text as the {@link MailOutbox} queues it.
 * A feature that wants to write a mail before its transaction's critical part (registration writes the seat mail
 * before it takes the edition's row lock, docs/performance.md "Registration") writes it with {@link #of} and
 * publishes it in its transaction like a {@link MailRequested}; the outbox queues it as it is.
 */
public record MailWritten(String recipient, String subject, String body, boolean confidential, MailAttachment attachment) {

    public MailWritten {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        if (attachment != null && confidential) {
            throw new IllegalArgumentException("A confidential mail carries no attachment");
        }
    }

    /** The mail written from its template in its language: the one place a {@link MailRequested} becomes text. */
    public static MailWritten of(MailRequested mail, Translator translator) {
        Object[] params = mail.params();
        return new MailWritten(mail.recipient(), translator.translate(mail.template().subjectKey(), mail.locale(), params),
                translator.translate(mail.template().bodyKey(), mail.locale(), params), mail.confidential(), mail.attachment());
    }

    /** The same mail carrying {@code file} instead (null: none). */
    public MailWritten withAttachment(MailAttachment file) {
        return new MailWritten(recipient, subject, body, confidential, file);
    }

    @Override
    public String toString() {
        // The body may carry a secret: never in a log line.
        return "MailWritten[to " + recipient + (attachment == null ? "" : " with " + attachment.fileName()) + "]";
    }
}
