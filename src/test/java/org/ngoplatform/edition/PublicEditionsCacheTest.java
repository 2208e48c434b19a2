package org.ngoplatform.edition;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The home page's few seconds of public editions in memory (the service's use of it: {@link PublicEditionsTest}). */
class PublicEditionsCacheTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final Supplier<List<EditionSummary>> read = () -> {
        reads.incrementAndGet();
        return List.of();
    };

    @Test
    void visits_within_the_time_read_the_database_once() {
        var cache = new PublicEditionsCache(Duration.ofHours(1));

        cache.get(read);
        cache.get(read);
        cache.get(read);

        assertThat(reads).hasValue(1);
    }

    @Test
    void an_eviction_makes_the_next_visit_read_again() {
        var cache = new PublicEditionsCache(Duration.ofHours(1));
        cache.get(read);

        cache.evictAfterCommit(); // outside a transaction: at once
        cache.get(read);

        assertThat(reads).hasValue(2);
    }

    @Test
    void a_time_of_zero_reads_on_every_visit() {
        var cache = new PublicEditionsCache(Duration.ZERO);

        cache.get(read);
        cache.get(read);

        assertThat(reads).hasValue(2);
    }
}
