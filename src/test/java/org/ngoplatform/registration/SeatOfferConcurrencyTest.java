package org.ngoplatform.registration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.BulkAccounts;
import org.ngoplatform.edition.EditionRejectedException;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.OutboxTestSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads at once on the real MariaDB, each doing what people and organisers do to an edition whose freed seats
 * are offered: confirmed people cancel, offer holders accept or decline, waiting people give up, organisers raise and
 * lower the capacity. A watcher reads seats held and capacity in one statement (one consistent snapshot) all along.
 * The edition's row lock must keep every rule: never more held than the capacity, offers only in waiting-list order
 * (nobody's turn skipped), everyone at most one offer, no free seat left while someone waits, positions unbroken.
 */
@IntegrationTest
class SeatOfferConcurrencyTest {

    private static final Logger log = LoggerFactory.getLogger(SeatOfferConcurrencyTest.class);
    private static final int CAPACITY = 15;
    private static final int PEOPLE = 60;
    /** Workers plus the watcher stay below the test pool's ten connections: more would only queue for a connection. */
    private static final int THREADS = 8;
    private static final int ACTIONS_PER_THREAD = 25;

    @Autowired RegistrationService registrations;
    @Autowired SeatOfferService offers;
    @Autowired SeatOfferFixtures fixtures;
    @Autowired EditionFixtures editions;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void concurrent_accepts_declines_cancellations_and_capacity_changes_never_overbook_and_skip_no_ones_turn() throws Exception {
        EditionSummary edition = fixtures.withOffers(CAPACITY, 48);
        List<AccountPrincipal> people = BulkAccounts.participants(context, PEOPLE);
        Map<Long, AccountPrincipal> byAccount = new HashMap<>();
        people.forEach(p -> byAccount.put(p.accountId(), p));
        // the rush itself is RegistrationConcurrencyTest's: here everyone registers, four at a time
        ExecutorService setup = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> registering = new ArrayList<>();
            for (AccountPrincipal p : people) {
                registering.add(setup.submit(() -> {
                    AccountFixtures.signIn(p);
                    try {
                        return registrations.register(edition.id(), EditionFixtures.request("La Strada Ukraine", "Hotline counsellor"));
                    } finally {
                        AccountFixtures.signOut();
                    }
                }));
            }
            for (Future<?> f : registering) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            setup.shutdownNow();
        }
        // the waiting order every offer must follow: registration id -> original position
        Map<Long, Integer> originalPosition = new HashMap<>();
        jdbc.query("select id, waitlist_position from registration where edition_id = ? and status = 'WAITLISTED'",
                rs -> { originalPosition.put(rs.getLong(1), rs.getInt(2)); }, edition.id());
        assertThat(originalPosition).hasSize(PEOPLE - CAPACITY);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong worstOverbooking = new AtomicLong(Long.MIN_VALUE);
        AtomicInteger snapshots = new AtomicInteger();
        Map<String, AtomicInteger> done = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try {
            Future<?> watcher = pool.submit(() -> {
                while (running.get()) {
                    Long over = jdbc.queryForObject("select (select count(*) from registration where edition_id = ? and status = 'CONFIRMED') "
                            + "+ (select count(*) from registration_offer where edition_id = ? and status = 'OPEN') "
                            + "- (select capacity from edition where id = ?)", Long.class, edition.id(), edition.id(), edition.id());
                    worstOverbooking.accumulateAndGet(over, Math::max);
                    snapshots.incrementAndGet();
                }
                return null;
            });
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(1000 + t);
                workers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < ACTIONS_PER_THREAD; i++) {
                        String action = act(edition.id(), random, byAccount);
                        if (action.startsWith("refused:")) {
                            refused.computeIfAbsent(action.substring(8), k -> new AtomicInteger()).incrementAndGet();
                        } else {
                            done.computeIfAbsent(action, k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> w : workers) {
                w.get(5, TimeUnit.MINUTES);
            }
            running.set(false);
            watcher.get(1, TimeUnit.MINUTES);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
        log.info("offers under load: {} threads x {} actions in {} ms; done {}, refused {}; {} snapshots, worst held - capacity {}",
                THREADS, ACTIONS_PER_THREAD, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), done, refused,
                snapshots.get(), worstOverbooking.get());

        assertThat(done.getOrDefault("accept", new AtomicInteger()).get()).as("some offers were accepted").isPositive();
        assertThat(done.getOrDefault("decline", new AtomicInteger()).get()).as("some offers were declined").isPositive();
        assertThat(worstOverbooking.get()).as("held seats never above capacity, in any snapshot").isLessThanOrEqualTo(0);

        int capacity = jdbc.queryForObject("select capacity from edition where id = ?", Integer.class, edition.id());
        long confirmed = count("select count(*) from registration where edition_id = ? and status = 'CONFIRMED'", edition.id());
        long open = count("select count(*) from registration_offer where edition_id = ? and status = 'OPEN'", edition.id());
        long waitingWithoutOffer = count("select count(*) from registration r where r.edition_id = ? and r.status = 'WAITLISTED' "
                + "and not exists (select 1 from registration_offer o where o.registration_id = r.id and o.status = 'OPEN')", edition.id());
        assertThat(confirmed + open).isLessThanOrEqualTo(capacity);
        assertThat(confirmed + open == capacity || waitingWithoutOffer == 0).as("no free seat while someone waits").isTrue();
        assertThat(count("select count(*) from (select registration_id from registration_offer where edition_id = ? "
                + "group by registration_id having count(*) > 1) twice", edition.id())).as("one offer per person").isZero();

        // offers in creation order (made under the edition's lock) went out in the original waiting order
        List<Map<String, Object>> made = jdbc.queryForList("select registration_id, offered_at, status from registration_offer "
                + "where edition_id = ? order by id", edition.id());
        List<Integer> order = made.stream().map(m -> originalPosition.get(((Number) m.get("registration_id")).longValue())).toList();
        assertThat(order).isSorted().doesNotHaveDuplicates();
        // whoever was passed over had left the waiting list before the later person's offer
        for (Map<String, Object> offer : made) {
            int position = originalPosition.get(((Number) offer.get("registration_id")).longValue());
            Timestamp offeredAt = (Timestamp) offer.get("offered_at");
            List<Map<String, Object>> passedOver = jdbc.queryForList("select r.id, r.status, r.cancelled_at from registration r "
                    + "where r.edition_id = ? and not exists (select 1 from registration_offer o where o.registration_id = r.id)",
                    edition.id());
            for (Map<String, Object> p : passedOver) {
                Integer theirs = originalPosition.get(((Number) p.get("id")).longValue());
                if (theirs != null && theirs < position) {
                    assertThat(p.get("status")).as("waiting person %s passed over by %s", theirs, position).isEqualTo("CANCELLED");
                    assertThat((Timestamp) p.get("cancelled_at")).isBeforeOrEqualTo(offeredAt);
                }
            }
            // the answers match the registrations
            String status = (String) offer.get("status");
            String registration = jdbc.queryForObject("select status from registration where id = ?", String.class, offer.get("registration_id"));
            switch (status) {
                case "OPEN" -> assertThat(registration).isEqualTo("WAITLISTED");
                case "DECLINED", "WITHDRAWN" -> assertThat(registration).isEqualTo("CANCELLED");
                case "ACCEPTED" -> assertThat(registration).isIn("CONFIRMED", "CANCELLED");
                default -> throw new AssertionError("unexpected offer status " + status);
            }
        }
        List<Integer> positions = jdbc.queryForList("select waitlist_position from registration where edition_id = ? "
                + "and status = 'WAITLISTED' order by waitlist_position", Integer.class, edition.id());
        assertThat(positions).containsExactlyElementsOf(IntStream.rangeClosed(1, positions.size()).boxed().toList());
        List<Integer> stillWaitingInOrder = jdbc.queryForList("select id from registration where edition_id = ? "
                + "and status = 'WAITLISTED' order by waitlist_position", Long.class, edition.id()).stream()
                .map(originalPosition::get).toList();
        assertThat(stillWaitingInOrder).as("the waiting list keeps its order").isSorted();

        // this run's mails are not what it tests: out of the queue (see RegistrationConcurrencyTest)
        for (AccountPrincipal person : people) {
            OutboxTestSupport.forgetQueued(jdbc, "select id from mail_outbox where recipient = ? and delivery = 'QUEUED'",
                    person.getUsername());
        }
    }

    /** One thing someone does, chosen at random from the edition's state as it is read now (it may change before). */
    private String act(long editionId, Random random, Map<Long, AccountPrincipal> byAccount) {
        int roll = random.nextInt(100);
        try {
            if (roll < 25) {
                return as(pick(random, "select account_id, id from registration where edition_id = ? and status = 'CONFIRMED'", editionId),
                        byAccount, id -> registrations.cancel(id), "cancel-confirmed");
            } else if (roll < 60) {
                return as(pick(random, "select account_id, id from registration_offer where edition_id = ? and status = 'OPEN'", editionId),
                        byAccount, id -> offers.accept(id), "accept");
            } else if (roll < 78) {
                return as(pick(random, "select account_id, id from registration_offer where edition_id = ? and status = 'OPEN'", editionId),
                        byAccount, id -> offers.decline(id), "decline");
            } else if (roll < 88) {
                return as(pick(random, "select account_id, id from registration where edition_id = ? and status = 'WAITLISTED'", editionId),
                        byAccount, id -> registrations.cancel(id), "cancel-waiting");
            } else {
                int capacity = jdbc.queryForObject("select capacity from edition where id = ?", Integer.class, editionId);
                int next = Math.max(1, capacity + (random.nextBoolean() ? 1 : -1));
                editions.changeCapacity(editionId, next);
                return next > capacity ? "capacity-up" : "capacity-down";
            }
        } catch (RegistrationRejectedException | AccessDeniedException | EditionRejectedException
                 | ObjectOptimisticLockingFailureException expected) {
            // someone else got there first (answered, cancelled, changed the edition): the service said no
            return "refused:" + expected.getClass().getSimpleName();
        }
    }

    private long[] pick(Random random, String sql, long editionId) {
        List<long[]> rows = jdbc.query(sql, (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}, editionId);
        return rows.isEmpty() ? null : rows.get(random.nextInt(rows.size()));
    }

    private interface Call {
        void run(long id);
    }

    private static String as(long[] row, Map<Long, AccountPrincipal> byAccount, Call call, String name) {
        if (row == null) {
            return "refused:nothing-to-" + name;
        }
        AccountFixtures.signIn(byAccount.get(row[0]));
        try {
            call.run(row[1]);
            return name;
        } finally {
            AccountFixtures.signOut();
        }
    }

    private long count(String sql, long editionId) {
        return jdbc.queryForObject(sql, Long.class, editionId);
    }
}
