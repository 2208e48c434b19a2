package org.ngoplatform.mail;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A mail a feature wants sent: to whom, in which language, from which template with which parameters (see each
 * {@link MailTemplate} for what they are; dates are formatted by the sender in {@code locale}). Published inside the
 * caller's transaction with {@code ApplicationEventPublisher}; the {@link MailOutbox} writes it in the
 * recipient's language and queues it in that same transaction, so the mail exists exactly when the change does.
 * <p>
 * It may carry one {@link MailAttachment} ({@link #withAttachment}), never when its template is confidential: an
 * attachment is shown to nobody in the outbox, but it is not erased like a confidential body.
 * <p>
 * A sender that keeps its own record of each mail (messaging's counts of sent and failed) gives it a
 * {@link MailReference} ({@link #withReference}): the outbox then publishes {@link MailQueued} with the outbox id in
 * the same transaction, and {@link MailDelivered} once the mail was sent, logged or given up.
 */
public record MailRequested(String recipient, Locale locale, MailTemplate template, MailAttachment attachment,
                            MailReference reference, Object... params) {

    public MailRequested {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(template, "template");
        locale = MailLanguage.supported(locale);
        params = params == null ? new Object[0] : params.clone();
        if (attachment != null && template.isConfidential()) {
            throw new IllegalArgumentException("A confidential mail carries no attachment: " + template);
        }
    }

    /** A mail without attachment. */
    public MailRequested(String recipient, Locale locale, MailTemplate template, Object... params) {
        this(recipient, locale, template, (MailAttachment) null, (MailReference) null, params);
    }

    /** A mail with an attachment (null: none), without reference. */
    public MailRequested(String recipient, Locale locale, MailTemplate template, MailAttachment attachment, Object... params) {
        this(recipient, locale, template, attachment, (MailReference) null, params);
    }

    /** The same mail carrying {@code file} (null: none). */
    public MailRequested withAttachment(MailAttachment file) {
        return new MailRequested(recipient, locale, template, file, reference, params);
    }

    /** The same mail with the sender's reference (null: none). */
    public MailRequested withReference(MailReference ref) {
        return new MailRequested(recipient, locale, template, attachment, ref, params);
    }

    public boolean confidential() {
        return template.isConfidential();
    }

    @Override
    public Object[] params() {
        return params.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailRequested m && recipient.equals(m.recipient) && locale.equals(m.locale)
                && template == m.template && Objects.equals(attachment, m.attachment) && Objects.equals(reference, m.reference)
                && Arrays.equals(params, m.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipient, locale, template, attachment, reference, Arrays.hashCode(params));
    }

    @Override
    public String toString() {
        // Parameters may carry a secret (a reset link): never in a log line.
        return "MailRequested[" + template + " to " + recipient + " in " + locale.getLanguage()
                + (attachment == null ? "" : " with " + attachment.fileName()) + "]";
    }
}
