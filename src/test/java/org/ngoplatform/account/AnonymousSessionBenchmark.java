package org.ngoplatform.account;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anonymous visitors against a small heap (issue 12), recorded in docs/performance.md, never asserted. Build the
 * production jar first, then run
 * <pre>mvn -B -o package -DskipTests
 * mvn -B -o test -Dtest=AnonymousSessionBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * (the class name does not match the surefire includes, so a normal build never runs it). The application is the
 * packaged jar ({@code bench.jar}, default {@code target/ngo-platform-1.0-SNAPSHOT.jar}: Vaadin production mode with
 * its prebuilt bundle), copied to a temporary directory and started there in a child JVM ({@code -Xmx256m}, profile
 * demo, the embedded H2 default in that directory). 20 signed-in people keep working (a page every half second)
 * while anonymous visitors make up to {@code bench.visits} (10,000) visits within {@code bench.seconds} (60) from
 * {@code bench.addresses} client addresses (127.0.0.x, default 1); then the heap is watched until the anonymous
 * sessions have expired ({@code bench.expiry-wait}, 300 s).
 * Options: {@code -Dbench.limit=false} runs with the anonymous-session limits off (the behaviour before issue 12),
 * {@code -Dbench.xmx=256m}, {@code -Dbench.app-args="--ngo.sessions.anonymous-timeout=1m ..."} (extra arguments).
 * Heap figures are {@code jcmd GC.heap_info} "used" after {@code jcmd GC.run} (a full GC), live sessions are the
 * {@code StandardSession} instances in a class histogram.
 */
class AnonymousSessionBenchmark {

    private static final int SIGNED_IN = 20;

