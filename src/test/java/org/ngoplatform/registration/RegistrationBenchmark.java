package org.ngoplatform.registration;

import org.ngoplatform.Application;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.BulkAccounts;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportState;
import org.ngoplatform.export.ExportStatus;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registrations per second with 1, 8 and 64 concurrent clients against a local MariaDB, interleaved with
 * {@link RegistrationJdbcPeer} (plain JDBC, same transaction shape and statements) so that both see the same machine
 * load; optionally the time to export 5,000 registrations to Excel. Recorded in docs/performance.md, never asserted.
 * Run (see docs/performance.md):
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     org.ngoplatform.registration.RegistrationBenchmark
 * </pre>
 * Uses the database in {@code NGO_BENCH_DB_URL} (default {@code ngo_bench} on 127.0.0.1:3306, root, no password).
 * System properties: {@code bench.clients} (default {@code 1,8,64}), {@code bench.pairs} (app/peer pairs per client
 * count, default 3; the order alternates pair by pair), {@code bench.warm-up} (rounds of 1,000 registrations of
 * each before measuring, default 3), {@code bench.export=true} adds the export timing.
 */
public final class RegistrationBenchmark {

    private static final String ORGANISATION = "La Strada Poland";
    private static final String JOB = "Social worker";

    public static void main(String[] args) throws Exception {
        String url = System.getenv().getOrDefault("NGO_BENCH_DB_URL",
                "jdbc:mariadb://127.0.0.1:3306/ngo_bench?createDatabaseIfNotExist=true");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=root", "--spring.datasource.password=",
                        "--spring.datasource.driver-class-name=org.mariadb.jdbc.Driver",
                        "--spring.datasource.hikari.maximum-pool-size=20",
                        "--server.port=0", "--ngo.mail.send-interval=PT1H", "--logging.level.root=WARN");
             HikariDataSource peerPool = peerPool(url)) {
            new RegistrationBenchmark().run(context, new RegistrationJdbcPeer(peerPool));
        }
        System.exit(0);
    }

    /** The peer's own pool, configured as the application's (Spring Boot's Hikari defaults, 20 connections). */
    private static HikariDataSource peerPool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("root");
        config.setPassword("");
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }

    private void run(ConfigurableApplicationContext context, RegistrationJdbcPeer peer) throws Exception {
        RegistrationService registrations = context.getBean(RegistrationService.class);
        EditionFixtures editions = context.getBean(EditionFixtures.class);
        System.out.printf("cores=%d, java=%s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        int[] clientCounts = Arrays.stream(System.getProperty("bench.clients", "1,8,64").split(","))
                .mapToInt(c -> Integer.parseInt(c.strip())).toArray();
        int pairs = Integer.getInteger("bench.pairs", 3);

        // warm-up of both (JIT, connection pools): on the loaded 2-core machine the JIT needed about 3,000
        // registrations before the application's CPU time per registration stopped falling
        int warmUp = Integer.getInteger("bench.warm-up", 3);
        for (int i = 0; i < warmUp; i++) {
            timed(context, editions, 1000, 8, (edition, p) -> app(registrations, edition, p));
            timed(context, editions, 1000, 8, peer(peer));
        }

        for (int clients : clientCounts) {
            int n = clients == 1 ? 300 : 1000;
            double[] app = new double[pairs];
            double[] jdbc = new double[pairs];
            double[] ratios = new double[pairs];
            for (int pair = 0; pair < pairs; pair++) {
                if (pair % 2 == 0) {
                    app[pair] = timed(context, editions, n, clients, (edition, p) -> app(registrations, edition, p));
                    jdbc[pair] = timed(context, editions, n, clients, peer(peer));
                } else {
                    jdbc[pair] = timed(context, editions, n, clients, peer(peer));
                    app[pair] = timed(context, editions, n, clients, (edition, p) -> app(registrations, edition, p));
                }
                ratios[pair] = app[pair] / jdbc[pair];
                System.out.printf("clients=%d pair=%d app=%.0f/s jdbc=%.0f/s ratio=%.2f%n", clients, pair + 1,
                        app[pair], jdbc[pair], ratios[pair]);
            }
            System.out.printf("clients=%d registrations=%d app median=%.0f/s jdbc median=%.0f/s ratio median=%.2f (ratios %s)%n",
                    clients, n, median(app), median(jdbc), median(ratios), Arrays.toString(
                            Arrays.stream(ratios).map(r -> Math.round(r * 100) / 100.0).toArray()));
        }

        if (Boolean.getBoolean("bench.export")) {
            export(context, registrations, editions);
        }
    }

    /** One registration; the threads of a run are named after it ("app-3", "jdbc-3") for profiles. */
    interface Registrar {
        void register(long editionId, AccountPrincipal person) throws Exception;

        default String name() {
            return "app";
        }
    }

    private static void app(RegistrationService registrations, long editionId, AccountPrincipal person) {
        AccountFixtures.signIn(person);
        try {
            registrations.register(editionId, EditionFixtures.request(ORGANISATION, JOB));
        } finally {
            AccountFixtures.signOut();
        }
    }

    private static void peer(RegistrationJdbcPeer peer, long editionId, AccountPrincipal person) throws Exception {
        peer.register(editionId, person.accountId(), ORGANISATION, JOB);
    }

    private static Registrar peer(RegistrationJdbcPeer peer) {
        return new Registrar() {
            @Override
            public void register(long editionId, AccountPrincipal person) throws Exception {
                peer(peer, editionId, person);
            }

            @Override
            public String name() {
                return "jdbc";
            }
        };
    }

    /**
     * Registrations per second of {@code n} people for a new edition with seats for half of them (both the
     * confirmation and the waiting-list path are measured); checks the seat counts afterwards.
     */
    private static double timed(ConfigurableApplicationContext context, EditionFixtures editions, int n, int clients,
                                Registrar registrar) throws Exception {
        EditionSummary edition = editions.open(n / 2);
        List<AccountPrincipal> people = BulkAccounts.participants(context, n);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        registerAll(edition.id(), people, clients, registrar);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuPerRegistration = (os.getProcessCpuTime() - cpu0) / 1e6 / n;
        System.out.printf("  %s clients=%d %.0f/s, this JVM's CPU %.2f ms per registration, load %.1f%n", registrar.name(),
                clients, n / seconds, cpuPerRegistration, os.getSystemLoadAverage());
        SeatCount seats = context.getBean(RegistrationService.class).seats(edition.id());
        if (seats.confirmed() != n / 2 || seats.waitlisted() != n - n / 2) {
            throw new IllegalStateException("wrong seat count " + seats);
        }
        return n / seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static void export(ConfigurableApplicationContext context, RegistrationService registrations,
                               EditionFixtures editions) throws Exception {
        ParticipantExportService participantExport = context.getBean(ParticipantExportService.class);
        AccountFixtures accounts = context.getBean(AccountFixtures.class);
        EditionSummary big = editions.open(4000);
        registerAll(big.id(), BulkAccounts.participants(context, 5000), 16, (edition, p) -> app(registrations, edition, p));
        AccountFixtures.signIn(accounts.create(Role.ORGANISER));
        double[] times = new double[4];
        long bytes = 0;
        ExportService exports = context.getBean(ExportService.class);
        for (int run = 0; run < times.length; run++) {
            Runtime.getRuntime().gc();
            long t0 = System.nanoTime();
            ExportStatus status = participantExport.exportParticipants(big.id(), run % 2 == 1);
            while (!status.state().isFinal()) {
                Thread.sleep(2);
                status = exports.status(status.jobId());
            }
            times[run] = (System.nanoTime() - t0) / 1e6;
            if (status.state() != ExportState.DONE) throw new IllegalStateException("export " + status.state());
            bytes = status.fileSize();
        }
        System.out.printf("export 5000 registrations: ms=%s, last file %d KB, heap used now %d MB%n",
                Arrays.toString(Arrays.stream(times).mapToLong(Math::round).toArray()), bytes / 1024,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
        AccountFixtures.signOut();
    }

    private static void registerAll(long editionId, List<AccountPrincipal> people, int clients, Registrar registrar)
            throws Exception {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients,
                task -> new Thread(task, registrar.name() + "-" + threads.incrementAndGet()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = c;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < people.size(); i += clients) {
                        registrar.register(editionId, people.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdown();
        }
    }
}
