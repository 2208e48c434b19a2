package org.ngoplatform.registration;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfferRulesTest {

    @Test
    void open_offers_hold_seats_and_free_seats_are_never_negative() {
        assertThat(OfferRules.freeSeats(10, 7, 2)).isEqualTo(1);
        assertThat(OfferRules.freeSeats(10, 8, 2)).isZero();
        assertThat(OfferRules.freeSeats(5, 8, 0)).isZero();
        assertThat(OfferRules.freeSeats(null, 0, 0)).isZero();
    }

    @Test
    void the_next_in_line_are_the_longest_waiting_without_an_open_offer_in_order() {
        List<String> waiting = List.of("ana", "ben", "cem", "dia", "eli");
        assertThat(OfferRules.nextInLine(waiting, Set.of("ana", "cem"), 2)).containsExactly("ben", "dia");
        assertThat(OfferRules.nextInLine(waiting, Set.of(), 0)).isEmpty();
        assertThat(OfferRules.nextInLine(waiting, Set.of("ana"), 10)).containsExactly("ben", "cem", "dia", "eli");
    }

    @Test
    void an_offer_is_answerable_until_its_deadline_and_overdue_from_it() {
        Instant deadline = OfferRules.deadline(Instant.parse("2026-12-06T10:00:00Z"), 48);
        assertThat(deadline).isEqualTo(Instant.parse("2026-12-08T10:00:00Z"));
        assertThat(OfferRules.answerable(OfferStatus.OPEN, deadline, deadline.minusMillis(1))).isTrue();
        assertThat(OfferRules.answerable(OfferStatus.OPEN, deadline, deadline)).isFalse();
        assertThat(OfferRules.overdue(OfferStatus.OPEN, deadline, deadline)).isTrue();
        assertThat(OfferRules.overdue(OfferStatus.EXPIRED, deadline, deadline.plusSeconds(5))).isFalse();
        assertThat(OfferRules.answerable(OfferStatus.ACCEPTED, deadline, deadline.minusSeconds(5))).isFalse();
    }

    @Test
    void only_an_open_offer_moves_and_only_to_a_final_status() {
        assertThat(OfferRules.next(OfferStatus.OPEN, OfferStatus.ACCEPTED)).isEqualTo(OfferStatus.ACCEPTED);
        for (OfferStatus done : List.of(OfferStatus.ACCEPTED, OfferStatus.DECLINED, OfferStatus.EXPIRED, OfferStatus.WITHDRAWN)) {
            assertThatThrownBy(() -> OfferRules.next(done, OfferStatus.EXPIRED)).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> OfferRules.next(OfferStatus.OPEN, OfferStatus.OPEN)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_window_is_one_hour_to_two_weeks_or_none() {
        assertThat(OfferRules.validWindow(null)).isTrue();
        assertThat(OfferRules.validWindow(1)).isTrue();
        assertThat(OfferRules.validWindow(336)).isTrue();
        assertThat(OfferRules.validWindow(0)).isFalse();
        assertThat(OfferRules.validWindow(337)).isFalse();
    }

    @Test
    void the_deadline_is_written_in_the_editions_zone_with_its_name() {
        Instant at = Instant.parse("2026-12-08T16:00:00Z");
        assertThat(OfferRules.deadlineText(at, "Europe/Tallinn", Locale.ENGLISH)).contains("6:00").contains("(Europe/Tallinn)")
                .contains("December 8, 2026");
        assertThat(OfferRules.deadlineText(at, "Europe/Berlin", Locale.GERMAN)).contains("17:00").contains("8. Dezember 2026")
                .endsWith("(Europe/Berlin)");
        assertThat(OfferRules.deadlineText(at, "Europe/Kyiv", Locale.forLanguageTag("ru"))).contains("18:00").contains("декабря");
    }
}
