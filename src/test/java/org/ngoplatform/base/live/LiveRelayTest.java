package org.ngoplatform.base.live;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's inbound cursor and its JSON, without a database (the two-instance test covers the rest). */
class LiveRelayTest {

    record Changed(long id, String text, List<Long> ids, Instant at, LocalDate due, Map<String, Integer> counts)
            implements LiveEvent {
        @Override
        public Object key() {
            return id;
        }
    }

    /** Records what the relay hands to this instance's screens. */
    static final class Recording extends LiveUpdates {
        final List<LiveEvent> delivered = new ArrayList<>();

        @Override
        public void deliver(LiveEvent event) {
            delivered.add(event);
        }
    }

    private final Recording live = new Recording();
    private final LiveRelay relay = new LiveRelay(null, live, Duration.ofMillis(250), Duration.ofMillis(100), Duration.ofMinutes(1));

    private LiveRelay.Row row(long id, String origin, int n) {
        return new LiveRelay.Row(id, origin, Changed.class.getName(),
                relay.write(new Changed(n, "event " + n, List.of(), Instant.EPOCH, null, Map.of())));
    }

    private List<String> texts() {
        return live.delivered.stream().map(e -> ((Changed) e).text()).toList();
    }

    @Test
    void an_event_relayed_as_json_arrives_as_the_same_record() throws Exception {
        Changed sent = new Changed(42, "Ответ \"quoted\" <b>", List.of(1L, 2L), Instant.parse("2026-12-06T15:00:00.123456Z"),
                LocalDate.of(2027, 1, 31), Map.of("a", 1));
        assertThat(relay.read(Changed.class.getName(), relay.write(sent))).isEqualTo(sent);
    }

    @Test
    void a_row_naming_a_class_that_is_no_live_event_is_never_instantiated() throws Exception {
        assertThat(relay.read(String.class.getName(), "\"x\"")).isNull();
    }

    @Test
    void other_instances_events_are_delivered_once_in_id_order_and_this_instances_own_are_not() {
        relay.handle(List.of(row(1, "other", 1), row(2, relay.origin(), 2), row(3, "other", 3)), 0);
        relay.handle(List.of(row(3, "other", 3)), 1);

        assertThat(texts()).containsExactly("event 1", "event 3");
        assertThat(relay.cursor()).isEqualTo(3);
    }

    @Test
    void an_id_that_becomes_visible_after_a_higher_one_is_still_delivered() {
        relay.handle(List.of(row(1, "other", 1)), 0);
        relay.handle(List.of(row(3, "other", 3)), 1_000_000);           // 2 is not committed yet
        assertThat(relay.cursor()).as("the cursor waits below the gap").isEqualTo(1);
        relay.handle(List.of(row(2, "other", 2), row(3, "other", 3)), 2_000_000);

        assertThat(texts()).containsExactly("event 1", "event 3", "event 2");
        assertThat(relay.cursor()).isEqualTo(3);
    }

    @Test
    void a_gap_that_never_fills_is_skipped_after_the_grace() {
        long grace = LiveRelay.GAP_GRACE.toNanos();
        relay.handle(List.of(row(1, "other", 1), row(3, "other", 3)), 1);
        relay.handle(List.of(row(3, "other", 3)), 1 + grace / 2);
        assertThat(relay.cursor()).isEqualTo(1);
        relay.handle(List.of(row(3, "other", 3), row(4, "other", 4)), 2 + grace);

        assertThat(relay.cursor()).isEqualTo(4);
        assertThat(texts()).containsExactly("event 1", "event 3", "event 4");
    }
}
