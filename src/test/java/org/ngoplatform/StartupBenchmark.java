package org.ngoplatform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up against a floor (issue 15 §5), recorded in docs/performance.md, never asserted. Run with
 * <pre>
 * mvn -B -o package -Dmaven.test.skip=true && (cd bench/jpa-floor && mvn -B -o -q -DskipTests package)
 * mvn -B -o -q test -Dtest=StartupBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.app=target/ngo-platform-1.0-SNAPSHOT.jar -Dbench.floor=bench/jpa-floor/target/jpa-floor-1.0.jar
 * </pre>
 * (the class name does not match the surefire includes, so a normal build never runs it). Options:
 * {@code -Dbench.pairs=10 -Dbench.jvm-args="-XX:+UseG1GC" -Dbench.app-args=... -Dbench.label=...}; with
 * {@code -Dbench.aot=true} every jar, the floor's too, also runs extracted with a JVM AOT cache ("app+aot" against
 * "floor+aot", in the same rounds). {@code -Dbench.args.NAME=...} adds options to the app named NAME only, so that one
 * jar can run under several names with different settings in the same rounds
 * ({@code -Dbench.apps=app=a.jar,lazy=a.jar -Dbench.args.lazy=--spring.main.lazy-initialization=true}).
 * {@code -Dbench.against.NAME=floor,other} reports NAME's ratios against several entries (the floor and, say, a floor
 * built with Spring AOT given as another app).
 *
 * <p>Each jar is copied to its own temporary folder and started there once untimed (its H2 file database is
 * created, the app's migrations applied), then {@code bench.pairs} rounds, each starting every jar once in an order
 * that rotates from round to round ({@code -Dbench.apps=before=a.jar,after=b.jar} compares two builds of the app). Per start: wall time from the process start until {@code GET /} answers 200, the process's
 * CPU time at that moment (user + system, /proc, all threads), the "Started ... in" line of the log, heap used after
 * a full GC ({@code jcmd GC.run}, {@code GC.heap_info}) and resident memory (VmRSS). Output:
 * {@code target/benchmark/startup-<label>.md}.
 */
class StartupBenchmark {

    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");

    record Run(String which, int pair, long wallMs, long cpuMs, String started, long heapKb, long rssKb, String load) {
    }

    @Test
    void run_benchmark() throws Exception {
        // -Dbench.apps=before=/tmp/a.jar,after=/tmp/b.jar measures several builds of the app against the same floor
        List<String[]> apps = new ArrayList<>();
        for (String spec : System.getProperty("bench.apps", "app=" + System.getProperty("bench.app",
                "target/ngo-platform-1.0-SNAPSHOT.jar")).split(",")) {
            String[] nameAndJar = spec.split("=", 2);
            apps.add(new String[] {nameAndJar[0], Path.of(nameAndJar[1]).toAbsolutePath().toString()});
        }
        Path floor = Path.of(System.getProperty("bench.floor", "bench/jpa-floor/target/jpa-floor-1.0.jar")).toAbsolutePath();
        int pairs = Integer.parseInt(System.getProperty("bench.pairs", "10"));
        String label = System.getProperty("bench.label", "run");
        List<String> jvmArgs = List.of(System.getProperty("bench.jvm-args", "-XX:+UseG1GC").split(" "));
        List<String> appArgs = System.getProperty("bench.app-args", "").isBlank() ? List.of()
                : List.of(System.getProperty("bench.app-args").split(" "));
        // -Dbench.aot=true: every jar, the floor's too, also runs as "<name>+aot": extracted, with a JVM AOT cache from
        // a training run (Spring Boot's recipe for Java 25, docs/performance.md); "+aot" builds are compared with
        // "floor+aot", the others with "floor", all in the same interleaved rounds
        boolean aot = Boolean.getBoolean("bench.aot");

        List<String> names = new ArrayList<>();
        Map<String, Path> dirs = new LinkedHashMap<>();
        for (String[] app : apps) {
            names.add(app[0]);
            dirs.put(app[0], copy(Path.of(app[1]), "startup-" + app[0]));
        }
        names.add("floor");
        dirs.put("floor", copy(floor, "startup-floor"));
        Path out = Path.of("target", "benchmark", "startup-" + label + ".md");
        Files.createDirectories(out.getParent());

        List<String> lines = new ArrayList<>();
        if (aot) {
            StringBuilder training = new StringBuilder("AOT cache (extract, training run to onRefresh; time, cache size):");
            for (String plain : List.copyOf(names)) {
                String name = plain + "+aot";
                long t0 = System.nanoTime();
                Path dir = copy(dirs.get(plain).resolve("app.jar"), "startup-" + plain + "-aot");
                run(dir, javaCommand("-Djarmode=tools", "-jar", "app.jar", "extract", "--destination", "x"));
                // the extracted jar keeps the original's name (app.jar) beside its lib/ folder
                List<String> train = new ArrayList<>(javaCommand());
                train.addAll(jvmArgs);
                train.addAll(List.of("-XX:AOTCacheOutput=app.aot", "-Dspring.context.exit=onRefresh", "-jar", "app.jar"));
                train.addAll(argsFor(plain, appArgs));
                run(dir.resolve("x"), train);
                names.add(name);
                dirs.put(name, dir.resolve("x"));
                training.append(" %s %.1f s, %,d KB;".formatted(name, (System.nanoTime() - t0) / 1e9,
                        Files.size(dir.resolve("x").resolve("app.aot")) / 1024));
            }
            lines.add(training.toString());
            System.out.println(training);
        }
        lines.add(0, "label " + label + ", JVM " + System.getProperty("java.version") + ", JVM options " + jvmArgs
                + ", app options " + appArgs + perAppArgs(names) + ", " + pairs + " rounds of " + names);
        StringBuilder first = new StringBuilder("untimed first start (creates the database):");
        for (String name : names) {
            // -Dbench.seed.NAME=folder: NAME starts on a copy of that folder's data/ (a database its own build or an
            // equal one made), without the untimed first start (on a loaded machine that start alone can take minutes)
            String seed = System.getProperty("bench.seed." + name);
            if (seed != null) {
                copyTree(Path.of(seed, "data"), dirs.get(name).resolve("data"));
                first.append(" %s seeded from %s;".formatted(name, seed));
                continue;
            }
            Run r = start(name, 0, dirs.get(name), jvmArgs(jvmArgs, name), argsFor(name, appArgs));
            first.append(" %s %.2f s;".formatted(name, r.wallMs / 1000.0));
        }
        lines.add(first.toString());
        lines.add("");
        lines.add("| round | which | GET / 200 after | CPU until then | \"Started in\" | heap after full GC | RSS | load at start |");
        lines.add("|---:|---|---:|---:|---:|---:|---:|---:|");
        Map<String, List<double[]>> ratios = new LinkedHashMap<>();
        for (int round = 1; round <= pairs; round++) {
            // interleaved: the order rotates every round, so no build always starts right after the same one
            List<String> order = new ArrayList<>(names);
            Collections.rotate(order, round - 1);
            Map<String, Run> runs = new LinkedHashMap<>();
            for (String name : order) {
                Run r = start(name, round, dirs.get(name), jvmArgs(jvmArgs, name), argsFor(name, appArgs));
                runs.put(name, r);
                String line = "| %d | %s | %.2f s | %.2f s | %s s | %,d KB | %,d KB | %s |".formatted(r.pair, r.which,
                        r.wallMs / 1000.0, r.cpuMs / 1000.0, r.started, r.heapKb, r.rssKb, r.load);
                System.out.println(line);
                lines.add(line);
            }
            for (String name : names) {
                if (isFloor(name)) continue;
                Run a = runs.get(name);
                String floorName = name.endsWith("+aot") ? "floor+aot" : "floor";
                // -Dbench.against.NAME=floor,floorsaot: NAME's ratios against these (other entries of bench.apps too)
                for (String against : System.getProperty("bench.against." + name, floorName).split(",")) {
                    Run f = runs.get(against);
                    String key = against.equals(floorName) ? name : name + " : " + against;
                    ratios.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {(double) a.wallMs / f.wallMs,
                            (double) a.cpuMs / f.cpuMs, (double) a.heapKb / f.heapKb, (double) a.rssKb / f.rssKb});
                }
            }
            List<String> report = new ArrayList<>(lines);
            report.addAll(ratioTable(ratios));
            Files.write(out, report); // after every round, so a cut-short run still leaves its figures
        }
        lines.addAll(ratioTable(ratios));
        Files.write(out, lines);
        System.out.println(String.join("\n", lines));
    }

    private static List<String> ratioTable(Map<String, List<double[]>> ratios) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("| build : floor | measure | median | per round |");
        lines.add("|---|---|---:|---|");
        String[] measures = {"time until GET / is 200", "CPU until then", "heap after full GC", "RSS"};
        ratios.forEach((name, rounds) -> {
            for (int k = 0; k < measures.length; k++) {
                int col = k;
                List<Double> values = rounds.stream().map(r -> r[col]).toList();
                lines.add("| %s | %s | %.2f× | %s |".formatted(name, measures[k], median(values),
                        values.stream().map(v -> "%.2f".formatted(v)).toList()));
            }
        });
        return lines;
    }

    /** The app options of one build: -Dbench.app-args for every app, then -Dbench.args.NAME for that one only. */
    private static List<String> argsFor(String name, List<String> appArgs) {
        if (isFloor(name)) return List.of();
        String own = System.getProperty("bench.args." + name.replace("+aot", ""), "");
        List<String> args = new ArrayList<>(appArgs);
        if (!own.isBlank()) args.addAll(List.of(own.split(" ")));
        return args;
    }

    private static String perAppArgs(List<String> names) {
        StringBuilder s = new StringBuilder();
        for (String name : names) {
            String own = System.getProperty("bench.args." + name, "");
            if (!own.isBlank()) s.append(" (").append(name).append(": ").append(own).append(")");
        }
        return s.toString();
    }

    private static boolean isFloor(String name) {
        return name.equals("floor") || name.equals("floor+aot");
    }

    private static List<String> jvmArgs(List<String> common, String name) {
        if (!name.endsWith("+aot")) return common;
        List<String> args = new ArrayList<>(common);
        args.add("-XX:AOTCache=app.aot");
        return args;
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        return command;
    }

    private static void run(Path dir, List<String> command) throws Exception {
        Path log = dir.resolve("prepare-log.txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " failed: " + Files.readString(log));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(from.relativize(f).toString()));
            }
        }
    }

    private static Path copy(Path jar, String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Files.copy(jar, dir.resolve("app.jar"));
        return dir;
    }

    private static Run start(String which, int pair, Path dir, List<String> jvmArgs, List<String> args) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", "app.jar", "--server.port=" + port));
        command.addAll(args);
        Path log = dir.resolve("log-" + pair + ".txt");
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(60)).build();
            long wall;
            while (true) {
                if (!p.isAlive()) throw new IllegalStateException(which + " ended: " + Files.readString(log));
                if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(Long.getLong("bench.start-limit-minutes", 5))) throw new IllegalStateException(which + " too slow");
                try {
                    if (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        wall = (System.nanoTime() - t0) / 1_000_000;
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(25);
            }
            long cpu = cpuMillis(p.pid());
            if (pair == 0) {
                // the untimed first start stops only once the work after start-up is done (the app's first organiser
                // is created and committed then); stopped earlier, every later start would create it again
                while (!STARTED.matcher(Files.readString(log)).find() && p.isAlive()) Thread.sleep(200);
                Thread.sleep(30_000);
            }
            Matcher m = STARTED.matcher(Files.readString(log));
            String started = m.find() ? m.group(1) : "?";
            jcmd(p.pid(), "GC.run");
            long heap = heapUsedKb(jcmd(p.pid(), "GC.heap_info"));
            long rss = rssKb(p.pid());
            return new Run(which, pair, wall, cpu, started, heap, rss, load);
        } finally {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
        }
    }

    /** User plus system CPU time of a process so far (Linux /proc), in ms. */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
        return ticks * 10; // USER_HZ = 100
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        return -1;
    }

    private static long heapUsedKb(String info) {
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String jcmd(long pid, String command) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(120, TimeUnit.SECONDS);
        return out;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
