package org.ngoplatform.survey.results;

import org.ngoplatform.Application;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.respond.ResponseFilter;
import org.ngoplatform.survey.respond.ResponseStore;
import org.ngoplatform.survey.respond.SurveyRespondentService;
import org.ngoplatform.survey.results.SurveyResultsService.SurveyResults;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * One refresh of the results view (results, and for each free-text question its count and first page of ten) and
 * one {@code results} call (what the workbook's Summary sheet is written from), old way against new, interleaved,
 * on a copy of the seeded 18-question compensation survey at 1k / 10k / 100k / 1M responses, unfiltered and
 * filtered by one answer. The old way is {@link LegacyResults} (the code before V23: a pass over every response per
 * call); the new way is the app's {@link SurveyResultsService} (running counts). Wall time, CPU time of the calling
 * thread (MariaDB's own work is not in it), bytes allocated by the calling thread, peak heap used. Recorded in
 * docs/performance.md, never asserted. Run:
 * <pre>
 * mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.ngoplatform.survey.results.SurveyResultsBenchmark \
 *     [-Dbench.sizes=1000,10000,100000,1000000] [-Dbench.oldUpTo=100000] [-Dbench.runs=3]
 * </pre>
 * Uses the database in {@code NGO_BENCH_DB_URL} (default {@code ngo_bench_results} on 127.0.0.1:3306, root, no
 * password); MariaDB only (the copies are made with MariaDB's {@code RAND()}).
 * <p>
 * Data: 1,000 responses with random valid answers go through the real submit path (which keeps the running counts);
 * then SQL {@code INSERT … SELECT} copies them whole, 1,000 at a time (new ids, new random sort keys), and the
 * running counts are multiplied by the number of blocks, which is exactly what counting the copies would give.
 */
public final class SurveyResultsBenchmark {

    private static final int TEMPLATES = 1000;

    public static void main(String[] args) throws Exception {
        String url = System.getenv().getOrDefault("NGO_BENCH_DB_URL",
                "jdbc:mariadb://127.0.0.1:3306/ngo_bench_results?createDatabaseIfNotExist=true");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=root", "--spring.datasource.password=",
                        "--spring.datasource.driver-class-name=org.mariadb.jdbc.Driver",
                        "--spring.datasource.hikari.maximum-pool-size=10",
                        // copying up to 360,000 answer rows in one statement outlasts the app's 10 s read bound
                        "--spring.datasource.hikari.data-source-properties.socketTimeout=900000",
                        "--server.port=0", "--ngo.mail.send-interval=PT1H", "--logging.level.root=WARN")) {
            new SurveyResultsBenchmark().run(context);
        }
        System.exit(0);
    }

    private SurveyBuilderService builder;
    private SurveyRespondentService respondent;
    private SurveyResultsService results;
    private ResponseStore store;
    private JdbcClient jdbc;
    private AccountFixtures accounts;

    private void run(ConfigurableApplicationContext context) throws Exception {
        builder = context.getBean(SurveyBuilderService.class);
        respondent = context.getBean(SurveyRespondentService.class);
        results = context.getBean(SurveyResultsService.class);
        store = context.getBean(ResponseStore.class);
        jdbc = context.getBean(JdbcClient.class);
        accounts = context.getBean(AccountFixtures.class);
        List<Integer> sizes = List.of(System.getProperty("bench.sizes", "1000,10000,100000,1000000").split(",")).stream()
                .map(String::strip).map(Integer::parseInt).toList();
        int oldUpTo = Integer.parseInt(System.getProperty("bench.oldUpTo", "100000"));
        int runs = Integer.parseInt(System.getProperty("bench.runs", "3"));
        int oldRefreshUpTo = Integer.parseInt(System.getProperty("bench.oldRefreshUpTo", String.valueOf(oldUpTo)));
        boolean twinSubmits = Boolean.parseBoolean(System.getProperty("bench.twin", "true"));
        System.out.printf("cores=%d, java=%s, maxHeap=%d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);

        accounts.signIn(Role.ANALYST);
        long seed = jdbc.sql("SELECT id FROM survey WHERE public_key = 'compensation-professionals-2026'").query(Long.class).single();
        long id = builder.duplicate(seed, "Results benchmark " + System.currentTimeMillis());
        builder.changeStatus(id, SurveyStatus.OPEN);
        String key = builder.find(id).orElseThrow().publicKey();
        SurveyStructure s = store.structure(id);
        results.results(id, null); // counts complete from the start
        AccountFixtures.signOut();

        // a twin without complete counts (never read) takes the submit path as it was before V23 (plus one COUNT);
        // submits alternate between the two, timed on this thread
        accounts.signIn(Role.ANALYST);
        long twin = builder.duplicate(seed, "Results benchmark twin " + System.currentTimeMillis());
        builder.changeStatus(twin, SurveyStatus.OPEN);
        String twinKey = builder.find(twin).orElseThrow().publicKey();
        AccountFixtures.signOut();
        Random random = new Random(2026);
        Random twinRandom = new Random(2026);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] wall = new long[2], cpu = new long[2];
        for (int i = 0; i < TEMPLATES; i++) {
            long w = System.nanoTime(), c = threads.getCurrentThreadCpuTime();
            respondent.submit(key, respondent.newSubmissionToken(), RandomAnswers.of(s, random), null);
            wall[0] += System.nanoTime() - w;
            cpu[0] += threads.getCurrentThreadCpuTime() - c;
            if (!twinSubmits) continue;
            w = System.nanoTime();
            c = threads.getCurrentThreadCpuTime();
            respondent.submit(twinKey, respondent.newSubmissionToken(), RandomAnswers.of(s, twinRandom), null);
            wall[1] += System.nanoTime() - w;
            cpu[1] += threads.getCurrentThreadCpuTime() - c;
        }
        System.out.printf(Locale.ROOT, "submit, mean of %d interleaved pairs: with running counts %.1f ms wall / %.1f ms CPU; "
                        + "without (as before V23) %.1f ms wall / %.1f ms CPU; load %s%n", TEMPLATES,
                wall[0] / 1e6 / TEMPLATES, cpu[0] / 1e6 / TEMPLATES, wall[1] / 1e6 / TEMPLATES, cpu[1] / 1e6 / TEMPLATES, load());
        long counts = jdbc.sql("SELECT COUNT(*) FROM survey_result_count WHERE survey_id = ?").param(id).query(Long.class).single();
        System.out.printf("running-count rows of the survey: %d%n", counts);

        accounts.signIn(Role.ANALYST);
        QuestionDef filterQuestion = s.questions().stream().filter(q -> q.type() == QuestionType.SINGLE_CHOICE).findFirst().orElseThrow();
        ResponseFilter filter = new ResponseFilter(filterQuestion.code(), filterQuestion.choices().getFirst().code());
        List<String> texts = s.questions().stream().filter(q -> q.type().isText()).map(QuestionDef::code).toList();
        System.out.printf("filter %s = %s; free-text questions %s%n", filter.questionCode(), filter.optionCode(), texts);

        long min = jdbc.sql("SELECT MIN(id) FROM survey_response WHERE survey_id = ?").param(id).query(Long.class).single();
        long max = jdbc.sql("SELECT MAX(id) FROM survey_response WHERE survey_id = ?").param(id).query(Long.class).single();
        long span = max - min + 1;
        long origin = jdbc.sql("SELECT MAX(id) FROM survey_response").query(Long.class).single() + 1 - min;
        int blocks = 1;
        List<String> table = new ArrayList<>();
        table.add("| responses | filter | what | way | wall s | CPU s | allocated MB | peak heap MB | runs (wall s) |");
        table.add("|---:|---|---|---|---:|---:|---:|---:|---|");
        for (int n : sizes) {
            int wanted = n / TEMPLATES;
            long g0 = System.nanoTime();
            while (blocks < wanted) {
                int copy = Math.min(blocks, wanted - blocks);
                copyBlocks(id, min, span, origin, blocks, copy);
                jdbc.sql("UPDATE survey_result_count SET response_count = response_count DIV ? * ? WHERE survey_id = ?")
                        .params(blocks, blocks + copy, id).update();
                blocks += copy;
            }
            long total = jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?").param(id).query(Long.class).single();
            System.out.printf("%n== %d responses (generated in %.1f s), load: %s%n", total, (System.nanoTime() - g0) / 1e9, load());
            if (n <= 10_000) {
                SurveyResults a = results.results(id, filter);
                SurveyResults b = LegacyResults.aggregate(s, filter, pages -> store.forEachResponsePage(id, filter, 500, pages));
                System.out.println("new equals old (filtered): " + a.equals(b));
            }
            for (ResponseFilter f : new ResponseFilter[] {null, filter}) {
                String fname = f == null ? "none" : "one answer";
                boolean old = n <= oldUpTo;
                int oldRuns = n >= 100_000 ? 1 : runs;
                List<Measure> newRefresh = new ArrayList<>(), oldRefresh = new ArrayList<>();
                List<Measure> newCall = new ArrayList<>(), oldCall = new ArrayList<>();
                measure(() -> refreshNew(id, f, texts)); // warm-up
                for (int r = 0; r < runs; r++) {
                    newRefresh.add(measure(() -> refreshNew(id, f, texts)));
                    if (old && n <= oldRefreshUpTo && r < oldRuns) oldRefresh.add(measure(() -> refreshOld(id, s, f, texts)));
                    newCall.add(measure(() -> results.results(id, f)));
                    if (old && r < oldRuns) oldCall.add(measure(() -> LegacyResults.aggregate(s, f, pages -> store.forEachResponsePage(id, f, 500, pages))));
                }
                row(table, total, fname, "view refresh", "new (counts)", newRefresh);
                if (old) row(table, total, fname, "view refresh", "old (pass)", oldRefresh);
                row(table, total, fname, "results (Summary)", "new (counts)", newCall);
                if (old) row(table, total, fname, "results (Summary)", "old (pass)", oldCall);
                // the other route's floor: one GROUP BY over the stored answers on the existing indexes, without the
                // answered/missing/not-shown states (those need each response's conditions) and without free texts
                List<Measure> groupBy = new ArrayList<>();
                for (int r = 0; r < runs; r++) groupBy.add(measure(() -> groupBy(s, f)));
                row(table, total, fname, "GROUP BY floor (one query)", "route not taken", groupBy);
            }
            System.out.println("load after: " + load());
        }
        System.out.println();
        table.forEach(System.out::println);
        AccountFixtures.signOut();
    }

    /** What the results view does on one refresh now. */
    private Object refreshNew(long id, ResponseFilter f, List<String> texts) {
        SurveyResults r = results.results(id, f);
        for (String code : texts) {
            results.countTextAnswers(id, code, f);
            results.textAnswers(id, code, f, 0, 10);
        }
        return r;
    }

    /** What the results view did on one refresh before V23: five passes on the seeded survey. */
    private Object refreshOld(long id, SurveyStructure s, ResponseFilter f, List<String> texts) {
        SurveyResults r = LegacyResults.aggregate(s, f, pages -> store.forEachResponsePage(id, f, 500, pages));
        for (String code : texts) {
            LegacyResults.countTextAnswers(store, id, code, f);
            LegacyResults.textAnswers(store, id, code, f, 0, 10);
        }
        return r;
    }

    private Object groupBy(SurveyStructure s, ResponseFilter f) {
        String ids = String.join(",", s.questions().stream().map(q -> String.valueOf(q.id())).toList());
        String filter = "";
        List<Object> params = new ArrayList<>();
        if (f != null) {
            long fq = s.question(f.questionCode()).orElseThrow().id();
            filter = " AND response_id IN (SELECT response_id FROM survey_answer WHERE question_id = ? AND option_code = ?)";
            params.add(fq);
            params.add(f.optionCode());
        }
        return jdbc.sql("SELECT question_id, option_code, number_value, COUNT(*) FROM survey_answer WHERE question_id IN ("
                + ids + ")" + filter + " GROUP BY question_id, option_code, number_value").params(params)
                .query((rs, n) -> rs.getLong(4)).list();
    }

    /**
     * Makes copies number {@code from} to {@code from + copy - 1} of the templates (ids {@code min..min+span-1} of this
     * survey; copy k gets ids {@code id + origin + (k-1)·span}, past every id in the table), 20 copies a statement.
     */
    private void copyBlocks(long surveyId, long min, long span, long origin, int from, int copy) {
        long max = min + span - 1;
        for (int b = 0; b < copy; b += 20) {
            int count = Math.min(20, copy - b);
            List<Object> offsets = new ArrayList<>();
            for (int k = from + b; k < from + b + count; k++) offsets.add(origin + (long) (k - 1) * span);
            String copies = String.join(" UNION ALL ", java.util.Collections.nCopies(count, "SELECT ? AS off"));
            List<Object> params = new ArrayList<>(offsets);
            params.addAll(List.of(surveyId, min, max));
            jdbc.sql("INSERT INTO survey_response (id, survey_id, version_id, submitted_week, sort_key) "
                            + "SELECT r.id + o.off, r.survey_id, r.version_id, r.submitted_week, FLOOR(RAND() * 9000000000000000000) "
                            + "FROM survey_response r JOIN (" + copies + ") o WHERE r.survey_id = ? AND r.id BETWEEN ? AND ?")
                    .params(params).update();
            jdbc.sql("INSERT INTO survey_answer (response_id, question_id, option_code, text_value, number_value, date_value) "
                            + "SELECT a.response_id + o.off, a.question_id, a.option_code, a.text_value, a.number_value, a.date_value "
                            + "FROM survey_answer a JOIN survey_response r ON r.id = a.response_id JOIN (" + copies + ") o "
                            + "WHERE r.survey_id = ? AND r.id BETWEEN ? AND ?")
                    .params(params).update();
        }
    }

    private record Measure(double wall, double cpu, double allocatedMb, double peakHeapMb) {
    }

    private static Measure measure(Supplier<Object> work) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long tid = Thread.currentThread().threadId();
        long a0 = threads.getThreadAllocatedBytes(tid);
        long c0 = threads.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        work.get();
        long w1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        long a1 = threads.getThreadAllocatedBytes(tid);
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measure((w1 - w0) / 1e9, (c1 - c0) / 1e9, (a1 - a0) / 1e6, peak / 1e6);
    }

    private static void row(List<String> table, long n, String filter, String what, String way, List<Measure> ms) {
        if (ms.isEmpty()) return;
        double[] wall = ms.stream().mapToDouble(Measure::wall).sorted().toArray();
        Measure med = ms.stream().sorted(java.util.Comparator.comparingDouble(Measure::wall)).toList().get(ms.size() / 2);
        String raw = String.join(", ", java.util.Arrays.stream(wall).mapToObj(w -> String.format(Locale.ROOT, "%.3f", w)).toList());
        String line = String.format(Locale.ROOT, "| %,d | %s | %s | %s | %.3f | %.3f | %.1f | %.0f | %s |",
                n, filter, what, way, med.wall(), med.cpu(), med.allocatedMb(), med.peakHeapMb(), raw);
        System.out.println(line);
        table.add(line);
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
