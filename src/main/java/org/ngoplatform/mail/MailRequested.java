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
 */
public record MailRequested(String recipient, Locale locale, MailTemplate template, MailAttachment attachment, Object... params) {

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
        this(recipient, locale, template, (MailAttachment) null, params);
    }

    /** The same mail carrying {@code file} (null: none). */
    public MailRequested withAttachment(MailAttachment file) {
        return new MailRequested(recipient, locale, template, file, params);
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
                && template == m.template && Objects.equals(attachment, m.attachment) && Arrays.equals(params, m.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipient, locale, template, attachment, Arrays.hashCode(params));
    }

    @Override
    public String toString() {
        // Parameters may carry a secret (a reset link): never in a log line.
        return "MailRequested[" + template + " to " + recipient + " in " + locale.getLanguage()
                + (attachment == null ? "" : " with " + attachment.fileName()) + "]";
    }
}
