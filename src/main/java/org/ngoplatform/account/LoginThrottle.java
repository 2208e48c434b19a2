package org.ngoplatform.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per typed email and per client address within a sliding window. Keys are the
 * typed email (existing or not, so the answer never tells whether an account exists) and the address;
 * both are kept in memory only, for the length of the window (a sweep drops expired keys), and never more than
 * the limit's worth of failures per key. Per application instance: nothing about failed sign-ins is written
 * to disk, which suits the single-instance deployment; several instances would each allow the limit.
 */
@Component
public class LoginThrottle {

    private final Clock clock;
    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock,
                  @Value("${ngo.login.max-failures-per-account:5}") int maxPerAccount,
                  @Value("${ngo.login.max-failures-per-address:20}") int maxPerAddress,
                  @Value("${ngo.login.window:PT15M}") Duration window) {
        this.clock = clock;
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    /** How long the person must wait before trying again, or zero. */
    public Duration blockedFor(String email, String address) {
        Duration byAccount = wait(accountKey(email), maxPerAccount);
        Duration byAddress = wait(addressKey(address), maxPerAddress);
        return byAccount.compareTo(byAddress) >= 0 ? byAccount : byAddress;
    }

    public void recordFailure(String email, String address) {
        Instant now = clock.instant();
        for (String key : new String[]{accountKey(email), addressKey(address)}) {
            if (key != null) {
                failures.compute(key, (k, q) -> {
                    Deque<Instant> queue = q == null ? new ArrayDeque<>() : q;
                    prune(queue, now);
                    queue.addLast(now);
                    // Only the newest `limit` failures decide a pause; older ones need not be kept.
                    while (queue.size() > Math.max(maxPerAccount, maxPerAddress)) {
                        queue.pollFirst();
                    }
                    return queue;
                });
            }
        }
    }

    public void recordSuccess(String email) {
        String key = accountKey(email);
        if (key != null) {
            failures.remove(key);
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        recordFailure(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        recordSuccess(event.getAuthentication().getName());
    }

    private Duration wait(String key, int max) {
        if (key == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        Duration[] left = {Duration.ZERO};
        // All reads and writes of a key's queue happen inside the map's atomic per-key compute.
        failures.computeIfPresent(key, (k, queue) -> {
            prune(queue, now);
            if (queue.size() >= max) {
                // Blocked until the oldest failure that keeps the count at the limit leaves the window.
                Instant oldestCounted = queue.stream().skip(queue.size() - max).findFirst().orElse(now);
                Duration d = Duration.between(now, oldestCounted.plus(window));
                left[0] = d.isNegative() ? Duration.ZERO : d;
            }
            return queue.isEmpty() ? null : queue;
        });
        return left[0];
    }

    /** Forgets keys whose failures have all left the window, so spraying many emails cannot grow memory. */
    @Scheduled(fixedDelayString = "${ngo.login.sweep-interval:PT5M}", initialDelayString = "${ngo.login.sweep-interval:PT5M}")
    public void sweep() {
        Instant now = clock.instant();
        for (String key : failures.keySet()) {
            failures.computeIfPresent(key, (k, queue) -> {
                prune(queue, now);
                return queue.isEmpty() ? null : queue;
            });
        }
    }

    int trackedKeys() {
        return failures.size();
    }

    int keptFailures() {
        return failures.values().stream().mapToInt(Deque::size).sum();
    }

    private void prune(Deque<Instant> queue, Instant now) {
        Instant cutoff = now.minus(window);
        while (!queue.isEmpty() && queue.peekFirst().isBefore(cutoff)) {
            queue.pollFirst();
        }
    }

    /** Typed text beyond the longest possible email is cut, so what is kept in memory per key stays bounded. */
    static String accountKey(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String typed = email.strip();
        if (typed.length() > Account.EMAIL_MAX) {
            typed = typed.substring(0, Account.EMAIL_MAX + 1);
        }
        return "account:" + typed.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "address:" + address;
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
