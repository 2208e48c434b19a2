package org.ngoplatform.base.live;

import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class LiveUpdatesTest {

    /** A change of one thing, numbered so a test sees which one arrived. */
    record Changed(String key, int n) implements LiveEvent {
    }

    /** Results-like: at most one delivery a second. */
    record Counted(String key, int n) implements LiveEvent {
        @Override
        public Duration coalescing() {
            return Duration.ofSeconds(1);
        }
    }

    record Delivery(int n, String thread, long nanos) {
    }

    @Autowired LiveUpdates live;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void a_subscriber_gets_an_event_only_after_commit_and_never_on_the_publishing_thread() {
        String key = key();
        List<Delivery> seen = new CopyOnWriteArrayList<>();
        var registration = live.subscribe(Changed.class, key,
                e -> seen.add(new Delivery(e.n(), Thread.currentThread().getName(), System.nanoTime())));
        String publisher = Thread.currentThread().getName();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            events.publishEvent(new Changed(key, 1));
            // the transaction is still open: nothing may arrive however long it stays open
            await().during(300, TimeUnit.MILLISECONDS).atMost(1, TimeUnit.SECONDS).until(seen::isEmpty);
        });
        await().atMost(5, TimeUnit.SECONDS).until(() -> !seen.isEmpty());
        registration.remove();

        assertThat(seen).singleElement().satisfies(d -> {
            assertThat(d.n()).isEqualTo(1);
            assertThat(d.thread()).startsWith("live-").isNotEqualTo(publisher);
        });
    }

    @Test
    void an_event_of_a_rolled_back_transaction_is_never_delivered() {
        String key = key();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        var registration = live.subscribe(Changed.class, key, e -> seen.add(e.n()));
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            events.publishEvent(new Changed(key, 1));
            tx.setRollbackOnly();
        });
        // outside a transaction an event goes at once; deliveries of one key keep their order, so had the rolled
        // back one gone out it would be seen before this one
        events.publishEvent(new Changed(key, 2));
        await().atMost(5, TimeUnit.SECONDS).until(() -> seen.contains(2));
        registration.remove();

        assertThat(seen).containsExactly(2);
    }

    @Test
    void a_burst_of_events_is_coalesced_to_few_deliveries_ending_with_the_latest() {
        String key = key();
        List<Delivery> seen = new CopyOnWriteArrayList<>();
        String publisher = Thread.currentThread().getName();
        var registration = live.subscribe(Counted.class, key,
                e -> seen.add(new Delivery(e.n(), Thread.currentThread().getName(), System.nanoTime())));
        long start = System.nanoTime();
        for (int n = 1; n <= 200; n++) {
            events.publishEvent(new Counted(key, n));
        }
        long burstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        await().atMost(10, TimeUnit.SECONDS).until(() -> !seen.isEmpty() && seen.getLast().n() == 200);
        registration.remove();

        // the first goes out at once, then at most one a second: the latest wins
        assertThat(seen.size()).isBetween(1, 2 + (int) (burstMillis / 1000));
        assertThat(seen).extracting(Delivery::n).isSorted().doesNotHaveDuplicates();
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).nanos() - seen.get(i - 1).nanos()).as("gap between deliveries")
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(950));
        }
        assertThat(seen).extracting(Delivery::thread).allSatisfy(t -> assertThat(t).isNotEqualTo(publisher));
    }

    @Test
    void removing_the_last_subscription_leaves_no_subscriber_behind() {
        String key = key();
        var first = live.subscribe(Changed.class, key, e -> { });
        var second = live.subscribe(Changed.class, key, e -> { });
        assertThat(live.subscriberCount(Changed.class, key)).isEqualTo(2);
        first.remove();
        second.remove();
        second.remove();
        assertThat(live.subscriberCount(Changed.class, key)).isZero();
    }

    @Test
    void a_failing_subscriber_does_not_keep_the_event_from_the_others() {
        String key = key();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        var broken = live.subscribe(Changed.class, key, e -> {
            throw new IllegalStateException("closed tab");
        });
        var working = live.subscribe(Changed.class, key, e -> seen.add(e.n()));
        events.publishEvent(new Changed(key, 7));
        await().atMost(5, TimeUnit.SECONDS).until(() -> seen.contains(7));
        broken.remove();
        working.remove();
    }
}
