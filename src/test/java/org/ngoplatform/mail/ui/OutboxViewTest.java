package org.ngoplatform.mail.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ui.BrowserWindow;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.mail.MailRequested;
import org.ngoplatform.mail.MailTemplate;
import org.ngoplatform.mail.OutboxMailSummary;
import org.ngoplatform.mail.OutboxTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Organisers read ordinary mails in the outbox, never a confidential one (a password-reset link). */
@IntegrationTest
class OutboxViewTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures accounts;
    @Autowired ApplicationEventPublisher events;
    @Autowired MailOutbox outbox;
    @Autowired PlatformTransactionManager txManager;
    @Autowired JdbcTemplate jdbc;

    private final List<String> recipients = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        AccountFixtures.signOut();
        recipients.forEach(r -> jdbc.update("delete from mail_outbox where recipient = ?", r));
    }

    @Test
    void a_confidential_mail_shows_a_translated_notice_instead_of_its_text() {
        String secret = "View" + UUID.randomUUID().toString().replace("-", "");
        String resetTo = unique("view-reset");
        String ordinaryTo = unique("view-ordinary");
        String ordinaryText = "Your seat is confirmed " + UUID.randomUUID();
        // the reset mail queued as the account feature does, both held back from the sender so the text is still stored
        new TransactionTemplate(txManager).executeWithoutResult(s -> {
            events.publishEvent(new MailRequested(resetTo, Locale.ENGLISH, MailTemplate.PASSWORD_RESET, "Reader",
                    "http://localhost:8080/reset-password/" + secret, 60));
            OutboxTestSupport.queueWritten(outbox, ordinaryTo, "NGO Platform: your seat", ordinaryText, false);
            jdbc.update("update mail_outbox set next_attempt_at = ? where recipient in (?, ?)",
                    Timestamp.from(Instant.now().plus(Duration.ofDays(1))), resetTo, ordinaryTo);
        });
        assertThat(jdbc.queryForObject("select body from mail_outbox where recipient = ?", String.class, resetTo)).contains(secret);

        accounts.signIn(Role.ORGANISER);
        navigate("admin/outbox", Component.class);
        OutboxView view = (OutboxView) getCurrentView();

        OutboxMailSummary reset = row(view, resetTo);
        assertThat(reset.body()).isNull();
        Component details = view.details(reset);
        assertThat(details.getElement().getTextRecursively())
                .isEqualTo("Confidential (for example a password-reset link): the text is not shown and is erased once the mail is sent.");
        assertThat(details.getElement().getOuterHTML()).doesNotContain(secret);

        OutboxMailSummary ordinary = row(view, ordinaryTo);
        assertThat(view.details(ordinary).getElement().getTextRecursively()).isEqualTo(ordinaryText);

        view.grid.setDetailsVisible(reset, true);
        view.grid.setDetailsVisible(ordinary, true);
        roundTrip();
        assertThat(view.getElement().getOuterHTML()).doesNotContain(secret);
    }

    @Test
    void on_a_phone_each_mail_is_a_card_with_subject_recipient_and_delivery_and_never_a_confidential_text() {
        String secret = "Card" + UUID.randomUUID().toString().replace("-", "");
        String resetTo = unique("card-reset");
        String ordinaryTo = unique("card-ordinary");
        new TransactionTemplate(txManager).executeWithoutResult(s -> {
            events.publishEvent(new MailRequested(resetTo, Locale.ENGLISH, MailTemplate.PASSWORD_RESET, "Reader",
                    "http://localhost:8080/reset-password/" + secret, 60));
            OutboxTestSupport.queueWritten(outbox, ordinaryTo, "NGO Platform: your seat", "Seat confirmed", false);
            jdbc.update("update mail_outbox set next_attempt_at = ? where recipient in (?, ?)",
                    Timestamp.from(Instant.now().plus(Duration.ofDays(1))), resetTo, ordinaryTo);
        });
        accounts.signIn(Role.ORGANISER);
        navigate("admin/outbox", Component.class);
        OutboxView view = (OutboxView) getCurrentView();

        BrowserWindow.resize(BrowserWindow.PHONE);

        assertThat(view.grid.getColumns().stream().filter(c -> c.isVisible()).toList())
                .as("only the card is shown").containsExactly(view.cards.cardColumn().orElseThrow());
        var grid = test(view.grid);
        String ordinaryCard = null;
        String resetCard = null;
        for (int i = 0; i < Math.min(grid.size(), 200); i++) {
            String recipient = grid.getRow(i).recipient();
            if (recipient.equals(ordinaryTo)) ordinaryCard = grid.getCellComponent(i, 0).getElement().getTextRecursively();
            if (recipient.equals(resetTo)) resetCard = grid.getCellComponent(i, 0).getElement().getTextRecursively();
        }
        assertThat(ordinaryCard).contains("NGO Platform: your seat", "To: " + ordinaryTo, "Attempts: 0");
        assertThat(ordinaryCard).as("a queued time names the zone it is shown in").containsPattern("Queued: .+, .+ \\(UTC\\)");
        assertThat(resetCard).contains("To: " + resetTo).doesNotContain(secret);
    }

    /** The grid row of the mail to {@code recipient}; the newest mails come first. */
    private OutboxMailSummary row(OutboxView view, String recipient) {
        var grid = test(view.grid);
        for (int i = 0; i < Math.min(grid.size(), 200); i++) {
            if (grid.getCellText(i, 1).equals(recipient)) {
                OutboxMailSummary mail = grid.getRow(i);
                for (int c = 0; c < 6; c++) {
                    assertThat(grid.getCellText(i, c)).doesNotContain("/reset-password/");
                }
                return mail;
            }
        }
        throw new AssertionError("no row for " + recipient);
    }

    private String unique(String what) {
        String email = what + "-" + UUID.randomUUID().toString().substring(0, 12) + "@test.ngo-platform.local";
        recipients.add(email);
        return email;
    }
}
