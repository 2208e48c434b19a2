package org.ngoplatform.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Throttle counts in this instance's memory: bounded Caffeine caches that forget a count {@code forgetAfter} after
 * its last failure and keep at most {@code maxTracked} keys each, so spraying keys cannot grow memory.
 */
final class LocalThrottleStore implements ThrottleStore {

    private final Map<Kind, Cache<String, Failures>> counts = new EnumMap<>(Kind.class);
    private final Cache<String, Boolean> knownGood;

    LocalThrottleStore(Clock clock, Duration forgetAfter, Duration knownGoodFor, long maxTracked) {
        Ticker ticker = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        for (Kind kind : Kind.values()) {
            counts.put(kind, cache(ticker, forgetAfter, maxTracked));
        }
        this.knownGood = cache(ticker, knownGoodFor, maxTracked);
    }

    private static <V> Cache<String, V> cache(Ticker ticker, Duration expiry, long maxTracked) {
        // Eviction and expiry run on the calling thread: no background work, deterministic in tests.
        return Caffeine.newBuilder().ticker(ticker).executor(Runnable::run)
                .expireAfterWrite(expiry).maximumSize(maxTracked).build();
    }

    @Override
    public Failures failures(Kind kind, String key, Instant now) {
        return counts.get(kind).getIfPresent(key);
    }

    @Override
    public int countFailure(Kind kind, String key, String account, Instant now) {
        return counts.get(kind).asMap()
                .merge(key, new Failures(1, now), (old, one) -> new Failures(saturated(old.count()), now)).count();
    }

    private static int saturated(int count) {
        return count == Integer.MAX_VALUE ? count : count + 1;
    }

    @Override
    public void forget(Kind kind, String key) {
        counts.get(kind).invalidate(key);
    }

    @Override
    public void forgetPairsOf(String account) {
        counts.get(Kind.PAIR).asMap().keySet().removeIf(key -> key.startsWith(account + "\n"));
    }

    @Override
    public void markKnownGood(String pair, Instant now) {
        knownGood.put(pair, Boolean.TRUE);
    }

    @Override
    public boolean isKnownGood(String pair, Instant now) {
        return knownGood.getIfPresent(pair) != null;
    }

    @Override
    public void cleanUp() {
        counts.values().forEach(Cache::cleanUp);
        knownGood.cleanUp();
    }

    @Override
    public long trackedKeys() {
        cleanUp();
        return counts.values().stream().mapToLong(Cache::estimatedSize).sum() + knownGood.estimatedSize();
    }
}
