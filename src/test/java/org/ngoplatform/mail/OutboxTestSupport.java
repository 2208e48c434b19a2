package org.ngoplatform.mail;

/** For tests outside this package: queues a mail whose text is already written, as the outbox does for a template. */
public final class OutboxTestSupport {

    private OutboxTestSupport() {
    }

    /** Must run inside a transaction, like every queued mail. */
    public static void queueWritten(MailOutbox outbox, String recipient, String subject, String body, boolean confidential) {
        outbox.queue(recipient, subject, body, confidential);
    }
}
