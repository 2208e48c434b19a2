package org.ngoplatform.account;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, 20, Duration.ofMinutes(15));

    @Test
    void five_failures_for_one_email_pause_sign_in_for_that_email_only() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("maria@example.org", "10.0.0." + i);
        }
        assertThat(throttle.blockedFor("maria@example.org", "10.0.0.9")).isZero();
        throttle.recordFailure("MARIA@example.org ", "10.0.0.5");

        assertThat(throttle.blockedFor("maria@example.org", "10.0.0.9")).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.blockedFor("anna@example.org", "10.0.0.9")).isZero();
    }

    @Test
    void an_overlong_typed_email_is_kept_bounded_and_still_throttled() {
        String typed = "x".repeat(100_000) + "@example.org";
        assertThat(LoginThrottle.accountKey(typed)).hasSize("account:".length() + Account.EMAIL_MAX + 1);
        assertThat(LoginThrottle.accountKey(" Maria@Example.org ")).isEqualTo("account:maria@example.org");
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(typed, "10.0.0." + i);
        }
        assertThat(throttle.blockedFor(typed, "10.0.0.9")).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.blockedFor("maria@example.org", "10.0.0.9")).isZero();
    }

    @Test
    void spraying_many_emails_is_forgotten_once_the_window_has_passed() {
        for (int i = 0; i < 1_000; i++) {
            throttle.recordFailure("spray-" + i + "@example.org", "10.0.0.1");
        }
        assertThat(throttle.trackedKeys()).isEqualTo(1_001);
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        throttle.sweep();
        assertThat(throttle.trackedKeys()).as("still inside the window").isEqualTo(1_001);
        assertThat(throttle.blockedFor("anyone@example.org", "10.0.0.1")).as("the address is paused").isPositive();
        clock.now = clock.now.plus(Duration.ofMinutes(1)).plusSeconds(1);
        throttle.sweep();
        assertThat(throttle.trackedKeys()).isZero();
        assertThat(throttle.blockedFor("anyone@example.org", "10.0.0.1")).isZero();
    }

    @Test
    void hammering_one_email_keeps_only_the_failures_that_decide_the_pause() {
        for (int i = 0; i < 500; i++) {
            clock.now = clock.now.plusSeconds(1);
            throttle.recordFailure("maria@example.org", null);
        }
        assertThat(throttle.keptFailures()).as("bounded by the larger limit (20)").isEqualTo(20);
        // The fifth-newest failure (495 s after the start) decides: 15 minutes after it.
        assertThat(throttle.blockedFor("maria@example.org", null)).isEqualTo(Duration.ofMinutes(15).minusSeconds(4));
    }

    @Test
    void the_pause_ends_when_failures_leave_the_window() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("maria@example.org", "10.0.0.1");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThat(throttle.blockedFor("maria@example.org", null)).isEqualTo(Duration.ofMinutes(5));
        clock.now = clock.now.plus(Duration.ofMinutes(5)).plusSeconds(1);
        assertThat(throttle.blockedFor("maria@example.org", null)).isZero();
    }

    @Test
    void many_failures_from_one_address_pause_that_address_for_every_email() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("user" + i + "@example.org", "192.0.2.7");
        }
        assertThat(throttle.blockedFor("someone-new@example.org", "192.0.2.7")).isPositive();
        assertThat(throttle.blockedFor("someone-new@example.org", "192.0.2.8")).isZero();
    }

    @Test
    void unknown_and_known_emails_are_throttled_alike() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("nobody-has-this@example.org", "10.1.1.1");
        }
        assertThat(throttle.blockedFor("nobody-has-this@example.org", "10.1.1.2")).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void a_successful_sign_in_clears_the_email_count() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("maria@example.org", "10.0.0.1");
        }
        throttle.recordSuccess("maria@example.org");
        throttle.recordFailure("maria@example.org", "10.0.0.1");
        assertThat(throttle.blockedFor("maria@example.org", "10.0.0.2")).isZero();
    }
}
