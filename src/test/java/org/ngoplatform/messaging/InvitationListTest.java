package org.ngoplatform.messaging;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvitationListTest {

    @Test
    void addresses_are_read_from_lines_commas_semicolons_and_csv_columns_and_repeats_are_merged() {
        var parsed = InvitationList.parse("Name;Email\nAnna Kovac;Anna@Example.org\n\"Berg; Jonas\";jonas@example.org\nAnna K;anna@example.org\n");
        assertThat(parsed.addresses()).containsExactly("anna@example.org", "jonas@example.org");
        assertThat(parsed.duplicates()).isEqualTo(1);
        assertThat(parsed.mistakes()).isEmpty();

        assertThat(InvitationList.parse("a@example.org, b@example.org\n c@example.org ").addresses())
                .containsExactly("a@example.org", "b@example.org", "c@example.org");
    }

    @Test
    void wrong_addresses_and_lines_without_an_address_are_named() {
        var parsed = InvitationList.parse("a@example.org\nnot-an-address@\njust a name\nb@@example.org\n<c@example.org>");
        assertThat(parsed.mistakes()).containsExactly("not-an-address@", "just a name", "b@@example.org", "<c@example.org>");
    }

    @Test
    void a_list_of_ten_thousand_lines_is_refused_as_too_long() {
        String list = IntStream.range(0, 10_000).mapToObj(i -> "p" + i + "@example.org").collect(Collectors.joining("\n"));
        assertThatThrownBy(() -> InvitationList.parse(list))
                .isInstanceOfSatisfying(MessagingRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("messaging.invitations.too-long"));
        String many = IntStream.range(0, InvitationList.MAX_ADDRESSES + 1).mapToObj(i -> "p" + i + "@example.org").collect(Collectors.joining(","));
        assertThatThrownBy(() -> InvitationList.parse(many))
                .isInstanceOfSatisfying(MessagingRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("messaging.invitations.too-many"));
    }

    @Test
    void a_file_that_is_not_utf8_or_too_large_is_refused_and_a_bom_is_dropped() {
        byte[] latin1 = "Jürgen;juergen@example.org\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> InvitationList.decode(latin1))
                .isInstanceOfSatisfying(MessagingRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("messaging.invitations.encoding"));
        assertThatThrownBy(() -> InvitationList.decode(new byte[InvitationList.MAX_BYTES + 1]))
                .isInstanceOfSatisfying(MessagingRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("messaging.invitations.too-long"));
        assertThat(InvitationList.decode("\uFEFFa@example.org".getBytes(StandardCharsets.UTF_8))).isEqualTo("a@example.org");
        assertThatThrownBy(() -> InvitationList.parse("a@example.org\u0000\u0001"))
                .isInstanceOfSatisfying(MessagingRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("messaging.invitations.encoding"));
    }

    @Test
    void an_unclosed_quote_or_an_empty_list_is_refused() {
        assertThatThrownBy(() -> InvitationList.parse("\"a@example.org\n"))
                .isInstanceOfSatisfying(MessagingRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("messaging.invitations.broken"));
        assertThatThrownBy(() -> InvitationList.parse("  \n "))
                .isInstanceOfSatisfying(MessagingRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("messaging.invitations.empty"));
        assertThatThrownBy(() -> InvitationList.parse("Name,Email\n"))
                .isInstanceOfSatisfying(MessagingRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("messaging.invitations.empty"));
    }
}
