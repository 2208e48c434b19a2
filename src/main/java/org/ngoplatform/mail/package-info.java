/**
 * Mail: every mail the platform sends. A feature publishes {@link org.ngoplatform.mail.MailRequested} (recipient, the
 * recipient's language, a {@link org.ngoplatform.mail.MailTemplate} and its parameters) in the transaction of the
 * change the mail tells about; {@link org.ngoplatform.mail.MailOutbox} writes it from {@code messages-mail*.properties}
 * in that language, queues it in the same transaction and delivers it later with retries. The sender passes the
 * language, so this module depends on {@code base} only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base"})
package org.ngoplatform.mail;
