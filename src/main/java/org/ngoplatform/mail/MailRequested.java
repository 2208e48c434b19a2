package org.ngoplatform.mail;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A mail a feature wants sent: to whom, in which language, from which template with which parameters (see each
 * {@link MailTemplate} for what they are; dates are formatted by the sender in {@code locale}). Published inside the
 * caller's transaction with {@code ApplicationEventPublisher}; the {@link MailOutbox} writes it in the
 * recipient's language and queues it in that same transaction, so the mail exists exactly when the change does.
 */
public record MailRequested(String recipient, Locale locale, MailTemplate template, Object... params) {

    public MailRequested {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(template, "template");
        locale = MailLanguage.supported(locale);
        params = params == null ? new Object[0] : params.clone();
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
                && template == m.template && Arrays.equals(params, m.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipient, locale, template, Arrays.hashCode(params));
    }

    @Override
    public String toString() {
        // Parameters may carry a secret (a reset link): never in a log line.
        return "MailRequested[" + template + " to " + recipient + " in " + locale.getLanguage() + "]";
    }
}
