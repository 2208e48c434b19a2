package org.ngoplatform.base.live;

import org.junit.jupiter.api.Test;
import org.ngoplatform.attendance.AttendanceChanged;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Attendance's live event crosses to other instances: the relay's JSON reads back as the same record and key. */
class AttendanceChangedRelayTest {

    private final LiveRelay relay = new LiveRelay(null, new LiveUpdates(), Duration.ofMillis(250), Duration.ofMillis(100), Duration.ofMinutes(1));

    @Test
    void an_attendance_change_relayed_as_json_arrives_as_the_same_record_with_the_same_key() throws Exception {
        var sent = new AttendanceChanged(42, "2026-05-12.7");
        assertThat(sent.relayed()).isTrue();
        LiveEvent received = relay.read(AttendanceChanged.class.getName(), relay.write(sent));
        assertThat(received).isEqualTo(sent);
        assertThat(received.key()).isEqualTo("42/2026-05-12.7");
    }
}
