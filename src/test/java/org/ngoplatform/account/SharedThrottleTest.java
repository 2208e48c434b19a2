package org.ngoplatform.account;

import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database ({@code ngo.cluster.enabled=true}) count sign-in failures and requests together:
 * each "instance" here is its own {@link LoginThrottle} over its own {@link SharedThrottleStore}, on the test
 * database. An attacker gains nothing by spreading guesses over both; the owner is still never locked out.
 */
@IntegrationTest
class SharedThrottleTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    /** Both instances' clocks, moved by hand. */
    static final class MutableClock extends Clock {
        volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final MutableClock clock = new MutableClock();

    private LoginThrottle instance() {
        return new LoginThrottle(clock, LoginThrottle.Policy.defaults(), new SharedThrottleStore(jdbc, transactions, clock));
    }

    private static String email() {
        return "t-throttle-" + UUID.randomUUID().toString().substring(0, 8) + "@test.ngo-platform.local";
    }

    private static String address() {
        return "198.51.100." + (1 + (int) (Math.random() * 250)) + "-" + UUID.randomUUID().toString().substring(0, 4);
    }

    @Test
    void failures_spread_over_two_instances_slow_that_address_on_both() {
        LoginThrottle a = instance();
        LoginThrottle b = instance();
        String email = email();
        String attacker = address();
        for (int i = 0; i < 3; i++) a.recordFailure(email, attacker);
        for (int i = 0; i < 2; i++) b.recordFailure(email, attacker);

        assertThat(a.blockedFor(email, attacker)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.blockedFor(email, attacker)).isEqualTo(Duration.ofSeconds(1));
        b.recordFailure(email, attacker);
        assertThat(a.blockedFor(email, attacker)).as("the pause doubles, whichever instance counted").isEqualTo(Duration.ofSeconds(2));
        clock.now = clock.now.plus(Duration.ofHours(1)).plusSeconds(1);
        assertThat(a.blockedFor(email, attacker)).as("forgotten an hour after the last failure").isZero();
    }

    @Test
    void the_owner_from_a_known_good_address_gets_in_on_either_instance_while_many_addresses_hammer_the_account() {
        LoginThrottle a = instance();
        LoginThrottle b = instance();
        String email = email();
        String home = address();
        a.recordSuccess(email, home);
        for (int i = 0; i < 40; i++) {
            (i % 2 == 0 ? a : b).recordFailure(email, address());
        }

        assertThat(b.blockedFor(email, address())).as("a new address is slowed: the account count is shared").isPositive();
        assertThat(b.blockedFor(email, home)).as("the owner's known-good address, known on both").isZero();
    }

    @Test
    void a_password_reset_on_one_instance_clears_the_counts_the_other_sees() {
        LoginThrottle a = instance();
        LoginThrottle b = instance();
        String email = email();
        String address = address();
        for (int i = 0; i < 8; i++) b.recordFailure(email, address);
        assertThat(b.blockedFor(email, address)).isPositive();

        a.passwordChanged(email);

        assertThat(b.blockedFor(email, address)).isZero();
    }

    @Test
    void a_failure_counted_in_a_transaction_that_rolls_back_stays_counted() {
        LoginThrottle a = instance();
        String email = email();
        String address = address();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (int i = 0; i < 6; i++) a.recordFailure(email, address);
            s.setRollbackOnly();   // a wrong current password: the change is refused, the guess still counts
        });

        assertThat(instance().blockedFor(email, address)).isPositive();
    }

    @Test
    void nothing_typed_is_stored_in_the_clear() {
        String email = email();
        instance().recordFailure(email, "203.0.113.77");

        assertThat(jdbc.queryForObject("select count(*) from account_throttle where throttle_key like ? or throttle_key like ?",
                Integer.class, "%" + email + "%", "%203.0.113.77%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from account_throttle where throttle_key = ?", Integer.class,
                SharedThrottleStore.hash("ACCOUNT:" + LoginThrottle.accountKey(email)))).isEqualTo(1);
    }

    @Test
    void a_request_limit_counts_requests_on_both_instances_together_within_its_window() {
        SharedThrottleStore store = new SharedThrottleStore(jdbc, transactions, clock);
        RequestLimit a = RequestLimit.of("test-limit", store, clock, 3, Duration.ofHours(1), 100);
        RequestLimit b = RequestLimit.of("test-limit", new SharedThrottleStore(jdbc, transactions, clock), clock, 3, Duration.ofHours(1), 100);
        String key = address();

        assertThat(a.tryAcquire(key)).isTrue();
        assertThat(b.tryAcquire(key)).isTrue();
        assertThat(a.tryAcquire(key)).isTrue();
        assertThat(b.tryAcquire(key)).as("the fourth within the hour, on either instance").isFalse();
        assertThat(a.tryAcquire(key)).isFalse();
        assertThat(a.tryAcquire(address())).as("another key has its own count").isTrue();

        clock.now = clock.now.plus(Duration.ofHours(1)).plusMillis(1);
        assertThat(b.tryAcquire(key)).as("a window after the first").isTrue();
    }
}
