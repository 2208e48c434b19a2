package org.ngoplatform.export;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Excel export benchmark (issue 6), recorded in docs/performance.md, never asserted. Run with
 * <pre>mvn -o -B test -Dtest=ExcelExportBenchmark</pre>
 * (the class name does not match the surefire includes, so a normal build never runs it). Options:
 * {@code -Dbench.rows=10000,100000 -Dbench.writers=ours,poi-gzip,poi-plain,fastexcel,naive -Dbench.repeat=5 -Dbench.xmx=8g}.
 *
 * <p>Every (writer, rows) pair runs in a fresh JVM with the same -Xmx so the heap figures do not mix: wall
 * time and CPU time of the whole process (GC and JIT threads included) while generating and writing the file to
 * disk, peak heap used (all heap pools' peak, garbage included)
 * and peak live heap (the most heap still used right after any GC).
 */
class ExcelExportBenchmark {

    static final int COLUMNS = 30;
    /** The worker's POI temp folder and the most its files held (just before the workbook is written). */
    static Path tempDir;
    static long tempBytes;

    @Test
    void run_benchmark() throws Exception {
        List<Integer> rows = List.of(System.getProperty("bench.rows", "10000,100000").split(",")).stream()
                .map(String::strip).map(Integer::parseInt).toList();
        List<String> writers = List.of(System.getProperty("bench.writers", "ours,poi-gzip,poi-plain,fastexcel,naive").split(","))
                .stream().map(String::strip).toList();
        int repeat = Integer.parseInt(System.getProperty("bench.repeat", "1"));
        String xmx = System.getProperty("bench.xmx", "8g");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        List<String> lines = new ArrayList<>();
        lines.add("| round | writer | rows | wall time | CPU time | peak heap used | peak live heap (after GC) | temp files | file size | load before → after |");
        lines.add("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
        // per rows and writer: the CPU and wall times of every round, in round order
        Map<Integer, Map<String, List<long[]>>> results = new TreeMap<>();
        for (int n : rows) {
            for (int round = 1; round <= repeat; round++) {
                // interleaved: every round runs every writer, every other round in reverse order
                List<String> order = new ArrayList<>(writers);
                if (round % 2 == 0) Collections.reverse(order);
                for (String writer : order) {
                    String loadBefore = load();
                    Process p = new ProcessBuilder(java, "-Xmx" + xmx, "-XX:+UseG1GC", "-cp", classpath,
                            ExcelExportBenchmark.class.getName(), writer, String.valueOf(n))
                            .redirectErrorStream(true).start();
                    String result = null;
                    try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = in.readLine()) != null; ) {
                            if (line.startsWith("RESULT ")) result = line;
                            else if (!line.startsWith("WARNING") && !line.isBlank() && !line.contains("ical4j")) {
                                System.out.println("  [" + writer + "] " + line);
                            }
                        }
                    }
                    int exit = p.waitFor();
                    String row;
                    if (result == null) {
                        row = "| " + round + " | " + writer + " | " + n + " | failed (exit " + exit + ") | | | | | | |";
                    } else {
                        String[] f = result.split(" ");
                        long wall = Long.parseLong(f[3]);
                        long cpu = Long.parseLong(f[7]);
                        results.computeIfAbsent(n, k -> new LinkedHashMap<>())
                                .computeIfAbsent(writer, k -> new ArrayList<>()).add(new long[] {cpu, wall});
                        row = "| %d | %s | %,d | %.2f s | %.2f s | %s MB | %s MB | %.1f MB | %.1f MB | %s → %s |".formatted(round, f[1],
                                Integer.parseInt(f[2]), wall / 1000.0, cpu / 1000.0, f[4], f[5],
                                Long.parseLong(f[8]) / 1_000_000.0, Long.parseLong(f[6]) / 1_000_000.0, loadBefore, load());
                    }
                    System.out.println(row);
                    lines.add(row);
                }
            }
        }
        lines.add("");
        lines.add("| writer | rows | median CPU | median wall | CPU : fastexcel (median of the rounds' ratios) | wall : fastexcel |");
        lines.add("|---|---:|---:|---:|---:|---:|");
        results.forEach((n, byWriter) -> {
            List<long[]> fast = byWriter.get("fastexcel");
            byWriter.forEach((writer, runs) -> {
                String cpuRatio = "";
                String wallRatio = "";
                if (fast != null && fast.size() == runs.size()) {
                    List<Double> c = new ArrayList<>();
                    List<Double> w = new ArrayList<>();
                    for (int i = 0; i < runs.size(); i++) {
                        c.add((double) runs.get(i)[0] / fast.get(i)[0]);
                        w.add((double) runs.get(i)[1] / fast.get(i)[1]);
                    }
                    cpuRatio = "%.2f× %s".formatted(median(c), c.stream().map(x -> "%.2f".formatted(x)).toList());
                    wallRatio = "%.2f× %s".formatted(median(w), w.stream().map(x -> "%.2f".formatted(x)).toList());
                }
                String line = "| %s | %,d | %.2f s | %.2f s | %s | %s |".formatted(writer, n,
                        median(runs.stream().map(r -> r[0] / 1000.0).toList()),
                        median(runs.stream().map(r -> r[1] / 1000.0).toList()), cpuRatio, wallRatio);
                System.out.println(line);
                lines.add(line);
            });
        });
        Path out = Path.of("target", "benchmark", "excel-export.md");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        System.out.println(String.join("\n", lines));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The 1-minute load average, as `uptime` shows it. */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Worker JVM: java ExcelExportBenchmark writer rows. Prints one RESULT line. */
    public static void main(String[] args) throws Exception {
        String writer = args[0];
        int rows = Integer.parseInt(args[1]);
        // warm-up: class loading and JIT of the same code path, not measured
        write(writer, 2_000, OutputStream.nullOutputStream());
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        AtomicLong peakLive = watchLiveHeap();
        Path file = Files.createTempFile("bench-" + writer, ".xlsx");
        Path poiTemp = Files.createTempDirectory("bench-poi-temp");
        org.apache.poi.util.TempFile.setTempFileCreationStrategy(new org.apache.poi.util.DefaultTempFileCreationStrategy(poiTemp.toFile()));
        tempDir = poiTemp;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            write(writer, rows, out);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
        long size = Files.size(file);
        String keep = System.getProperty("bench.keep"); // e.g. to open the file in LibreOffice afterwards
        if (keep != null) Files.copy(file, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(file);
        try (var left = Files.walk(poiTemp)) { // the writers delete their temp files; the folder goes too
            left.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        long peakUsed = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peakUsed += pool.getPeakUsage().getUsed();
        }
        System.gc();
        Thread.sleep(200);
        System.out.printf("RESULT %s %d %d %d %d %d %d %d%n", writer, rows, millis, peakUsed >> 20,
                Math.max(peakLive.get(), 0) >> 20, size, cpuMillis, tempBytes);
        System.exit(0);
    }

    static void write(String writer, int rows, OutputStream out) throws IOException {
        switch (writer) {
            case "ours" -> ours(out, rows, WorkbookOptions.defaults());
            case "ours-plain-temp" -> ours(out, rows, WorkbookOptions.defaults().withCompressTempFiles(false));
            case "ours-gzip" -> ours(out, rows, WorkbookOptions.defaults().withCompressTempFiles(true));
            // the writer before issue 15: POI's own sheet writer, gzip-compressed (the default then) or plain temp files
            case "poi-gzip" -> ours(out, rows, WorkbookOptions.defaults().withTunedSheetWriter(false).withCompressTempFiles(true));
            case "poi-plain" -> ours(out, rows, WorkbookOptions.defaults().withTunedSheetWriter(false).withCompressTempFiles(false));
            case "ours-level6" -> ours(out, rows, WorkbookOptions.defaults().withDeflateLevel(6));
            case "fastexcel" -> fastexcel(out, rows);
            case "naive" -> naive(out, rows);
            case "generate-only" -> generateOnly(rows);
            default -> throw new IllegalArgumentException(writer);
        }
    }

    private static AtomicLong watchLiveHeap() {
        AtomicLong peak = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (!e.getKey().contains("Metaspace") && !e.getKey().contains("Code") && !e.getKey().contains("Class")) {
                        used += e.getValue().getUsed();
                    }
                }
                peak.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        return peak;
    }

    // ---- synthetic survey: 30 columns ----

    static final String[] COUNTRIES = {"Estonia", "Deutschland", "España", "Polska", "Česko", "Ελλάδα", "România", "Sverige", "Italia", "Österreich"};
    static final String[] ROLES = {"Social worker", "Lawyer", "Researcher", "Outreach worker", "Coordinator", "Psychologist"};
    static final String[] ORG_TYPES = {"NGO", "Shelter", "Trade union", "Faith-based", "Network"};
    static final String[] LANGS = {"en", "de", "fr", "es", "pl", "ro", "el"};
    static final String[] WORDS = ("victims support shelter référence überweisung protección współpraca ενημέρωση "
            + "identification trafic žena pomoc mädchen niños asistencia legal aid hotline "
            + "smlouva droits humains čas работа rights outreach exploitation labour médiateur").split(" ");

    static List<Column> columns() {
        List<Column> c = new ArrayList<>();
        c.add(Column.integer("id"));
        c.add(Column.text("respondent"));
        c.add(Column.dateTime("submitted"));
        c.add(Column.date("started_on"));
        c.add(Column.text("country"));
        c.add(Column.text("role"));
        c.add(Column.text("org_type"));
        c.add(Column.text("language"));
        for (int i = 1; i <= 10; i++) c.add(Column.bool("q5_opt" + i));
        for (int i = 1; i <= 5; i++) c.add(Column.integer("scale_" + i));
        for (int i = 1; i <= 3; i++) c.add(Column.decimal("amount_" + i));
        for (int i = 1; i <= 4; i++) c.add(Column.longText("free_" + i));
        return c;
    }

    static Object[] row(int i) {
        SplittableRandom r = new SplittableRandom(42L * 1_000_003 + i);
        Object[] v = new Object[COLUMNS];
        int k = 0;
        v[k++] = (long) i + 1;
        v[k++] = "R-" + (100_000 + i);
        v[k++] = LocalDateTime.of(2026, 3, 1, 8, 0).plusMinutes(r.nextInt(300_000));
        v[k++] = LocalDate.of(2005, 1, 1).plusDays(r.nextInt(7_000));
        v[k++] = COUNTRIES[r.nextInt(COUNTRIES.length)];
        v[k++] = ROLES[r.nextInt(ROLES.length)];
        v[k++] = ORG_TYPES[r.nextInt(ORG_TYPES.length)];
        v[k++] = LANGS[r.nextInt(LANGS.length)];
        for (int j = 0; j < 10; j++) v[k++] = r.nextInt(3) == 0;
        for (int j = 0; j < 5; j++) v[k++] = 1 + r.nextInt(5);
        for (int j = 0; j < 3; j++) v[k++] = BigDecimal.valueOf(r.nextInt(1_000_000), 2);
        for (int j = 0; j < 4; j++) v[k++] = text(r, 20 + r.nextInt(281));
        return v;
    }

    static String text(SplittableRandom r, int length) {
        StringBuilder sb = new StringBuilder(length + 20);
        while (sb.length() < length) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(WORDS[r.nextInt(WORDS.length)]);
        }
        sb.setLength(length);
        return sb.toString();
    }

    static void generateOnly(int rows) {
        long sink = 0;
        for (int i = 0; i < rows; i++) sink += row(i).length;
        if (sink == 42) System.out.println();
    }

    static void ours(OutputStream out, int rows, WorkbookOptions options) throws IOException {
        try (WorkbookWriter writer = WorkbookWriter.create(options)) {
            var sheet = writer.addDataSheet("Responses", columns());
            for (int i = 0; i < rows; i++) sheet.row(row(i));
            if (tempDir != null) tempBytes = Math.max(tempBytes, PoiTempFiles.filesUnder(tempDir).stream().mapToLong(p -> p.toFile().length()).sum());
            writer.writeTo(out);
        }
    }

    static void fastexcel(OutputStream out, int rows) throws IOException {
        var wb = new org.dhatim.fastexcel.Workbook(out, "bench", "1.0");
        var ws = wb.newWorksheet("Responses");
        List<Column> cols = columns();
        for (int c = 0; c < COLUMNS; c++) {
            ws.value(0, c, cols.get(c).header());
            ws.style(0, c).bold().set();
        }
        ws.freezePane(0, 1);
        for (int i = 0; i < rows; i++) {
            Object[] v = row(i);
            int r = i + 1;
            for (int c = 0; c < COLUMNS; c++) {
                switch (v[c]) {
                    case String s -> ws.value(r, c, s);
                    case Boolean b -> ws.value(r, c, b ? 1 : 0);
                    case Number n -> ws.value(r, c, n);
                    case LocalDate d -> {
                        ws.value(r, c, d);
                        ws.style(r, c).format("yyyy-mm-dd").set();
                    }
                    case LocalDateTime d -> {
                        ws.value(r, c, d);
                        ws.style(r, c).format("yyyy-mm-dd hh:mm").set();
                    }
                    default -> throw new IllegalStateException();
                }
            }
            if (r % 1000 == 0) ws.flush();
        }
        ws.setAutoFilter(0, 0, rows, COLUMNS - 1);
        wb.finish();
    }

    static void naive(OutputStream out, int rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("Responses");
            DataFormat formats = wb.createDataFormat();
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(formats.getFormat("yyyy-mm-dd hh:mm"));
            List<Column> cols = columns();
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS; c++) header.createCell(c).setCellValue(cols.get(c).header());
            for (int i = 0; i < rows; i++) {
                Object[] v = row(i);
                Row row = sheet.createRow(i + 1);
                for (int c = 0; c < COLUMNS; c++) {
                    Cell cell = row.createCell(c);
                    switch (v[c]) {
                        case String s -> cell.setCellValue(s);
                        case Boolean b -> cell.setCellValue(b ? 1 : 0);
                        case Number n -> cell.setCellValue(n.doubleValue());
                        case LocalDate d -> {
                            cell.setCellValue(d);
                            cell.setCellStyle(date);
                        }
                        case LocalDateTime d -> {
                            cell.setCellValue(d);
                            cell.setCellStyle(dateTime);
                        }
                        default -> throw new IllegalStateException();
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
        }
    }
}
