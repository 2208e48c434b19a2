package org.ngoplatform.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
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
 * both are kept in memory only, for the length of the window. Per application instance.
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
        Deque<Instant> queue = failures.get(key);
        if (queue == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        synchronized (queue) {
            prune(queue, now);
            if (queue.size() < max) {
                return Duration.ZERO;
            }
            // Blocked until the oldest failure that keeps the count at the limit leaves the window.
            Instant oldestCounted = queue.stream().skip(queue.size() - max).findFirst().orElse(now);
            Duration left = Duration.between(now, oldestCounted.plus(window));
            return left.isNegative() ? Duration.ZERO : left;
        }
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
