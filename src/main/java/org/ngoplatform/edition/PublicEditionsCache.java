package org.ngoplatform.edition;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The public editions in memory for a few seconds (Caffeine, one entry), for {@link EditionService#publicEditions()}.
 * An eviction after a write's commit also removes a value that a read computed while the write was uncommitted: Caffeine
 * computes under the map's lock for the key, so an eviction waits for a read in progress and then removes its value.
 * A duration of zero turns the cache off.
 */
final class PublicEditionsCache {

    private static final String KEY = "public";

    private final Cache<String, List<EditionSummary>> cache;

    PublicEditionsCache(Duration keepFor) {
        this.cache = keepFor.isZero() || keepFor.isNegative() ? null
                : Caffeine.newBuilder().expireAfterWrite(keepFor).executor(Runnable::run).maximumSize(1).build();
    }

    List<EditionSummary> get(Supplier<List<EditionSummary>> read) {
        return cache == null ? read.get() : cache.get(KEY, key -> read.get());
    }

    /** Empties the cache now and, inside a transaction, once more after it committed or rolled back. */
    void evictAfterCommit() {
        evict();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evict();
                }
            });
        }
    }

    void evict() {
        if (cache != null) {
            cache.invalidate(KEY);
        }
    }
}
