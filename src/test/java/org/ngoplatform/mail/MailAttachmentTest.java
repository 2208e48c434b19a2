package org.ngoplatform.mail;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a mail may carry: a named text file of a plain media type, of limited size, never on a confidential mail. */
class MailAttachmentTest {

    private static final MailAttachment ICS = MailAttachment.calendar("event.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

    @Test
    void a_confidential_mail_refuses_an_attachment() {
        var reset = new MailRequested("a@test.ngo-platform.local", Locale.ENGLISH, MailTemplate.PASSWORD_RESET, "A", "link", 30);
        assertThatThrownBy(() -> reset.withAttachment(ICS)).isInstanceOf(IllegalArgumentException.class);
        assertThat(reset.withAttachment(null).attachment()).isNull();
    }

    @Test
    void an_ordinary_mail_carries_it_and_keeps_its_parameters() {
        var mail = new MailRequested("a@test.ngo-platform.local", Locale.GERMAN, MailTemplate.REGISTRATION_CONFIRMED, "A", "B")
                .withAttachment(ICS);
        assertThat(mail.attachment()).isEqualTo(ICS);
        assertThat(mail.params()).containsExactly("A", "B");
        assertThat(mail.toString()).contains("event.ics").doesNotContain("VCALENDAR");
    }

    @Test
    void a_file_longer_than_the_limit_or_with_a_header_breaking_name_is_refused() {
        assertThat(MailAttachment.fits("x".repeat(MailAttachment.MAX_CHARS))).isTrue();
        assertThatThrownBy(() -> MailAttachment.calendar("big.ics", "x".repeat(MailAttachment.MAX_CHARS + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailAttachment.calendar("a\"\r\nBcc: x.ics", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailAttachment("a.ics", "text/calendar; charset=x", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
