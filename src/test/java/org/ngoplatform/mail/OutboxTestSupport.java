package org.ngoplatform.mail;

/** For tests outside this package: queues a mail whose text is already written, as the outbox does for a template. */
public final class OutboxTestSupport {

    private OutboxTestSupport() {
    }

    /**
     * Delivers the due mails to these recipients now, each as {@link MailOutbox#sendDue()} would (own transaction, row
     * lock, back-off re-checked), and only those: {@code sendDue()} no longer waits for the scheduled sender, but it
     * still delivers every due mail, other tests' backlog included (a registration rush queues hundreds), so a test
     * that needs only its own mails stays as fast in a suite run as alone.
     */
    public static int deliverDueTo(MailOutbox outbox, org.springframework.jdbc.core.JdbcTemplate jdbc, String... recipients) {
        int delivered = 0;
        for (String recipient : recipients) {
            for (Long id : jdbc.queryForList("select id from mail_outbox where recipient = ? and delivery = 'QUEUED' order by id",
                    Long.class, recipient)) {
                if (outbox.send(id)) delivered++;
            }
        }
        return delivered;
    }

    /**
     * Deletes the queued mails that {@code sql} (a plain {@code select id from mail_outbox ...} with {@code args}) lists,
     * one row at a time by its id, and returns how many went. A single statement ranging over the queue (say
     * {@code delete ... where recipient = ? and delivery = 'QUEUED'}) locks entries of the due index before the rows,
     * and with a sender holding one of those rows MariaDB saw a deadlock (MailOutboxDeadlockTest): a clean-up chosen as
     * its victim would fail its test. A delete by id waits for a row, holding nothing a sender needs.
     */
    public static int forgetQueued(org.springframework.jdbc.core.JdbcTemplate jdbc, String sql, Object... args) {
        int deleted = 0;
        for (Long id : jdbc.queryForList(sql, Long.class, args)) {
            deleted += jdbc.update("delete from mail_outbox where id = ? and delivery = 'QUEUED'", id);
        }
        return deleted;
    }

    /** Must run inside a transaction, like every queued mail. */
    public static void queueWritten(MailOutbox outbox, String recipient, String subject, String body, boolean confidential) {
        outbox.queue(recipient, subject, body, confidential);
    }
}
