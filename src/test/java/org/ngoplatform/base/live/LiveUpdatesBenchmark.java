package org.ngoplatform.base.live;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What a respondent's submit costs with many open results views, and how many refreshes the views get, the old way
 * (every subscriber called on the submitting thread, as {@code ui.access} runs a free session's task right there)
 * and through {@link LiveUpdates}. Figures go to docs/performance.md; nothing is asserted.
 * <pre>mvn -o -B test -Dtest=LiveUpdatesBenchmark</pre>
 */
class LiveUpdatesBenchmark {

    record Arrived(Long key) implements LiveEvent {
        @Override
        public Duration coalescing() {
            return Duration.ofSeconds(1);
        }
    }

    record Changed(Long key) implements LiveEvent {
    }

    static final int VIEWS = 50;
    static final int REFRESH_MILLIS = 20;
    static final int RESPONSES = 100;
    static final int RESPONSE_EVERY_MILLIS = 50;

    private static void refresh() {
        try {
            Thread.sleep(REFRESH_MILLIS); // a results view re-reading its counts
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void submit_cost_and_refreshes_per_view() throws Exception {
        // old: the submitting thread calls every view
        List<Consumer<Long>> old = new ArrayList<>();
        AtomicInteger oldRefreshes = new AtomicInteger();
        for (int i = 0; i < VIEWS; i++) old.add(id -> { refresh(); oldRefreshes.incrementAndGet(); });
        long t0 = System.nanoTime();
        for (int r = 0; r < 5; r++) old.forEach(c -> c.accept(1L));
        double oldSubmitMillis = (System.nanoTime() - t0) / 5 / 1e6;

        // new: the submitting thread hands over, live- threads refresh, coalesced to one a second
        LiveUpdates live = new LiveUpdates();
        AtomicInteger refreshes = new AtomicInteger();
        for (int i = 0; i < VIEWS; i++) live.subscribe(Arrived.class, 1L, e -> { refresh(); refreshes.incrementAndGet(); });
        long maxSubmitNanos = 0;
        long sumSubmitNanos = 0;
        long start = System.nanoTime();
        for (int r = 0; r < RESPONSES; r++) {
            long s = System.nanoTime();
            live.deliver(new Arrived(1L));
            long took = System.nanoTime() - s;
            maxSubmitNanos = Math.max(maxSubmitNanos, took);
            sumSubmitNanos += took;
            Thread.sleep(RESPONSE_EVERY_MILLIS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(2_500); // let the trailing delivery run (a benchmark, not a test)
        System.out.printf("RESULT views=%d refresh=%dms: old submit waits %.0f ms; LiveUpdates submit hand-over mean %.1f µs, max %.1f µs%n",
                VIEWS, REFRESH_MILLIS, oldSubmitMillis, sumSubmitNanos / (double) RESPONSES / 1e3, maxSubmitNanos / 1e3);
        System.out.printf("RESULT %d responses over %.1f s: old %d refreshes per view; LiveUpdates %.1f refreshes per view%n",
                RESPONSES, seconds, RESPONSES, refreshes.get() / (double) VIEWS);

        // latency of an outcome change on an idle system: hand-over to the subscriber's call
        AtomicLong handedOver = new AtomicLong();
        List<Long> latencies = new java.util.concurrent.CopyOnWriteArrayList<>();
        live.subscribe(Changed.class, 2L, e -> latencies.add(System.nanoTime() - handedOver.get()));
        for (int i = 0; i < 20; i++) {
            handedOver.set(System.nanoTime());
            live.deliver(new Changed(2L));
            Thread.sleep(300);
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("RESULT outcome change, idle: median %.2f ms, max %.2f ms over %d changes%n",
                sorted.get(sorted.size() / 2) / 1e6, sorted.getLast() / 1e6, sorted.size());
        live.shutdown();
        TimeUnit.MILLISECONDS.sleep(10);
    }
}
