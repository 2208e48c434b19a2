package org.ngoplatform.edition;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The edition's registration window, a pure rule the registration service and the edition page share. */
class EditionSummaryTest {

    private static final Instant OPENS = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant CLOSES = Instant.parse("2026-04-01T09:00:00Z");

    private static EditionSummary edition(EditionStatus status, Integer capacity, Instant opensAt, Instant closesAt) {
        return new EditionSummary(1, "Tallinn", "EE", 2026, null, null, null, "Europe/Tallinn", null,
                capacity, opensAt, closesAt, status, false, 0);
    }

    @Test
    void registration_is_open_from_the_opening_instant_until_just_before_closing() {
        EditionSummary open = edition(EditionStatus.OPEN, 100, OPENS, CLOSES);

        assertThat(open.isOpenForRegistration(OPENS.minusNanos(1))).isFalse();
        assertThat(open.isOpenForRegistration(OPENS)).isTrue();
        assertThat(open.isOpenForRegistration(CLOSES.minusNanos(1))).isTrue();
        assertThat(open.isOpenForRegistration(CLOSES)).isFalse();
    }

    @Test
    void registration_is_closed_unless_the_edition_is_open_with_a_capacity_and_a_window() {
        Instant inside = OPENS.plusSeconds(60);

        assertThat(edition(EditionStatus.DRAFT, 100, OPENS, CLOSES).isOpenForRegistration(inside)).isFalse();
        assertThat(edition(EditionStatus.CLOSED, 100, OPENS, CLOSES).isOpenForRegistration(inside)).isFalse();
        assertThat(edition(EditionStatus.ARCHIVED, 100, OPENS, CLOSES).isOpenForRegistration(inside)).isFalse();
        assertThat(edition(EditionStatus.OPEN, null, OPENS, CLOSES).isOpenForRegistration(inside)).isFalse();
        assertThat(edition(EditionStatus.OPEN, 100, null, CLOSES).isOpenForRegistration(inside)).isFalse();
        assertThat(edition(EditionStatus.OPEN, 100, OPENS, null).isOpenForRegistration(inside)).isFalse();
    }

    @Test
    void an_open_edition_opens_for_registration_later_only_before_its_opening_instant() {
        EditionSummary open = edition(EditionStatus.OPEN, 100, OPENS, CLOSES);

        assertThat(open.opensForRegistrationAfter(OPENS.minusNanos(1))).isTrue();
        assertThat(open.opensForRegistrationAfter(OPENS)).isFalse();
        assertThat(edition(EditionStatus.CLOSED, 100, OPENS, CLOSES).opensForRegistrationAfter(OPENS.minusSeconds(60))).isFalse();
        assertThat(edition(EditionStatus.OPEN, 100, null, CLOSES).opensForRegistrationAfter(OPENS)).isFalse();
    }
}
