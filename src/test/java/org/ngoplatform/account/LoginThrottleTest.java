package org.ngoplatform.account;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.transaction.CannotCreateTransactionException;

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
    private final LoginThrottle throttle = new LoginThrottle(clock, LoginThrottle.Policy.defaults());

    /** An attacker who retries the moment they may: how many passwords they can try in {@code span}. */
    private int guessesIn(Duration span, String email, java.util.function.IntFunction<String> addressOfAttempt) {
        Instant end = clock.now.plus(span);
        int guesses = 0;
        while (clock.now.isBefore(end)) {
            String address = addressOfAttempt.apply(guesses);
            Duration wait = throttle.blockedFor(email, address);
            if (wait.isZero()) {
                throttle.recordFailure(email, address);
                guesses++;
                clock.now = clock.now.plusMillis(100);
            } else if (clock.now.plus(wait).isBefore(end)) {
                clock.now = clock.now.plus(wait);
            } else {
                break;
            }
        }
        return guesses;
    }

    @Test
    void five_failures_from_one_address_slow_that_address_with_growing_delays() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("maria@example.org", "10.0.0.1");
        }
        assertThat(throttle.blockedFor("maria@example.org", "10.0.0.1")).isZero();
        throttle.recordFailure("MARIA@example.org ", "10.0.0.1");
        assertThat(throttle.blockedFor("maria@example.org", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        throttle.recordFailure("maria@example.org", "10.0.0.1");
        assertThat(throttle.blockedFor("maria@example.org", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
        throttle.recordFailure("maria@example.org", "10.0.0.1");
        assertThat(throttle.blockedFor("maria@example.org", "10.0.0.1")).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.blockedFor("anna@example.org", "10.0.0.1")).isZero();
    }

    @Test
    void guessing_from_one_address_stays_slow() {
        int guesses = guessesIn(Duration.ofDays(1), "maria@example.org", i -> "192.0.2.66");
        // 5 free, 10 growing delays up to 15 minutes, then one guess per 15 minutes: about 100 a day.
        assertThat(guesses).isBetween(100, 120);
    }

    @Test
    void guessing_spread_over_many_addresses_stays_slow() {
        int guesses = guessesIn(Duration.ofDays(1), "maria@example.org", i -> "198.51." + (i / 250) + "." + (i % 250));
        // The account-wide limit: 20 free, then the same growing delay, whatever the number of addresses.
        assertThat(guesses).isBetween(100, 140);
    }

    @Test
    void five_wrong_passwords_from_anywhere_do_not_stop_the_owner_from_another_address() {
        int guesses = guessesIn(Duration.ofHours(2), "maria@example.org", i -> "203.0.113.9");
        assertThat(guesses).as("the attacker was slowed").isLessThan(25);
        assertThat(throttle.blockedFor("maria@example.org", "203.0.113.9")).as("the attacker still waits").isPositive();

        assertThat(throttle.blockedFor("maria@example.org", "10.20.30.40")).as("the owner elsewhere").isZero();
    }

    @Test
    void the_owner_from_a_known_good_address_gets_in_while_many_addresses_hammer_the_account() {
        throttle.recordSuccess("maria@example.org", "10.20.30.40");
        guessesIn(Duration.ofHours(1), "maria@example.org", i -> "198.51." + (i / 250) + "." + (i % 250));
        assertThat(throttle.blockedFor("maria@example.org", "198.51.200.1")).as("a new address is slowed").isPositive();
        assertThat(throttle.blockedFor("maria@example.org", "10.20.30.40")).as("the owner's address").isZero();
    }

    @Test
    void an_office_of_twenty_failing_users_behind_one_address_is_slowed_not_locked() {
        String office = "192.0.2.7";
        for (int round = 0; round < 5; round++) {
            for (int user = 0; user < 20; user++) {
                throttle.recordFailure("user" + user + "@ngo.example", office);
            }
        }
        Duration longest = Duration.ZERO;
        for (int user = 0; user < 20; user++) {
            Duration wait = throttle.blockedFor("user" + user + "@ngo.example", office);
            longest = wait.compareTo(longest) > 0 ? wait : longest;
        }
        assertThat(longest).as("slowed").isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.blockedFor("colleague@ngo.example", office)).as("a colleague who did not fail")
                .isLessThanOrEqualTo(Duration.ofSeconds(2));
        clock.now = clock.now.plusSeconds(2);
        assertThat(throttle.blockedFor("user0@ngo.example", office)).as("after a short wait").isZero();
        throttle.recordSuccess("user0@ngo.example", office);
        assertThat(throttle.blockedFor("user0@ngo.example", office)).isZero();
    }

    @Test
    void an_overlong_typed_email_is_kept_bounded_and_still_throttled() {
        String typed = "x".repeat(100_000) + "@example.org";
        assertThat(LoginThrottle.accountKey(typed)).hasSize("account:".length() + Account.EMAIL_MAX + 1);
        assertThat(LoginThrottle.accountKey(" Maria@Example.org ")).isEqualTo("account:maria@example.org");
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(typed, "10.0.0.1");
        }
        assertThat(throttle.blockedFor(typed, "10.0.0.1")).isPositive();
        assertThat(throttle.blockedFor("maria@example.org", "10.0.0.1")).isZero();
    }

    @Test
    void spraying_many_emails_keeps_memory_bounded_and_is_forgotten_later() {
        LoginThrottle small = new LoginThrottle(clock, new LoginThrottle.Policy(5, 20, 100, Duration.ofSeconds(1),
                Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofDays(30), 500));
        for (int i = 0; i < 10_000; i++) {
            small.recordFailure("spray-" + i + "@example.org", "10.0.0." + (i % 200));
        }
        assertThat(small.trackedKeys()).as("three caches of at most 500 keys").isLessThanOrEqualTo(1_500);
        assertThat(small.blockedFor("anyone@example.org", "10.0.0.1")).as("the spraying addresses are slowed").isZero();
        for (int i = 0; i < 1_000; i++) {
            throttle.recordFailure("spray-" + i + "@example.org", "10.0.0.1");
        }
        assertThat(throttle.blockedFor("anyone@example.org", "10.0.0.1")).as("the spraying address is slowed").isPositive();
        clock.now = clock.now.plus(Duration.ofHours(1)).plusSeconds(1);
        assertThat(throttle.trackedKeys()).isZero();
        assertThat(throttle.blockedFor("anyone@example.org", "10.0.0.1")).isZero();
    }

    @Test
    void hammering_one_email_keeps_one_count_per_key() {
        for (int i = 0; i < 500; i++) {
            clock.now = clock.now.plusSeconds(1);
            throttle.recordFailure("maria@example.org", "10.0.0.1");
        }
        assertThat(throttle.trackedKeys()).as("pair, account and address").isEqualTo(3);
        assertThat(throttle.blockedFor("maria@example.org", "10.0.0.1")).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void the_pause_never_exceeds_its_cap_and_counts_are_forgotten_an_hour_after_the_last_failure() {
        for (int i = 0; i < 1_000; i++) {
            throttle.recordFailure("maria@example.org", "10.0.0.1");
        }
        assertThat(throttle.blockedFor("maria@example.org", "10.0.0.1")).isEqualTo(Duration.ofMinutes(15));
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(throttle.blockedFor("maria@example.org", "10.0.0.1")).isZero();
        clock.now = clock.now.plus(Duration.ofMinutes(45));
        throttle.recordFailure("maria@example.org", "10.0.0.1");
        assertThat(throttle.blockedFor("maria@example.org", "10.0.0.1")).as("a fresh count").isZero();
    }

    @Test
    void unknown_and_known_emails_are_throttled_alike() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("nobody-has-this@example.org", "10.1.1.1");
        }
        assertThat(throttle.blockedFor("nobody-has-this@example.org", "10.1.1.1")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_successful_sign_in_clears_that_address_count() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("maria@example.org", "10.0.0.1");
        }
        throttle.recordSuccess("maria@example.org", "10.0.0.1");
        throttle.recordFailure("maria@example.org", "10.0.0.1");
        assertThat(throttle.blockedFor("maria@example.org", "10.0.0.1")).isZero();
    }

    @Test
    void a_password_reset_clears_the_account_counts() {
        guessesIn(Duration.ofHours(1), "maria@example.org", i -> "198.51." + (i / 250) + "." + (i % 250));
        assertThat(throttle.blockedFor("maria@example.org", "10.9.9.9")).isPositive();
        throttle.passwordChanged("maria@example.org");
        assertThat(throttle.blockedFor("maria@example.org", "10.9.9.9")).isZero();
    }

    @Test
    void sign_ins_that_fail_because_the_database_is_down_are_not_counted() {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated("maria@example.org", "secret");
        InternalAuthenticationServiceException outage = new InternalAuthenticationServiceException("Could not open JDBC Connection",
                new CannotCreateTransactionException("Could not open JDBC Connection"));
        for (int i = 0; i < 30; i++) {
            throttle.onFailure(new AuthenticationFailureServiceExceptionEvent(attempt, outage));
        }
        assertThat(throttle.blockedFor("maria@example.org", null)).isZero();
        assertThat(throttle.trackedKeys()).isZero();

        for (int i = 0; i < 5; i++) {
            throttle.onFailure(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("Bad credentials")));
        }
        assertThat(throttle.blockedFor("maria@example.org", null)).isEqualTo(Duration.ofSeconds(1));
    }
}
