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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * {@code -Dbench.xmx=256m}, {@code -Dbench.app-args="--ngo.sessions.anonymous-timeout=1m ..."} (extra arguments),
 * {@code -Dbench.jvm-args="-XX:StartFlightRecording=..."} (extra JVM options of the app),
 * {@code -Dbench.visit=init} (the old, cheaper visit that builds no view), {@code -Dbench.label=...} (names the output),
 * {@code -Dbench.people=20} (signed-in people working meanwhile; 0 for none), {@code -Dbench.warmup=0} (visits made before
 * the measured ones, not counted: the CPU a visit of compiled code, for comparing builds on a loaded machine) and
 * {@code -Dbench.threads=16} (visitors at once).
 * A visit refused by the new-visit throttle (429 or 503 with Retry-After, no session) counts as "refused", not as failed, and
 * is not retried (a flood does not wait); to measure what a whole visit costs, widen the throttle with
 * {@code -Dbench.app-args="--ngo.sessions.new-per-address-burst=1000000 --ngo.sessions.new-per-address-per-minute=1000000"}.
 * The floor: {@code -Dbench.floor=true -Dbench.jar=bench/vaadin-floor/target/vaadin-floor-1.0.jar} runs the same visits
 * against a bare Vaadin + Spring Boot app with one trivial public route ({@code bench/vaadin-floor}); there 20 anonymous
 * sessions load its page every half second in place of the signed-in people. A visit is what a browser does first:
 * the page, Vaadin's init request, then the navigation message that builds the layout and view (see {@link #visit}).
 * Reported besides heap: CPU seconds of the app and of this JVM during the visits (from /proc) and the app's GC pauses.
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
        String jvmExtra = System.getProperty("bench.jvm-args", "");
        boolean floor = Boolean.getBoolean("bench.floor");
        int signedIn = Integer.getInteger("bench.people", SIGNED_IN);
        int warmup = Integer.getInteger("bench.warmup", 0);
        int threads = Integer.getInteger("bench.threads", 16);
        boolean fullVisit = !"init".equals(System.getProperty("bench.visit", "full"));
        String label = System.getProperty("bench.label", floor ? "floor" : "app-" + limit);
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
        Path log = Files.createDirectories(Path.of("target", "benchmark")).toAbsolutePath().resolve("anonymous-sessions-" + label + ".log");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + xmx, "-XX:+UseG1GC", "-Xlog:gc:file=gc.log"));
        if (!jvmExtra.isBlank()) {
            command.addAll(List.of(jvmExtra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", "app.jar", "--server.port=" + port));
        if (!floor) {
            command.addAll(List.of("--spring.profiles.active=demo", "--ngo.sessions.limit-anonymous=" + limit,
                    "--ngo.mail.send-interval=PT1H", "--logging.level.root=WARN",
                    "--logging.level.org.ngoplatform.demo=INFO", "--logging.level.org.ngoplatform.Application=INFO"));
        }
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        Process app = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<String> out = new ArrayList<>();
        try {
            String base = "http://127.0.0.1:" + port;
            long t0 = System.nanoTime();
            String ready = floor ? "Started " : "Demo profile:"; // the demo accounts exist
            while (!Files.readString(log).contains(ready)) {
                if (!app.isAlive() || System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(10)) {
                    throw new IllegalStateException("the app did not start, see " + log);
                }
                Thread.sleep(1000);
            }
            out.add(label + ": limits on: " + (floor ? "-" : limit) + ", -Xmx" + xmx + ", visits " + visits + " in at most " + seconds
                    + " s from " + addresses + " address(es), " + (fullVisit ? "full visits (page, init, navigation)" : "page and init only")
                    + "; app: " + String.join(" ", command.subList(1, command.size())));

            List<HttpClient> people = new ArrayList<>();
            for (int i = 0; i < signedIn; i++) {
                people.add(floor ? anonymousRegular(base) : signIn(base));
            }
            Heap baseline = heap(app.pid());
            out.add("baseline (" + signedIn + " " + (floor ? "regular anonymous sessions" : "signed in") + "): " + baseline);

            AtomicBoolean storming = new AtomicBoolean(true);
            AtomicInteger memberRequests = new AtomicInteger();
            AtomicInteger memberErrors = new AtomicInteger();
            AtomicLong memberMaxMillis = new AtomicLong();
            ExecutorService members = Executors.newFixedThreadPool(Math.max(1, signedIn));
            for (HttpClient person : people) {
                members.submit(() -> {
                    String[] pages = floor ? new String[] {"/"} : new String[] {"/", "/my/registrations", "/editions"};
                    for (int i = 0; storming.get(); i++) {
                        long start = System.nanoTime();
                        try {
                            HttpResponse<String> r = person.send(HttpRequest.newBuilder(URI.create(base + pages[i % pages.length]))
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

            Map<String, HttpClient> clients = new ConcurrentHashMap<>();
            if (warmup > 0) { // visits before the measured ones, so that the measured ones run on compiled code
                AtomicInteger warmed = new AtomicInteger();
                AtomicInteger warmErrors = new AtomicInteger();
                ExecutorService warming = Executors.newFixedThreadPool(threads);
                for (int t = 0; t < threads; t++) {
                    warming.submit(() -> {
                        for (int n; (n = warmed.incrementAndGet()) <= warmup; ) {
                            try {
                                visit(clients.computeIfAbsent("127.0.0." + (1 + n % addresses), AnonymousSessionBenchmark::client), base, fullVisit);
                            } catch (Exception e) {
                                warmErrors.incrementAndGet();
                            }
                        }
                    });
                }
                warming.shutdown();
                warming.awaitTermination(60, TimeUnit.MINUTES);
                out.add("warm-up: " + warmup + " visits (" + warmErrors.get() + " failed) before the measured ones");
            }
            AtomicInteger started = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            AtomicInteger visitErrors = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService visitors = Executors.newFixedThreadPool(threads);
            long appCpuStart = cpuMillis(app.pid());
            long clientCpuStart = cpuMillis(ProcessHandle.current().pid());
            String gcBefore = Files.readString(dir.resolve("gc.log"));
            long stormStart = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                visitors.submit(() -> {
                    for (int n; (n = started.incrementAndGet()) <= visits && System.nanoTime() < deadline; ) {
                        try {
                            HttpClient client = clients.computeIfAbsent("127.0.0." + (1 + n % addresses), AnonymousSessionBenchmark::client);
                            if (visit(client, base, fullVisit)) {
                                done.incrementAndGet();
                            } else {
                                refused.incrementAndGet();
                            }
                        } catch (Exception e) {
                            visitErrors.incrementAndGet();
                        }
                    }
                });
            }
            visitors.shutdown();
            visitors.awaitTermination(seconds + 180, TimeUnit.SECONDS);
            double stormSeconds = (System.nanoTime() - stormStart) / 1e9;
            long appCpu = cpuMillis(app.pid()) - appCpuStart;
            long clientCpu = cpuMillis(ProcessHandle.current().pid()) - clientCpuStart;
            String gcDuring = Files.readString(dir.resolve("gc.log")).substring(gcBefore.length());
            storming.set(false);
            members.shutdown();
            members.awaitTermination(180, TimeUnit.SECONDS);
            out.add(String.format("anonymous visits: %d whole, %d refused (429/503, new-visit throttle), %d failed, in %.1f s "
                            + "(%.0f whole visits/min, %.0f answered/min)", done.get(), refused.get(), visitErrors.get(),
                    stormSeconds, done.get() * 60 / stormSeconds, (done.get() + refused.get()) * 60 / stormSeconds));
            out.add(String.format("CPU during the visits: app %.1f s (%.1f ms a visit), benchmark JVM %.1f s (%.1f ms a visit); "
                            + "app GC: %s", appCpu / 1e3, appCpu / (double) Math.max(1, done.get() + refused.get()), clientCpu / 1e3,
                    clientCpu / (double) Math.max(1, done.get() + refused.get()), gcSummary(gcDuring)));
            out.add(String.format("load average at the end of the visits: %s", Files.readString(Path.of("/proc/loadavg")).trim()));
            out.add(String.format((floor ? "regular anonymous sessions" : "signed-in people") + ": %d requests, %d errors (status not 200, session lost or timeout), slowest %d ms",
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
            clients.values().forEach(HttpClient::close);
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
            app.destroyForcibly();
            out.forEach(System.out::println);
            Files.write(Path.of("target", "benchmark", "anonymous-sessions-" + label + ".txt"), out);
        }
    }

    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");

    /** One client (connection pool) per client address; each visit carries its own session cookie by hand. */
    private static HttpClient client(String from) {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).localAddress(InetAddress.getByName(from)).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A browser's first visit on a new session: the page, Vaadin's client asking for the UI, then the client's first
     * message, the navigation to the route ({@code ui-navigate}), which builds the layout and the view. Without that
     * third request (the harness's visit until 2026-12-06, {@code -Dbench.visit=init}) the server builds no view.
     */
    private static boolean visit(HttpClient client, String base, boolean full) throws IOException, InterruptedException {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/")).timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString());
        if ((page.statusCode() == 429 || page.statusCode() == 503) && page.headers().firstValue("Retry-After").isPresent()
                && page.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID="))) {
            return false; // refused by the new-visit throttle, no session made; a flood does not wait for Retry-After
        }
        if (page.statusCode() != 200) {
            throw new IOException("page: status " + page.statusCode());
        }
        Matcher session = SESSION_COOKIE.matcher(String.join(";", page.headers().allValues("Set-Cookie")));
        if (!session.find()) {
            throw new IOException("page: no session cookie");
        }
        String cookie = "JSESSIONID=" + session.group(1);
        HttpResponse<String> init = client.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=init&location=&query="))
                .header("Cookie", cookie).timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher key = SECURITY_KEY.matcher(init.body());
        if (init.statusCode() != 200 || !key.find()) {
            throw new IOException("init: status " + init.statusCode());
        }
        if (!full) {
            return true;
        }
        String navigate = "{\"csrfToken\":\"" + key.group(1) + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\","
                + "\"data\":{\"route\":\"\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],"
                + "\"syncId\":0,\"clientId\":0}";
        HttpResponse<String> view = client.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=0"))
                        .header("Cookie", cookie).header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(navigate)).timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString());
        // the view's first response carries its changes; an error or an expired session would say so in "meta"
        if (view.statusCode() != 200 || !view.body().contains("\"changes\"") || view.body().contains("\"meta\"")) {
            throw new IOException("navigation: status " + view.statusCode() + " " + view.body().substring(0, Math.min(200, view.body().length())));
        }
        return true;
    }

    /** The floor's stand-in for a signed-in person: one anonymous session kept for the whole run. */
    private static HttpClient anonymousRegular(String base) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.discarding());
        return client;
    }

    /** User plus system CPU time of a process so far (Linux /proc), in ms. */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // utime, stime in clock ticks of 10 ms
    }

    /** Counts and total pause time of the collections in a slice of the app's -Xlog:gc output. */
    private static String gcSummary(String gcLog) {
        int young = 0;
        int full = 0;
        double pauseMs = 0;
        Matcher m = Pattern.compile("Pause (Young|Full|Remark|Cleanup)[^\\n]*?([0-9.]+)ms").matcher(gcLog);
        while (m.find()) {
            if (m.group(1).equals("Full")) {
                full++;
            } else if (m.group(1).equals("Young")) {
                young++;
            }
            pauseMs += Double.parseDouble(m.group(2));
        }
        return String.format("%d young, %d full collections, %.0f ms paused", young, full, pauseMs);
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
