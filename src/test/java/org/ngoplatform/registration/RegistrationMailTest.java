package org.ngoplatform.registration;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.TestMail;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.MailOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.ngoplatform.mail.OutboxTestSupport;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Mails leave through a real SMTP conversation (GreenMail in this JVM); failures are retried, never lose data. */
@IntegrationTest
class RegistrationMailTest {

    @Autowired RegistrationService registrations;
    @Autowired MailOutbox outbox;
    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void confirmation_waiting_and_promotion_mails_reach_the_smtp_server() throws Exception {
        EditionSummary edition = editions.open(1);
        AccountPrincipal first = accounts.signIn(Role.PARTICIPANT);
        MyRegistration seat = registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
        AccountPrincipal second = accounts.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
        AccountFixtures.signIn(first);
        registrations.cancel(seat.id());

        OutboxTestSupport.deliverDueTo(outbox, jdbc, first.getUsername(), second.getUsername());

        List<MimeMessage> toFirst = received(first.getUsername(), 2);
        assertThat(toFirst).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "NGO Platform " + edition.title() + ": your seat is confirmed",
                "NGO Platform " + edition.title() + ": your registration is cancelled");
        List<MimeMessage> toSecond = received(second.getUsername(), 2);
        assertThat(toSecond).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "NGO Platform " + edition.title() + ": you are on the waiting list",
                "NGO Platform " + edition.title() + ": a seat is now yours");
        MimeMessage waiting = toSecond.stream().filter(m -> subject(m).contains("waiting list")).findFirst().orElseThrow();
        assertThat((String) waiting.getContent()).contains("position 1").contains("/editions/" + edition.id());
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = ? and delivery = 'SENT'",
                Integer.class, second.getUsername())).isEqualTo(2);
    }

    @Test
    void a_failing_delivery_keeps_the_registration_and_the_mail_is_retried() throws Exception {
        EditionSummary edition = editions.open(3);
        AccountPrincipal p = accounts.signIn(Role.PARTICIPANT);
        // An address the mail library refuses: delivery fails like an unreachable server would.
        String broken = "broken <" + p.getUsername();
        jdbc.update("update account set email = ? where id = ?", broken, p.accountId());
        MyRegistration mine = registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
        OutboxTestSupport.deliverDueTo(outbox, jdbc, broken);

        assertThat(registrations.isConfirmed(edition.id(), p.accountId())).isTrue();
        var row = jdbc.queryForMap("select id, attempts, delivery, last_error from mail_outbox where recipient = ?", broken);
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("delivery")).isEqualTo("QUEUED");
        assertThat((String) row.get("last_error")).isNotBlank();

        OutboxTestSupport.deliverDueTo(outbox, jdbc, broken);
        assertThat(jdbc.queryForObject("select attempts from mail_outbox where id = ?", Integer.class, row.get("id")))
                .as("not retried before its back-off").isEqualTo(1);

        // the problem goes away; the next attempt after the back-off delivers it
        jdbc.update("update mail_outbox set recipient = ?, next_attempt_at = ? where id = ?", p.getUsername(),
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), row.get("id"));
        OutboxTestSupport.deliverDueTo(outbox, jdbc, p.getUsername());
        assertThat(received(p.getUsername(), 1)).extracting(MimeMessage::getSubject)
                .containsExactly("NGO Platform " + edition.title() + ": your seat is confirmed");
        assertThat(mine.status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code count} messages for the recipient have arrived (the scheduled sender may deliver some). */
    private static List<MimeMessage> received(String recipient, int count) throws Exception {
        long until = System.currentTimeMillis() + 20_000;
        while (true) {
            List<MimeMessage> mine = Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> {
                try {
                    return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
                } catch (Exception e) {
                    return false;
                }
            }).toList();
            if (mine.size() >= count || System.currentTimeMillis() > until) {
                return mine;
            }
            Thread.sleep(200);
        }
    }
}
