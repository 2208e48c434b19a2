package org.ngoplatform.account;

import java.time.Instant;

/**
 * Where {@link LoginThrottle} keeps its counts: this instance's memory ({@link LocalThrottleStore}, the default), or
 * the database every instance shares ({@link SharedThrottleStore}, {@code ngo.cluster.enabled=true}), so an attacker
 * spreading guesses over two instances meets the same counts as on one.
 */
interface ThrottleStore {

    enum Kind { PAIR, ACCOUNT, ADDRESS }

    /** How many failures a key has had and when the last one was. */
    record Failures(int count, Instant last) {
    }

    /** The failures under {@code key}, or null when there are none (or they were forgotten). */
    Failures failures(Kind kind, String key, Instant now);

    /** Counts one more failure under {@code key} (a pair's rows remember their {@code account}); the new count. */
    int countFailure(Kind kind, String key, String account, Instant now);

    void forget(Kind kind, String key);

    /** Forgets the pair counts of {@code account} (its password was changed by its owner). */
    void forgetPairsOf(String account);

    void markKnownGood(String pair, Instant now);

    boolean isKnownGood(String pair, Instant now);

    /** Drops what has expired now. */
    void cleanUp();

    /** How many keys are kept (after {@link #cleanUp()}). */
    long trackedKeys();
}
