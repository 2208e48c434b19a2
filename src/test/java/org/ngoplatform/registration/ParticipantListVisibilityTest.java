package org.ngoplatform.registration;

import org.junit.jupiter.api.Test;
import org.ngoplatform.edition.EditionStatus;
import org.ngoplatform.edition.EditionSummary;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for who sees an edition's participant list, shared by the service and the edition page. */
class ParticipantListVisibilityTest {

    private static EditionSummary edition(boolean listVisible) {
        return new EditionSummary(1, "Skopje", "MK", 2026, null, null, null, "Europe/Skopje", null,
                100, null, null, EditionStatus.OPEN, listVisible, 0);
    }

    @Test
    void confirmed_participants_and_organisers_see_the_list_of_an_edition_that_shows_it() {
        assertThat(ParticipantListVisibility.maySee(edition(true), false, true)).isTrue();
        assertThat(ParticipantListVisibility.maySee(edition(true), true, false)).isTrue();
        assertThat(ParticipantListVisibility.maySee(edition(true), false, false)).isFalse();
    }

    @Test
    void nobody_sees_the_list_of_an_edition_that_hides_it() {
        assertThat(ParticipantListVisibility.maySee(edition(false), false, true)).isFalse();
        assertThat(ParticipantListVisibility.maySee(edition(false), true, false)).isFalse();
        assertThat(ParticipantListVisibility.maySee(edition(false), true, true)).isFalse();
    }
}
