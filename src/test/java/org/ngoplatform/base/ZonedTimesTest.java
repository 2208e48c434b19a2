package org.ngoplatform.base;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ZonedTimesTest {

    @Test
    void a_moment_is_shown_as_local_time_at_the_place_followed_by_the_place_s_zone() {
        Instant midnightInVienna = Instant.parse("2027-03-28T22:00:00Z"); // summer time began that night

        assertThat(ZonedTimes.format(midnightInVienna, ZoneId.of("Europe/Vienna"), Locale.ENGLISH))
                .isEqualTo("Mar 29, 2027, 12:00\u202fAM (Europe/Vienna)");
        assertThat(ZonedTimes.format(midnightInVienna, ZoneId.of("Europe/Vienna"), Locale.GERMAN))
                .isEqualTo("29.03.2027, 00:00 (Europe/Vienna)");
    }
}
