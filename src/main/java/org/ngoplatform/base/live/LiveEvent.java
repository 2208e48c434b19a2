package org.ngoplatform.base.live;

import java.time.Duration;

/**
 * A change that open screens follow live. A module publishes it with Spring's {@code ApplicationEventPublisher}
 * in the transaction of the change; {@link LiveUpdates} delivers it after commit, off the publishing thread, to the
 * subscribers of its type and {@link #key()}.
 */
public interface LiveEvent {

    /** Coalescing of an event type that does not say otherwise. */
    Duration DEFAULT_COALESCING = Duration.ofMillis(200);

    /** What the change is about (a group's id, a survey's id, a job's id): subscribers follow one type for one key. */
    Object key();

    /**
     * The shortest time between two deliveries of this type and key: events in between are coalesced and only the
     * latest is delivered. The first event after a quiet spell goes out at once.
     */
    default Duration coalescing() {
        return DEFAULT_COALESCING;
    }

    /**
     * Whether screens on the other instances follow this event too ({@link LiveRelay}, with several instances on one
     * database): by default yes. An event about something that lives in one instance's memory says no (an export job
     * and its progress dialog, which sticky sessions keep on the same instance; who has a page open there).
     */
    default boolean relayed() {
        return true;
    }
}
