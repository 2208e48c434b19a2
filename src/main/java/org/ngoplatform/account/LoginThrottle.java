package org.ngoplatform.account;

import org.ngoplatform.account.ThrottleStore.Failures;
import org.ngoplatform.account.ThrottleStore.Kind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows password guessing without letting a stranger lock anyone out (see docs/security.md, "Sign-in
 * throttling"). Failed sign-ins are counted per (typed email, client address) pair, per typed email and per
 * client address. Each count has a number of free failures; beyond it the next attempt waits a delay that
 * doubles with every further failure, up to a cap. Nothing is ever locked for longer than that cap.
 * <ul>
 *   <li>pair: the attacker's own address is slowed quickly (5 free failures);</li>
 *   <li>account: a loose limit (20 free failures, counting only each pair's own free failures) that slows
 *       guessing spread over many addresses, but never applies to an address the account has signed in from
 *       successfully (a known-good address);</li>
 *   <li>address: a high limit (100 free failures) so that an office behind one address is at most slowed.</li>
 * </ul>
 * A successful sign-in resets its pair and makes the address known-good for that account. Keys are the typed
 * email (existing or not, so the answer never tells whether an account exists) and the address. They live in a
 * {@link ThrottleStore}: by default in this instance's memory, in bounded Caffeine caches that forget a count some
 * time after its last failure; with several instances on one database ({@code ngo.cluster.enabled=true}) in that
 * database, hashed, so every instance counts the same failures.
 */
@Component
public class LoginThrottle {

    /** The policy's numbers, as configured. */
    record Policy(int freePerPair, int freePerAccount, int freePerAddress, Duration firstDelay, Duration maxDelay,
                  Duration forgetAfter, Duration knownGoodFor, long maxTracked) {
        static Policy defaults() {
            return new Policy(5, 20, 100, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1),
                    Duration.ofDays(30), 100_000);
        }
    }

    private final Clock clock;
    private final Policy policy;
    private final ThrottleStore store;

    @Autowired
    LoginThrottle(Clock clock, ObjectProvider<SharedThrottleStore> shared,
                  @Value("${ngo.login.free-failures-per-pair:5}") int freePerPair,
                  @Value("${ngo.login.free-failures-per-account:20}") int freePerAccount,
                  @Value("${ngo.login.free-failures-per-address:100}") int freePerAddress,
                  @Value("${ngo.login.first-delay:PT1S}") Duration firstDelay,
                  @Value("${ngo.login.max-delay:PT15M}") Duration maxDelay,
                  @Value("${ngo.login.forget-after:PT1H}") Duration forgetAfter,
                  @Value("${ngo.login.known-good-for:P30D}") Duration knownGoodFor,
                  @Value("${ngo.login.max-tracked:100000}") long maxTracked) {
        this(clock, new Policy(freePerPair, freePerAccount, freePerAddress, firstDelay, maxDelay, forgetAfter,
                knownGoodFor, maxTracked), shared.getIfAvailable());
    }

    LoginThrottle(Clock clock, Policy policy) {
        this(clock, policy, null);
    }

    /** With {@code shared} (several instances on one database) the counts live there, else in this instance. */
    LoginThrottle(Clock clock, Policy policy, SharedThrottleStore shared) {
        this.clock = clock;
        this.policy = policy;
        this.store = shared != null ? shared.forLogins(policy.forgetAfter(), policy.knownGoodFor())
                : new LocalThrottleStore(clock, policy.forgetAfter(), policy.knownGoodFor(), policy.maxTracked());
    }

    /** How long the person must wait before trying again, or zero. */
    public Duration blockedFor(String email, String address) {
        String account = accountKey(email);
        String pair = pairKey(account, address);
        Instant now = clock.instant();
        Duration wait = wait(Kind.PAIR, pair, policy.freePerPair(), now);
        boolean trusted = pair != null && store.isKnownGood(pair, now);
        if (!trusted) {
            wait = max(wait, wait(Kind.ACCOUNT, account, policy.freePerAccount(), now));
            wait = max(wait, wait(Kind.ADDRESS, addressKey(address), policy.freePerAddress(), now));
        }
        return wait;
    }

    public void recordFailure(String email, String address) {
        String account = accountKey(email);
        Instant now = clock.instant();
        int forPair = count(Kind.PAIR, pairKey(account, address), account, now);
        if (forPair <= policy.freePerPair()) {
            // The account-wide limit is for guessing spread over many addresses: an address already slowed by its
            // own pair count adds nothing, so one attacker cannot push the owner's other addresses into a pause.
            count(Kind.ACCOUNT, account, null, now);
        }
        count(Kind.ADDRESS, addressKey(address), null, now);
    }

    /** A successful sign-in from {@code address}: that pair starts afresh and the address is known-good. */
    public void recordSuccess(String email, String address) {
        String pair = pairKey(accountKey(email), address);
        if (pair != null) {
            store.forget(Kind.PAIR, pair);
            store.markKnownGood(pair, clock.instant());
        }
    }

    /** The password was changed by its owner (reset link): earlier failures for this account no longer matter. */
    public void passwordChanged(String email) {
        String account = accountKey(email);
        if (account != null) {
            store.forget(Kind.ACCOUNT, account);
            store.forgetPairsOf(account);
        }
    }

    /**
     * A failed sign-in counts unless the system failed rather than the credentials (Spring Security's
     * {@link AuthenticationServiceException}, e.g. {@code InternalAuthenticationServiceException} when the database
     * is down): people retrying during an outage are not throttled for it.
     */
    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event.getException() instanceof AuthenticationServiceException) {
            return;
        }
        recordFailure(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        recordSuccess(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
    }

    private int count(Kind kind, String key, String account, Instant now) {
        if (key == null) {
            return 0;
        }
        return store.countFailure(kind, key, account, now);
    }

    private Duration wait(Kind kind, String key, int free, Instant now) {
        Failures failures = key == null ? null : store.failures(kind, key, now);
        if (failures == null || failures.count() < free) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, failures.last().plus(delayAfter(failures.count() - free)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The pause after {@code beyond + 1} failures past the free ones: first delay, doubled each time, capped. */
    Duration delayAfter(int beyond) {
        if (beyond >= 40) {
            return policy.maxDelay();
        }
        Duration delay = policy.firstDelay().multipliedBy(1L << beyond);
        return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Drops expired counts now (Caffeine also does this as it is used). */
    void cleanUp() {
        store.cleanUp();
    }

    long trackedKeys() {
        return store.trackedKeys();
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

    private static String pairKey(String account, String address) {
        return account == null ? null : account + "\n" + (address == null ? "" : address);
    }

    /** The address of the sign-in request being handled, as {@link ClientAddress} decides it. */
    private static String address(Object details) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return ClientAddress.of(attributes.getRequest());
        }
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
