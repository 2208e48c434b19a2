package org.ngoplatform;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.BulkAccounts;
import org.ngoplatform.account.LoginThrottle;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.live.LiveUpdates;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionStatus;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.registration.SeatOfferService;
import org.ngoplatform.workshop.EntryDraft;
import org.ngoplatform.workshop.EntryType;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.OutcomeEntrySummary;
import org.ngoplatform.workshop.OutcomeService;
import org.ngoplatform.workshop.OutcomesChanged;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the application, each with its own Spring context, web server, scheduler and connection pool, on
 * one MariaDB database of their own ({@code <test database>_two}) with {@code ngo.cluster.enabled=true}: what one
 * instance commits reaches the other's screens live, the outbox sends every mail once, and a registration rush split
 * over both never overbooks, and sign-in failures counted on one slow the same guesser on the other.
 */
class TwoInstancesTest {

    private static final Logger log = LoggerFactory.getLogger(TwoInstancesTest.class);

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    /** Leaves the test sources' own configurations (the shared test context's) out of these two instances. */
    static final class NoTestConfigurations extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NoTestConfigurations;
        }

        @Override
        public int hashCode() {
            return NoTestConfigurations.class.hashCode();
        }
    }

    @BeforeAll
    static void startTwoInstances() throws Exception {
        String url = ownDatabase(TestDatabase.url(), "_two");
        long started = System.nanoTime();
        // one after the other: the first migrates the database, the second finds it migrated (as in a rolling update)
        a = start("a", url);
        CompletableFuture<ConfigurableApplicationContext> second = CompletableFuture.supplyAsync(() -> start("b", url));
        b = second.get(5, TimeUnit.MINUTES);
        log.info("Two instances started in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static ConfigurableApplicationContext start(String name, String url) {
        // both schedulers try to send every half second; ShedLock lets one at a time
        return startInstance(name, url, "--ngo.cluster.enabled=true", "--ngo.mail.send-interval=PT0.5S");
    }

    /**
     * One instance of the application in a context of its own (web server, scheduler, pool) on the given MariaDB
     * database, sending mail to the test JVM's mail server, without the test sources' configurations; settings are
     * added as command-line arguments ({@code --name=value}).
     */
    static ConfigurableApplicationContext startInstance(String name, String url, String... settings) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--spring.datasource.driver-class-name=org.mariadb.jdbc.Driver",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMail.port(),
                "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.application.name=ngo-platform-" + name));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET)
                .profiles("test")
                .initializers(context -> context.getBeanFactory().registerSingleton("noTestConfigurations", new NoTestConfigurations()))
                .run(args.toArray(String[]::new));
    }

    /** The test database's server and settings, a database of its own: the test database's name and {@code suffix}. */
    static String ownDatabase(String url, String suffix) {
        int slash = url.indexOf('/', "jdbc:mariadb://".length());
        int query = url.indexOf('?', slash);
        String database = query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
        String params = query < 0 ? "" : url.substring(query + 1);
        if (!params.contains("createDatabaseIfNotExist")) {
            params = params.isEmpty() ? "createDatabaseIfNotExist=true" : params + "&createDatabaseIfNotExist=true";
        }
        return url.substring(0, slash + 1) + database + suffix + "?" + params;
    }

    @AfterAll
    static void stop() {
        if (b != null) b.close();
        if (a != null) a.close();
    }

    @AfterEach
    void signOut() {
        for (ConfigurableApplicationContext c : List.of(a, b)) {
            strategy(c).clearContext();
        }
        SecurityContextHolder.clearContext();
    }

    // ---- live updates ----------------------------------------------------------------------------------------

    @Test
    void a_facilitator_on_each_instance_sees_the_entry_the_other_adds_live() {
        AccountPrincipal organiser = a.getBean(AccountFixtures.class).create(Role.ORGANISER);
        AccountPrincipal onA = a.getBean(AccountFixtures.class).create(Role.FACILITATOR);
        AccountPrincipal onB = b.getBean(AccountFixtures.class).create(Role.FACILITATOR);
        long groupId = as(organiser, () -> {
            WorkshopService workshops = a.getBean(WorkshopService.class);
            long edition = a.getBean(EditionService.class).past().stream().filter(e -> e.year() == 2013).findFirst().orElseThrow().id();
            GroupForm form = new GroupForm();
            form.setTitle("Two instances " + UUID.randomUUID().toString().substring(0, 8));
            WorkshopGroupSummary g = workshops.createGroup(edition, form);
            workshops.addFacilitator(g.id(), onA.accountId());
            workshops.addFacilitator(g.id(), onB.accountId());
            return g.id();
        });
        List<List<String>> seenOnA = new CopyOnWriteArrayList<>();
        List<List<String>> seenOnB = new CopyOnWriteArrayList<>();
        var followA = a.getBean(LiveUpdates.class).subscribe(OutcomesChanged.class, groupId, e -> seenOnA.add(texts(e)));
        var followB = b.getBean(LiveUpdates.class).subscribe(OutcomesChanged.class, groupId, e -> seenOnB.add(texts(e)));
        List<Long> millis = new ArrayList<>();
        try {
            // from the moment the change committed (add returned) until the other instance's subscriber had it
            for (int round = 1; round <= 3; round++) {
                String fromA = "Entered on A " + round;
                as(onA, () -> a.getBean(OutcomeService.class).add(groupId, new EntryDraft(EntryType.KEY_POINT, fromA, null, null)));
                long committed = System.nanoTime();
                await().atMost(10, TimeUnit.SECONDS).pollInterval(10, TimeUnit.MILLISECONDS)
                        .until(() -> seenOnB.stream().anyMatch(t -> t.contains(fromA)));
                millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - committed));

                String fromB = "Entered on B " + round;
                as(onB, () -> b.getBean(OutcomeService.class).add(groupId, new EntryDraft(EntryType.CHALLENGE, fromB, null, null)));
                committed = System.nanoTime();
                await().atMost(10, TimeUnit.SECONDS).pollInterval(10, TimeUnit.MILLISECONDS)
                        .until(() -> seenOnA.stream().anyMatch(t -> t.containsAll(List.of(fromA, fromB))));
                millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - committed));
            }
            log.info("Live entry on the other instance after (ms, A->B, B->A alternating): {}", millis);
            // each instance also delivered its own changes locally, as with one instance (B's last one may still be
            // held by the 200 ms coalescing behind the relayed one before it)
            assertThat(seenOnA.getFirst()).containsExactly("Entered on A 1");
            await().atMost(10, TimeUnit.SECONDS).until(() -> seenOnB.getLast().size() == 6);
            assertThat(seenOnB.getLast()).contains("Entered on A 3", "Entered on B 3");
        } finally {
            followA.remove();
            followB.remove();
        }
    }

    private static List<String> texts(OutcomesChanged e) {
        return e.outcomes().entries().stream().map(OutcomeEntrySummary::text).toList();
    }

    // ---- registration rush and the outbox --------------------------------------------------------------------

    @Test
    void a_registration_rush_split_over_both_instances_never_overbooks_and_each_mail_goes_out_once() throws Exception {
        AccountPrincipal organiser = a.getBean(AccountFixtures.class).create(Role.ORGANISER);
        EditionSummary edition = as(organiser, () -> {
            EditionService editions = b.getBean(EditionService.class);
            EditionSummary e = editions.create(EditionFixtures.form(10, LocalDateTime.now().minusDays(1), LocalDateTime.now().plusDays(30)));
            return editions.changeStatus(e.id(), EditionStatus.OPEN);
        });
        List<AccountPrincipal> people = BulkAccounts.participants(a, 40);

        ExecutorService pool = Executors.newFixedThreadPool(people.size() + 2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                AccountPrincipal person = people.get(i);
                RegistrationService registrations = (i % 2 == 0 ? a : b).getBean(RegistrationService.class);
                runs.add(pool.submit(() -> {
                    go.await();
                    return as(person, () -> registrations.register(edition.id(),
                            EditionFixtures.request("La Strada Ukraine", "Hotline counsellor")));
                }));
            }
            // the senders of both instances run directly as well, next to both schedulers, while mails are queued
            for (ConfigurableApplicationContext c : List.of(a, b)) {
                runs.add(pool.submit(() -> {
                    go.await();
                    for (int round = 0; round < 10; round++) {
                        c.getBean(MailOutbox.class).sendDue();
                        Thread.sleep(100);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("select count(*) from registration where edition_id = ? and status = 'CONFIRMED'",
                Integer.class, edition.id())).isEqualTo(10);
        assertThat(jdbc.queryForList("select waitlist_position from registration where edition_id = ? and status = 'WAITLISTED' "
                + "order by waitlist_position", Integer.class, edition.id()))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());

        for (AccountPrincipal person : people) {
            assertThat(TestMail.bodiesTo(person.getUsername(), 1)).as(person.getUsername()).hasSize(1);
        }
        // every run has returned and both schedulers had seconds more: a second copy would have arrived by now
        await().pollDelay(2, TimeUnit.SECONDS).atMost(5, TimeUnit.SECONDS).until(() -> true);
        for (AccountPrincipal person : people) {
            assertThat(TestMail.bodiesTo(person.getUsername(), 1)).as("mails to " + person.getUsername()).hasSize(1);
        }
        assertThat(jdbc.queryForList("select attempts from mail_outbox where recipient like ?", Integer.class,
                people.getFirst().getUsername().replaceAll("-\\d+@.*", "-%"))).hasSize(40).containsOnly(1);
    }

    // ---- waiting-list offers: the expiry job ---------------------------------------------------------------

    @Test
    void an_overdue_offer_expires_exactly_once_while_both_instances_run_the_expiry_job_at_once() throws Exception {
        AccountPrincipal organiser = a.getBean(AccountFixtures.class).create(Role.ORGANISER);
        EditionSummary edition = as(organiser, () -> {
            EditionService editions = a.getBean(EditionService.class);
            EditionSummary e = editions.create(EditionFixtures.form(1, LocalDateTime.now().minusDays(1), LocalDateTime.now().plusDays(30)));
            e = editions.changeStatus(e.id(), EditionStatus.OPEN);
            b.getBean(SeatOfferService.class).changeOfferWindow(e.id(), 48);
            return e;
        });
        List<AccountPrincipal> people = BulkAccounts.participants(a, 3);
        AccountPrincipal holder = people.get(0), late = people.get(1), next = people.get(2);
        for (AccountPrincipal p : people) {
            as(p, () -> a.getBean(RegistrationService.class).register(edition.id(), EditionFixtures.request("KOK", "Advisor")));
        }
        as(holder, () -> {
            RegistrationService registrations = b.getBean(RegistrationService.class);
            registrations.cancel(registrations.mineFor(edition.id()).orElseThrow().id());
            return null;
        });
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        jdbc.update("update registration_offer set expires_at = ? where edition_id = ? and account_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600)), edition.id(), late.accountId());

        // both instances' scheduled job (ShedLock's proxy), three callers each, at once, until the offer has expired
        // (a turn may be skipped because a scheduler of either instance holds the job's lock just then)
        List<Object> jobs = List.of(a.getBean("seatOfferExpirySchedule"), b.getBean("seatOfferExpirySchedule"));
        java.lang.reflect.Method run = org.springframework.aop.support.AopUtils.getTargetClass(jobs.getFirst()).getMethod("run");
        run.setAccessible(true);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            await().atMost(3, TimeUnit.MINUTES).pollInterval(1, TimeUnit.SECONDS).until(() -> {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> runs = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    Object job = jobs.get(i % 2);
                    runs.add(pool.submit(() -> {
                        go.await();
                        return run.invoke(job);
                    }));
                }
                go.countDown();
                for (Future<?> f : runs) {
                    f.get(1, TimeUnit.MINUTES);
                }
                return "EXPIRED".equals(jdbc.queryForObject("select status from registration_offer where edition_id = ? "
                        + "and account_id = ?", String.class, edition.id(), late.accountId()));
            });
        } finally {
            pool.shutdownNow();
        }

        assertThat(jdbc.queryForList("select status from registration_offer where edition_id = ? and account_id = ?",
                String.class, edition.id(), next.accountId())).as("the seat passed on once").containsExactly("OPEN");
        assertThat(jdbc.queryForObject("select count(*) from registration_offer where edition_id = ?", Integer.class, edition.id()))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = ? and subject like '%passed on%'",
                Integer.class, late.getUsername())).as("one mail about it").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from registration where edition_id = ? and status = 'CONFIRMED'",
                Integer.class, edition.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from base_job_lock where name = 'registration.offerExpiry'", Integer.class))
                .isEqualTo(1);
    }

    // ---- throttles -------------------------------------------------------------------------------------------

    @Test
    void sign_in_failures_counted_on_one_instance_slow_the_same_guesser_on_the_other() {
        String email = "t-guess-" + UUID.randomUUID().toString().substring(0, 8) + "@test.ngo-platform.local";
        String guesser = "198.51.100.23";
        for (int i = 0; i < 5; i++) {
            a.getBean(LoginThrottle.class).recordFailure(email, guesser);
        }

        assertThat(b.getBean(LoginThrottle.class).blockedFor(email, guesser)).isPositive();
        assertThat(b.getBean(LoginThrottle.class).blockedFor(email, "198.51.100.24")).as("the owner elsewhere is not slowed").isZero();
    }

    // ---- signing in on both ----------------------------------------------------------------------------------

    /**
     * Runs as {@code person} on this thread for either instance: each context has its own Vaadin-aware strategy
     * (a thread-local of its own), and the static holder holds whichever context started last.
     */
    private static <T> T as(AccountPrincipal person, Supplier<T> action) {
        var auth = UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities());
        for (ConfigurableApplicationContext c : List.of(a, b)) {
            var context = strategy(c).createEmptyContext();
            context.setAuthentication(auth);
            strategy(c).setContext(context);
        }
        try {
            return action.get();
        } finally {
            for (ConfigurableApplicationContext c : List.of(a, b)) {
                strategy(c).clearContext();
            }
        }
    }

    private static SecurityContextHolderStrategy strategy(ConfigurableApplicationContext c) {
        return c.getBeanProvider(SecurityContextHolderStrategy.class).getIfUnique(SecurityContextHolder::getContextHolderStrategy);
    }
}
