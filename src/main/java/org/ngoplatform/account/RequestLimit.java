package org.ngoplatform.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code max} events per key within a sliding {@code window}, in memory: keys are forgotten a window
 * after their last event and at most {@code maxKeys} are kept (Caffeine), so spraying keys cannot grow memory.
 * With several instances on one database ({@link #of}, {@code ngo.cluster.enabled=true}) the events are counted in
 * that database instead ({@link SharedThrottleStore#tryAcquire}), the same for every instance.
 */
final class RequestLimit {

    private final Clock clock;
    private final int max;
    private final Duration window;
    private final Cache<String, Deque<Instant>> events;
    private final SharedThrottleStore shared;
    private final String name;

    /** A limit named {@code name}: counted in {@code shared} when there is one, else in this instance. */
    static RequestLimit of(String name, SharedThrottleStore shared, Clock clock, int max, Duration window, long maxKeys) {
        if (shared != null && max > SharedThrottleStore.MAX_RECENT) {
            throw new IllegalArgumentException("limit " + name + " above " + SharedThrottleStore.MAX_RECENT + " per window: " + max);
        }
        return new RequestLimit(name, shared, clock, max, window, maxKeys);
    }

    RequestLimit(Clock clock, int max, Duration window, long maxKeys) {
        this(null, null, clock, max, window, maxKeys);
    }

    private RequestLimit(String name, SharedThrottleStore shared, Clock clock, int max, Duration window, long maxKeys) {
        this.name = name;
        this.shared = shared;
        this.clock = clock;
        this.max = max;
        this.window = window;
        this.events = Caffeine.newBuilder()
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .executor(Runnable::run).expireAfterWrite(window).maximumSize(maxKeys).build();
    }

    /** Counts an event under {@code key} if the limit allows it; a null key is always allowed. */
    boolean tryAcquire(String key) {
        if (key == null) {
            return true;
        }
        Instant now = clock.instant();
        if (shared != null) {
            return shared.tryAcquire(name, key, max, window, now);
        }
        Instant cutoff = now.minus(window);
        boolean[] allowed = {false};
        events.asMap().compute(key, (k, q) -> {
            Deque<Instant> queue = q == null ? new ArrayDeque<>() : q;
            while (!queue.isEmpty() && !queue.peekFirst().isAfter(cutoff)) {
                queue.pollFirst();
            }
            if (queue.size() < max) {
                queue.addLast(now);
                allowed[0] = true;
            }
            return queue;
        });
        return allowed[0];
    }
}
