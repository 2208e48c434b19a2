package org.ngoplatform.account;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Throttle counts in the database, so that every instance on it counts the same sign-in failures and requests
 * ({@code ngo.cluster.enabled=true}; table {@code account_throttle}, V62). Keys are stored as SHA-256 hashes: the table
 * holds no typed email or client address. Each change runs in a transaction of its own, so a failure counted in a
 * request whose own transaction rolls back (a wrong current password) stays counted; a pair of concurrent failures
 * is counted twice (one upsert each, under the row's lock).
 * <p>
 * When the database cannot be reached the store counts nothing and slows nobody (it logs once a minute): signing in
 * needs the database anyway, so an attacker gains nothing, and the owner is not locked out by an outage.
 * <p>
 * Hand-written rather than a rate-limit library (Bucket4j's JDBC buckets): the sign-in policy is not a token
 * bucket (free failures, then a pause doubling per failure, per pair, account and address, known-good addresses),
 * and what is kept per key is one small row either way.
 */
@Component
@ConditionalOnProperty(name = "ngo.cluster.enabled", havingValue = "true")
class SharedThrottleStore {

    private static final Logger log = LoggerFactory.getLogger(SharedThrottleStore.class);
    /** Recent request times are kept as epoch milliseconds in one column of at most 4000 characters. */
    static final int MAX_RECENT = 250;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private volatile long lastFailureLogged;

    SharedThrottleStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The sign-in throttle's counts, forgotten {@code forgetAfter} after the last failure. */
    ThrottleStore forLogins(Duration forgetAfter, Duration knownGoodFor) {
        return new ThrottleStore() {
            @Override
            public Failures failures(Kind kind, String key, Instant now) {
                return safely(() -> jdbc.query("SELECT hits, last_at FROM account_throttle WHERE throttle_key = ? AND expires_at > ?",
                        rs -> rs.next() ? new Failures(rs.getInt(1), rs.getTimestamp(2).toInstant()) : null,
                        hash(kind + ":" + key), Timestamp.from(now)), null);
            }

            @Override
            public int countFailure(Kind kind, String key, String account, Instant now) {
                String k = hash(kind + ":" + key);
                Timestamp at = Timestamp.from(now);
                return safely(() -> ownTransaction.execute(s -> {
                    // evaluated left to right: hits sees the old expires_at
                    jdbc.update("""
                            INSERT INTO account_throttle (throttle_key, account_key, hits, last_at, expires_at) VALUES (?, ?, 1, ?, ?)
                            ON DUPLICATE KEY UPDATE hits = CASE WHEN expires_at <= ? THEN 1 ELSE LEAST(hits + 1, 2147483647) END,
                                last_at = VALUES(last_at), expires_at = VALUES(expires_at)""",
                            k, account == null || kind != Kind.PAIR ? null : hash("pairs-of:" + account), at,
                            Timestamp.from(now.plus(forgetAfter)), at);
                    return jdbc.queryForObject("SELECT hits FROM account_throttle WHERE throttle_key = ?", Integer.class, k);
                }), 0);
            }

            @Override
            public void forget(Kind kind, String key) {
                safely(() -> jdbc.update("DELETE FROM account_throttle WHERE throttle_key = ?", hash(kind + ":" + key)), 0);
            }

            @Override
            public void forgetPairsOf(String account) {
                safely(() -> jdbc.update("DELETE FROM account_throttle WHERE account_key = ?", hash("pairs-of:" + account)), 0);
            }

            @Override
            public void markKnownGood(String pair, Instant now) {
                Timestamp at = Timestamp.from(now);
                safely(() -> jdbc.update("""
                        INSERT INTO account_throttle (throttle_key, hits, last_at, expires_at) VALUES (?, 1, ?, ?)
                        ON DUPLICATE KEY UPDATE last_at = VALUES(last_at), expires_at = VALUES(expires_at)""",
                        hash("good:" + pair), at, Timestamp.from(now.plus(knownGoodFor))), 0);
            }

            @Override
            public boolean isKnownGood(String pair, Instant now) {
                return Boolean.TRUE.equals(safely(() -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM account_throttle WHERE throttle_key = ? AND expires_at > ?", Integer.class,
                        hash("good:" + pair), Timestamp.from(now)) > 0, false));
            }

            @Override
            public void cleanUp() {
                purgeExpired();
            }

            @Override
            public long trackedKeys() {
                Long n = jdbc.queryForObject("SELECT COUNT(*) FROM account_throttle WHERE expires_at > ?", Long.class,
                        Timestamp.from(clock.instant()));
                return n == null ? 0 : n;
            }
        };
    }

    /**
     * Counts a request under {@code limit} and {@code key} if fewer than {@code max} were counted within the last
     * {@code window}; the row's lock makes concurrent requests on several instances take turns.
     */
    boolean tryAcquire(String limit, String key, int max, Duration window, Instant now) {
        String k = hash("limit:" + limit + ":" + key);
        long cutoff = now.minus(window).toEpochMilli();
        Timestamp at = Timestamp.from(now);
        return Boolean.TRUE.equals(safely(() -> ownTransaction.execute(s -> {
            jdbc.update("INSERT IGNORE INTO account_throttle (throttle_key, hits, last_at, expires_at, recent) VALUES (?, 0, ?, ?, '')",
                    k, at, at);
            String recent = jdbc.queryForObject("SELECT recent FROM account_throttle WHERE throttle_key = ? FOR UPDATE", String.class, k);
            List<Long> times = new ArrayList<>(recent == null || recent.isEmpty() ? List.of()
                    : Arrays.stream(recent.split(",")).map(Long::parseLong).filter(t -> t > cutoff).toList());
            boolean allowed = times.size() < max;
            if (allowed) {
                times.add(now.toEpochMilli());
            }
            jdbc.update("UPDATE account_throttle SET recent = ?, hits = ?, last_at = ?, expires_at = ? WHERE throttle_key = ?",
                    String.join(",", times.stream().map(String::valueOf).toList()), times.size(), at,
                    Timestamp.from(now.plus(window)), k);
            return allowed;
        }), true));
    }

    /** Rows past their expiry go, on one instance every ten minutes. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    @SchedulerLock(name = "account.throttlePurge", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void purgeExpired() {
        safely(() -> jdbc.update("DELETE FROM account_throttle WHERE expires_at <= ?", Timestamp.from(clock.instant())), 0);
    }

    private <T> T safely(Supplier<T> action, T whenUnavailable) {
        try {
            return action.get();
        } catch (DataAccessException | org.springframework.transaction.TransactionException e) {
            long now = System.nanoTime();
            if (now - lastFailureLogged > Duration.ofMinutes(1).toNanos()) {
                lastFailureLogged = now;
                log.warn("Shared throttle counts unavailable, nobody is slowed meanwhile: {}", e.getMessage());
            }
            return whenUnavailable;
        }
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
