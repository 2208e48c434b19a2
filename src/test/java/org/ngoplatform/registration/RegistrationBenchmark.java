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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Registrations per second with 1, 8 and 64 concurrent clients against a local MariaDB, and the time to export
 * 5,000 registrations to Excel. Recorded in docs/performance.md, never asserted. Run (see docs/performance.md):
 * <pre>
 * mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.ngoplatform.registration.RegistrationBenchmark
 * </pre>
 * Uses the database in {@code NGO_BENCH_DB_URL} (default {@code ngo_bench} on 127.0.0.1:3306, root, no password).
 */
public final class RegistrationBenchmark {

    public static void main(String[] args) throws Exception {
        String url = System.getenv().getOrDefault("NGO_BENCH_DB_URL",
                "jdbc:mariadb://127.0.0.1:3306/ngo_bench?createDatabaseIfNotExist=true");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=root", "--spring.datasource.password=",
                        "--spring.datasource.driver-class-name=org.mariadb.jdbc.Driver",
                        "--spring.datasource.hikari.maximum-pool-size=20",
                        "--server.port=0", "--ngo.mail.send-interval=PT1H", "--logging.level.root=WARN")) {
            new RegistrationBenchmark().run(context);
        }
        System.exit(0);
    }

    private void run(ConfigurableApplicationContext context) throws Exception {
        RegistrationService registrations = context.getBean(RegistrationService.class);
        ParticipantExportService participantExport = context.getBean(ParticipantExportService.class);
        EditionFixtures editions = context.getBean(EditionFixtures.class);
        AccountFixtures accounts = context.getBean(AccountFixtures.class);
        System.out.printf("cores=%d, java=%s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        // warm-up: JIT, connection pool
        registerAll(registrations, editions.open(100).id(), BulkAccounts.participants(context, 300), 8);

        for (int clients : new int[] {1, 8, 64}) {
            double[] rates = new double[3];
            for (int run = 0; run < 3; run++) {
                int n = clients == 1 ? 300 : 1000;
                // capacity half of the attempts: both confirmation and waiting-list paths are measured
                EditionSummary edition = editions.open(n / 2);
                List<AccountPrincipal> people = BulkAccounts.participants(context, n);
                long t0 = System.nanoTime();
                registerAll(registrations, edition.id(), people, clients);
                double seconds = (System.nanoTime() - t0) / 1e9;
                rates[run] = n / seconds;
                SeatCount seats = registrations.seats(edition.id());
                if (seats.confirmed() != n / 2 || seats.waitlisted() != n - n / 2) {
                    throw new IllegalStateException("wrong seat count " + seats);
                }
            }
            Arrays.sort(rates);
            System.out.printf("clients=%d registrations/s median=%.0f (runs %.0f, %.0f, %.0f)%n",
                    clients, rates[1], rates[0], rates[1], rates[2]);
        }

        EditionSummary big = editions.open(4000);
        registerAll(registrations, big.id(), BulkAccounts.participants(context, 5000), 16);
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

    private static void registerAll(RegistrationService registrations, long editionId, List<AccountPrincipal> people,
                                    int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = c;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < people.size(); i += clients) {
                        AccountFixtures.signIn(people.get(i));
                        registrations.register(editionId, EditionFixtures.request("La Strada Poland", "Social worker"));
                    }
                    AccountFixtures.signOut();
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdown();
        }
    }
}
