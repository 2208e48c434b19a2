package org.ngoplatform.attendance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckInSearchTest {

    private static final AttendeeSummary LOPEZ = new AttendeeSummary(1, "María López", "La Strada Polska", "PL", false, null, null);
    private static final AttendeeSummary NO_ORGANISATION = new AttendeeSummary(2, "Ivan Petrov", null, null, false, null, null);

    @Test
    void the_search_finds_by_name_or_organisation_ignoring_case_and_accents() {
        assertThat(CheckInSearch.of("lopez").matches(LOPEZ)).isTrue();
        assertThat(CheckInSearch.of("  MARÍA ").matches(LOPEZ)).isTrue();
        assertThat(CheckInSearch.of("strada").matches(LOPEZ)).isTrue();
        assertThat(CheckInSearch.of("strada").matches(NO_ORGANISATION)).isFalse();
        assertThat(CheckInSearch.of("petrov").matches(NO_ORGANISATION)).isTrue();
    }

    @Test
    void blank_text_matches_everyone_and_text_longer_than_any_name_matches_nobody() {
        assertThat(CheckInSearch.of(null).matches(LOPEZ)).isTrue();
        assertThat(CheckInSearch.of("   ").matches(NO_ORGANISATION)).isTrue();
        assertThat(CheckInSearch.of("a".repeat(CheckInSearch.MAX_LENGTH + 1)).matches(LOPEZ)).isFalse();
    }
}
