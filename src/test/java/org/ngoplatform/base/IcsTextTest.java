package org.ngoplatform.base;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class IcsTextTest {

    @Test
    void every_code_point_counts_the_octets_java_writes_for_it_in_utf8() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            int written = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            assertThat(IcsText.utf8Octets(cp)).as("U+%04X", cp).isEqualTo(written);
        }
    }

    @Test
    void a_zone_written_again_is_the_same_vtimezone() {
        var first = new StringBuilder();
        IcsText.timezone(first, ZoneId.of("Europe/Tallinn"), 2027);
        var second = new StringBuilder("X");
        IcsText.timezone(second, ZoneId.of("Europe/Tallinn"), 2027);
        assertThat(second.toString()).isEqualTo("X" + first);
        assertThat(first.toString()).startsWith("BEGIN:VTIMEZONE\r\nTZID:Europe/Tallinn\r\n")
                .contains("TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300\r\n").endsWith("END:VTIMEZONE\r\n");
        var fixed = new StringBuilder();
        IcsText.timezone(fixed, ZoneId.of("Asia/Kolkata"), 2027);
        assertThat(fixed.toString()).contains("TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\n");
        var west = new StringBuilder();
        IcsText.timezone(west, ZoneId.of("America/St_Johns"), 2027);
        assertThat(west.toString()).contains("TZOFFSETFROM:-0330\r\n");
    }
}
