package org.ngoplatform.base.live;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Live updates across instances that share one database ({@code ngo.cluster.enabled=true}; off by default, when the
 * one instance delivers everything itself through {@link LiveUpdates} exactly as without a relay).
 * <p>
 * Outbound: every committed {@link LiveEvent} that is {@link LiveEvent#relayed() relayed} is queued here after commit
 * (the same hook that hands it to this instance's screens) and written by the relay's own thread, never the
 * publisher's, as JSON of its record type into {@code base_live_event} (V4). Per type and key the latest event of
 * each {@code flush-interval} is written, so a burst costs one row per topic and interval.
 * <p>
 * Inbound: the same thread reads the rows other instances wrote every {@code poll-interval} (250 ms), in id order
 * from a cursor, and calls {@link LiveUpdates#deliver} with each, so remote screens see a change within about half a
 * second plus the event's coalescing. An id can become visible after a higher one (two instances' inserts commit in
 * either order): the cursor stops below such a gap and reads again, and skips it only after {@code GAP_GRACE} (an
 * id lost to a rolled-back insert never arrives). A screen that missed an event (an instance restarting, the
 * database away) catches up with the next one, which carries the whole state or makes the screen re-read.
 * <p>
 * Rows older than {@code keep-events} (a minute) are deleted every minute by one instance (ShedLock). Why the
 * database and not a broker: it is already shared by every instance and needs nothing installed; a few small rows a
 * second for the network's scale (a few dozen facilitators, a few hundred respondents at once) cost it nothing.
 */
@Component
@ConditionalOnProperty(name = "ngo.cluster.enabled", havingValue = "true")
class LiveRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveRelay.class);
    /** How long the cursor waits below an id not yet visible before it gives it up. */
    static final Duration GAP_GRACE = Duration.ofSeconds(3);
    private static final int BATCH = 500;
    private static final int MAX_PAYLOAD_CHARS = 4_000_000;

    private record Topic(Class<?> type, Object key) {
    }

    /** One row of {@code base_live_event}. */
    record Row(long id, String origin, String type, String payload) {
    }

    private final JdbcTemplate jdbc;
    private final LiveUpdates live;
    private final Duration pollInterval;
    private final Duration flushInterval;
    private final Duration keepEvents;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    /** This instance, as written into every row it relays. */
    private final String origin = UUID.randomUUID().toString();

    private final Map<Topic, LiveEvent> outgoing = new ConcurrentHashMap<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private volatile long nextFlushAllowed = System.nanoTime();
    private volatile ScheduledExecutorService executor;

    // inbound state, touched only by the relay thread
    /** Every id up to the cursor has been handled. */
    private long cursor;
    /** Ids above the cursor already handled: there is a gap below them. */
    private final TreeSet<Long> handledAbove = new TreeSet<>();
    /** When the current gap was first seen (System.nanoTime), 0 when there is none. */
    private long gapSince;
    private long lastFailureLogged;

    LiveRelay(JdbcTemplate jdbc, LiveUpdates live,
              @Value("${ngo.cluster.poll-interval:PT0.25S}") Duration pollInterval,
              @Value("${ngo.cluster.flush-interval:PT0.1S}") Duration flushInterval,
              @Value("${ngo.cluster.keep-events:PT1M}") Duration keepEvents) {
        this.jdbc = jdbc;
        this.live = live;
        this.pollInterval = pollInterval;
        this.flushInterval = flushInterval;
        this.keepEvents = keepEvents;
    }

    // ---- outbound --------------------------------------------------------------------------------------------

    /** After commit (at once outside a transaction), like {@link LiveUpdates}: only queued here, written later. */
    @TransactionalEventListener(fallbackExecution = true)
    void committed(LiveEvent event) {
        if (!event.relayed()) {
            return;
        }
        outgoing.put(new Topic(event.getClass(), event.key()), event);
        ScheduledExecutorService ex = executor;
        if (ex != null && flushScheduled.compareAndSet(false, true)) {
            try {
                ex.schedule(this::flush, Math.max(0, nextFlushAllowed - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                flushScheduled.set(false);
            }
        }
    }

    private void flush() {
        flushScheduled.set(false);
        nextFlushAllowed = System.nanoTime() + flushInterval.toNanos();
        List<Object[]> rows = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (Topic topic : List.copyOf(outgoing.keySet())) {
            LiveEvent event = outgoing.remove(topic);
            if (event == null) {
                continue;
            }
            try {
                String payload = write(event);
                if (payload.length() > MAX_PAYLOAD_CHARS) {
                    log.warn("Live event {} too large to relay ({} chars)", event.getClass().getName(), payload.length());
                    continue;
                }
                rows.add(new Object[]{origin, event.getClass().getName(), payload, now});
            } catch (JacksonException e) {
                log.warn("Live event {} cannot be relayed: {}", event.getClass().getName(), e.getMessage());
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try {
            jdbc.batchUpdate("INSERT INTO base_live_event (origin, type, payload, created_at) VALUES (?, ?, ?, ?)", rows);
        } catch (RuntimeException e) {
            // the database is away: these screens miss this change and catch up with the next one
            failed("write", e);
        }
    }

    // ---- inbound ---------------------------------------------------------------------------------------------

    private void poll() {
        List<Row> rows;
        try {
            rows = jdbc.query("SELECT id, origin, type, payload FROM base_live_event WHERE id > ? ORDER BY id LIMIT " + BATCH,
                    (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), cursor);
        } catch (RuntimeException e) {
            failed("read", e);
            return;
        }
        handle(rows, System.nanoTime());
    }

    /** Delivers what other instances wrote and this one has not handled yet; moves the cursor. */
    void handle(List<Row> rows, long now) {
        for (Row row : rows) {
            if (row.id() > cursor && handledAbove.add(row.id()) && !origin.equals(row.origin())) {
                deliver(row);
            }
        }
        advance(now);
    }

    long cursor() {
        return cursor;
    }

    /** Moves the cursor over every contiguous handled id; over a gap only once it is older than the grace. */
    private void advance(long now) {
        while (!handledAbove.isEmpty() && handledAbove.first() == cursor + 1) {
            cursor = handledAbove.pollFirst();
        }
        if (handledAbove.isEmpty()) {
            gapSince = 0;
        } else if (gapSince == 0) {
            gapSince = now;
        } else if (now - gapSince >= GAP_GRACE.toNanos()) {
            cursor = handledAbove.first() - 1;
            gapSince = 0;
            advance(now);
        }
    }

    private void deliver(Row row) {
        try {
            LiveEvent event = read(row.type(), row.payload());
            if (event == null) {
                log.warn("Relayed row {} names {}, not a live event: skipped", row.id(), row.type());
                return;
            }
            live.deliver(event);
        } catch (ClassNotFoundException | JacksonException e) {
            // an instance of another version during a rolling update: its screens catch up with the next event
            log.info("Relayed live event {} ({}) not understood here: {}", row.id(), row.type(), e.getMessage());
        }
    }

    /** The JSON written for an event: its record's components. */
    String write(LiveEvent event) {
        return json.writeValueAsString(event);
    }

    /** The event a row holds; null when the type named is no live event (nothing else is ever instantiated). */
    LiveEvent read(String typeName, String payload) throws ClassNotFoundException {
        Class<?> type = Class.forName(typeName, false, LiveRelay.class.getClassLoader());
        if (!LiveEvent.class.isAssignableFrom(type)) {
            return null;
        }
        return (LiveEvent) json.readValue(payload, type);
    }

    private void failed(String what, RuntimeException e) {
        long now = System.nanoTime();
        if (now - lastFailureLogged > TimeUnit.MINUTES.toNanos(1)) {
            lastFailureLogged = now;
            log.warn("Live relay could not {} events: {}", what, e.getMessage());
        }
    }

    /** Relayed events are read within seconds; older rows go, on one instance each minute. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @SchedulerLock(name = "base.liveEventPurge", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
    void purge() {
        jdbc.update("DELETE FROM base_live_event WHERE created_at < ?", Timestamp.from(Instant.now().minus(keepEvents)));
    }

    // ---- lifecycle -------------------------------------------------------------------------------------------

    @Override
    public void start() {
        Long max = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM base_live_event", Long.class);
        cursor = max == null ? 0 : max;
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-relay");
            t.setDaemon(true);
            return t;
        });
        ex.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (RuntimeException e) {
                log.warn("Live relay poll failed", e);
            }
        }, pollInterval.toNanos(), pollInterval.toNanos(), TimeUnit.NANOSECONDS);
        executor = ex;
        log.info("Live updates relayed through the database (instance {}, from event {})", origin, cursor);
    }

    @Override
    public void stop() {
        ScheduledExecutorService ex = executor;
        executor = null;
        if (ex != null) {
            ex.shutdown();
            try {
                ex.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** This instance's id in the rows it writes. */
    String origin() {
        return origin;
    }
}
