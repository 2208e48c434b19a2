package org.ngoplatform.base.live;

import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one live-update mechanism: open screens subscribe to a type of {@link LiveEvent} for one key, modules publish
 * events as ordinary Spring application events in the transaction of the change.
 *
 * <ul>
 *   <li>Delivered only after the publishing transaction committed (never for a rolled-back one), or at once when it
 *       was published outside a transaction (export progress from a background job, presence).</li>
 *   <li>Never on the publishing thread: a small pool of {@code live-} threads calls the subscribers, so the person
 *       who caused the change never waits for anyone else's screen.</li>
 *   <li>Coalesced per type and key: at most one delivery per {@link LiveEvent#coalescing()}, the latest event wins;
 *       deliveries of one type and key run one after the other, in order.</li>
 * </ul>
 *
 * A subscriber on a screen hands over to its UI itself; {@code base.ui.LiveSubscription} does that and subscribes on
 * attach, unsubscribes on detach.
 *
 * <p>{@link #deliver(LiveEvent)} is the one way into the delivery side: with several instances on one database
 * {@link LiveRelay} forwards what commits here to the other instances and calls {@code deliver} with what arrives
 * from them.
 */
@Component
public class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private record Topic(Class<?> type, Object key) {
    }

    private final ConcurrentHashMap<Topic, Channel> channels = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor executor;

    public LiveUpdates() {
        AtomicInteger threadNo = new AtomicInteger();
        executor = new ScheduledThreadPoolExecutor(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "live-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /**
     * Calls {@code subscriber} (on a {@code live-} thread) with every event of {@code type} about {@code key}
     * committed from now on, until the returned registration is removed.
     */
    public <E extends LiveEvent> Registration subscribe(Class<E> type, Object key, Consumer<? super E> subscriber) {
        Topic topic = new Topic(type, key);
        Consumer<LiveEvent> s = event -> subscriber.accept(type.cast(event));
        channels.compute(topic, (t, channel) -> {
            Channel c = channel == null ? new Channel() : channel;
            c.subscribers.add(s);
            return c;
        });
        return () -> channels.computeIfPresent(topic, (t, c) -> {
            c.subscribers.remove(s);
            return c.subscribers.isEmpty() ? null : c;
        });
    }

    /** How many subscribers follow {@code type} for {@code key} on this instance. */
    public int subscriberCount(Class<? extends LiveEvent> type, Object key) {
        Channel c = channels.get(new Topic(type, key));
        return c == null ? 0 : c.subscribers.size();
    }

    /** Every event published in a transaction arrives here after commit; outside a transaction at once. */
    @TransactionalEventListener(fallbackExecution = true)
    void committed(LiveEvent event) {
        deliver(event);
    }

    /** Hands a committed event to the subscribers on this instance (later, on a {@code live-} thread). */
    public void deliver(LiveEvent event) {
        Channel c = channels.get(new Topic(event.getClass(), event.key()));
        if (c != null) {
            c.offer(event);
        }
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }

    /** The subscribers of one type and key, and the one event waiting for them. */
    private final class Channel {
        final Set<Consumer<LiveEvent>> subscribers = new CopyOnWriteArraySet<>();
        private LiveEvent pending;      // guarded by this
        private boolean scheduled;      // guarded by this: a run is scheduled or running
        private volatile long nextAllowed = System.nanoTime();

        synchronized void offer(LiveEvent event) {
            pending = event;
            if (!scheduled) {
                scheduled = true;
                schedule();
            }
        }

        private void schedule() {
            try {
                executor.schedule(this::run, Math.max(0, nextAllowed - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                scheduled = false;
            }
        }

        private void run() {
            LiveEvent event;
            synchronized (this) {
                event = pending;
                pending = null;
            }
            if (event != null) {
                nextAllowed = System.nanoTime() + event.coalescing().toNanos();
                for (Consumer<LiveEvent> subscriber : subscribers) {
                    try {
                        subscriber.accept(event);
                    } catch (RuntimeException e) {
                        // one broken subscriber (a closed tab) must not stop the others
                        log.debug("Live subscriber failed on {}", event, e);
                    }
                }
            }
            synchronized (this) {
                if (pending == null) {
                    scheduled = false;
                } else {
                    schedule();
                }
            }
        }
    }
}
