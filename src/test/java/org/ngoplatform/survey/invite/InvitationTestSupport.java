package org.ngoplatform.survey.invite;

import org.ngoplatform.TestMail;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.mail.OutboxTestSupport;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads personal links from the mails GreenMail received (the outbox keeps only until delivery, the store only hashes). */
public final class InvitationTestSupport {

    private static final Pattern LINK = Pattern.compile("[?&]invitation=([A-Za-z0-9_-]+)");

    private InvitationTestSupport() {
    }

    public static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.ngo-platform.local";
    }

    /** The first mail to {@code to} whose subject starts with {@code prefix}, waiting up to 20 s for it to arrive. */
    public static jakarta.mail.internet.MimeMessage about(String to, String prefix) {
        long until = System.currentTimeMillis() + 20_000;
        for (int n = 1; ; n++) {
            var found = TestMail.messagesTo(to, n).stream().filter(m -> TestMail.subject(m).startsWith(prefix)).findFirst();
            if (found.isPresent() || System.currentTimeMillis() > until) {
                return found.orElseThrow(() -> new AssertionError("no mail \"" + prefix + "\" to " + to));
            }
            n = Math.min(n, TestMail.messagesTo(to, 0).size());
        }
    }

    /** Delivers the mails queued to {@code address} and returns the secret of its {@code nth} (from 1) link. */
    public static String token(MailOutbox outbox, JdbcTemplate jdbc, String address, int nth) {
        OutboxTestSupport.deliverDueTo(outbox, jdbc, address);
        List<String> bodies = TestMail.bodiesTo(address, nth);
        Matcher m = LINK.matcher(bodies.get(nth - 1));
        if (!m.find()) {
            throw new AssertionError("no personal link in the mail to " + address);
        }
        return m.group(1);
    }
}