    @Test
    void run_benchmark() throws Exception {
        int visits = Integer.getInteger("bench.visits", 10_000);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int expiryWait = Integer.getInteger("bench.expiry-wait", 300);
        String limit = System.getProperty("bench.limit", "true");
        String xmx = System.getProperty("bench.xmx", "256m");
        int addresses = Integer.getInteger("bench.addresses", 1);
        String extra = System.getProperty("bench.app-args", "");
        Path jar = Path.of(System.getProperty("bench.jar", "target/ngo-platform-1.0-SNAPSHOT.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " missing: run mvn -B -o package -DskipTests first");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("ngo-bench-");
        Files.copy(jar, dir.resolve("app.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createDirectories(Path.of("target", "benchmark")).toAbsolutePath().resolve("anonymous-sessions-app-" + limit + ".log");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + xmx, "-XX:+UseG1GC", "-jar", "app.jar",
                "--spring.profiles.active=demo", "--server.port=" + port, "--ngo.sessions.limit-anonymous=" + limit,
                "--ngo.mail.send-interval=PT1H", "--logging.level.root=WARN",
                "--logging.level.org.ngoplatform.demo=INFO", "--logging.level.org.ngoplatform.Application=INFO"));
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        Process app = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<String> out = new ArrayList<>();
        try {
            String base = "http://127.0.0.1:" + port;
            long t0 = System.nanoTime();
            while (!Files.readString(log).contains("Demo profile:")) { // the demo accounts exist
                if (!app.isAlive() || System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(10)) {
                    throw new IllegalStateException("the app did not start, see " + log);
                }
                Thread.sleep(1000);
            }
            out.add("limits on: " + limit + ", -Xmx" + xmx + ", visits " + visits + " in at most " + seconds + " s from "
                    + addresses + " address(es); app: " + String.join(" ", command.subList(1, command.size())));

            List<HttpClient> people = new ArrayList<>();
            for (int i = 0; i < SIGNED_IN; i++) {
                people.add(signIn(base));
            }
            Heap baseline = heap(app.pid());
            out.add("baseline (20 signed in): " + baseline);

            AtomicBoolean storming = new AtomicBoolean(true);
            AtomicInteger memberRequests = new AtomicInteger();
            AtomicInteger memberErrors = new AtomicInteger();
            AtomicLong memberMaxMillis = new AtomicLong();
            ExecutorService members = Executors.newFixedThreadPool(SIGNED_IN);
            for (HttpClient person : people) {
                members.submit(() -> {
                    String[] pages = {"/", "/my/registrations", "/editions"};
                    for (int i = 0; storming.get(); i++) {
                        long start = System.nanoTime();
                        try {
                            HttpResponse<String> r = person.send(HttpRequest.newBuilder(URI.create(base + pages[i % 3]))
                                    .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
                            boolean lostSession = r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID="));
                            if (r.statusCode() != 200 || lostSession) {
                                memberErrors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            memberErrors.incrementAndGet();
                        }
                        memberRequests.incrementAndGet();
                        memberMaxMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Math::max);
                        try {
                            Thread.sleep(500);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }

            AtomicInteger started = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            AtomicInteger visitErrors = new AtomicInteger();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService visitors = Executors.newFixedThreadPool(16);
            long stormStart = System.nanoTime();
            for (int t = 0; t < 16; t++) {
                visitors.submit(() -> {
                    for (int n; (n = started.incrementAndGet()) <= visits && System.nanoTime() < deadline; ) {
                        try {
                            visit(base, "127.0.0." + (1 + n % addresses));
                            done.incrementAndGet();
                        } catch (Exception e) {
                            visitErrors.incrementAndGet();
                        }
                    }
                });
            }
            visitors.shutdown();
            visitors.awaitTermination(seconds + 180, TimeUnit.SECONDS);
            double stormSeconds = (System.nanoTime() - stormStart) / 1e9;
            storming.set(false);
            members.shutdown();
            members.awaitTermination(180, TimeUnit.SECONDS);
            out.add(String.format("anonymous visits: %d done, %d failed, in %.1f s (%.0f visits/min)", done.get(), visitErrors.get(),
                    stormSeconds, done.get() * 60 / stormSeconds));
            out.add(String.format("signed-in people: %d requests, %d errors (status not 200, session lost or timeout), slowest %d ms",
                    memberRequests.get(), memberErrors.get(), memberMaxMillis.get()));

            Heap after = heap(app.pid());
            out.add("right after the visits: " + after);
            long extraSessions = after.sessions - baseline.sessions;
            if (extraSessions > 0) {
                out.add(String.format("heap per live anonymous session: %.0f KB",
                        (after.usedKb - baseline.usedKb) / (double) extraSessions));
            }
            for (int waited = 0; waited < expiryWait; waited += 30) {
                Thread.sleep(30_000);
                Heap now = heap(app.pid());
                out.add("after " + (waited + 30) + " s: " + now);
                if (now.sessions <= baseline.sessions) {
                    break;
                }
            }
            out.add("app alive at the end: " + app.isAlive());
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
            app.destroyForcibly();
            out.forEach(System.out::println);
            Files.write(Path.of("target", "benchmark", "anonymous-sessions-" + limit + ".txt"), out);
        }
    }

    /** A browser's first visit: the page, then Vaadin's client asking for the UI, on one new session. */
    private static void visit(String base, String from) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(30))
                .localAddress(InetAddress.getByName(from)).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/")).timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IOException("status " + page.statusCode());
        }
        client.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=init&location=&query=")).timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.discarding());
        client.close();
    }

    private static HttpClient signIn(String base) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(login.body());
        String form = "username=" + URLEncoder.encode("participant@demo.ngo-platform.local", StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(DemoAccounts.PASSWORD, StandardCharsets.UTF_8)
                + (csrf.find() ? "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) : "");
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + r.headers().map());
        }
        return client;
    }

    record Heap(long usedKb, long sessions) {
        @Override
        public String toString() {
            return String.format("heap used %,d KB after full GC, %d live sessions", usedKb, sessions);
        }
    }

    private static Heap heap(long pid) throws Exception {
        jcmd(pid, "GC.run");
        String histogram = jcmd(pid, "GC.class_histogram"); // a full GC first as well
        Matcher sessions = Pattern.compile("\\s(\\d+)\\s+\\d+\\s+org\\.apache\\.catalina\\.session\\.StandardSession\\s").matcher(histogram);
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
        return new Heap(used.find() ? Long.parseLong(used.group(1)) : -1, sessions.find() ? Long.parseLong(sessions.group(1)) : 0);
    }

    private static String jcmd(long pid, String command) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return text;
    }
}
