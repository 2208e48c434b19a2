package org.ngoplatform.survey.results;

import org.junit.jupiter.api.Test;
import org.ngoplatform.base.i18n.MessagesI18NProvider;
import org.ngoplatform.export.ExportMonitor;
import org.ngoplatform.export.WorkbookOptions;
import org.ngoplatform.export.WorkbookWriter;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.Condition;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.SurveyStructure.SectionDef;
import org.ngoplatform.survey.respond.SubmittedResponse;
import org.ngoplatform.survey.respond.SubmittedResponse.Answer;
import org.ngoplatform.survey.respond.SubmittedResponse.AnswerState;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The real survey workbook (About, Codebook, Responses, Summary with charts) for a synthetic survey of 30
 * questions, written by exactly the code of {@link SurveyExportService} minus the database: responses are
 * generated in pages of 500 and handed to {@link SurveyWorkbook} twice (rows, then the suppressed summary),
 * as the export does. Side by side: fastexcel writing the same Responses cells. Recorded in
 * docs/performance.md, never asserted. Run with
 * <pre>mvn -o -B test -Dtest=SurveyWorkbookBenchmark [-Dbench.rows=10000,100000] [-Dbench.xmx=8g]</pre>
 * (not matched by the surefire includes, so a normal build skips it). Each (writer, rows) runs in its own JVM.
 */
class SurveyWorkbookBenchmark {

    @Test
    void run_benchmark() throws Exception {
        List<Integer> rows = List.of(System.getProperty("bench.rows", "10000,100000").split(",")).stream()
                .map(String::strip).map(Integer::parseInt).toList();
        String xmx = System.getProperty("bench.xmx", "8g");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> lines = new ArrayList<>();
        lines.add("| writer | responses | Responses columns | wall time | peak heap used | file size |");
        lines.add("|---|---:|---:|---:|---:|---:|");
        for (int n : rows) {
            for (String writer : List.of("survey-workbook", "fastexcel-same-cells")) {
                Process p = new ProcessBuilder(java, "-Xmx" + xmx, "-XX:+UseG1GC", "-cp", classpath,
                        SurveyWorkbookBenchmark.class.getName(), writer, String.valueOf(n)).redirectErrorStream(true).start();
                String result = null;
                try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("RESULT ")) result = line;
                        else if (!line.startsWith("WARNING") && !line.isBlank()) System.out.println("  [" + writer + "] " + line);
                    }
                }
                int exit = p.waitFor();
                String row;
                if (result == null) {
                    row = "| " + writer + " | " + n + " | | failed (exit " + exit + ") | | |";
                } else {
                    String[] f = result.split(" ");
                    row = "| %s | %,d | %s | %.2f s | %s MB | %.1f MB |".formatted(f[1], Integer.parseInt(f[2]), f[3],
                            Long.parseLong(f[4]) / 1000.0, f[5], Long.parseLong(f[6]) / 1_000_000.0);
                }
                System.out.println(row);
                lines.add(row);
            }
        }
        Path out = Path.of("target", "benchmark", "survey-workbook.md");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        System.out.println(String.join("\n", lines));
    }

    /** Worker JVM: java SurveyWorkbookBenchmark writer rows. Prints one RESULT line. */
    public static void main(String[] args) throws Exception {
        String writer = args[0];
        int rows = Integer.parseInt(args[1]);
        write(writer, 2_000, OutputStream.nullOutputStream());     // warm-up, not measured
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        Path file = Files.createTempFile("bench-survey-" + writer, ".xlsx");
        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            write(writer, rows, out);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long size = Files.size(file);
        Files.delete(file);
        long peakUsed = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peakUsed += pool.getPeakUsage().getUsed();
        }
        System.out.printf("RESULT %s %d %d %d %d %d%n", writer, rows, PLAN.header().size(), millis, peakUsed >> 20, size);
        System.exit(0);
    }

    static final SurveyStructure SURVEY = survey();
    static final SurveyWorkbookPlan PLAN = SurveyWorkbookPlan.of(List.of(SURVEY), false);

    static void write(String writer, int rows, OutputStream out) throws Exception {
        switch (writer) {
            case "survey-workbook" -> surveyWorkbook(rows, out);
            case "fastexcel-same-cells" -> fastexcel(rows, out);
            default -> throw new IllegalArgumentException(writer);
        }
    }

    static void surveyWorkbook(int rows, OutputStream out) throws Exception {
        var i18n = new MessagesI18NProvider();
        var counting = new SurveyWorkbook.ResponseRowMonitor(ExportMonitor.NONE);
        Consumer<Consumer<List<SubmittedResponse>>> pages = consumer -> {
            for (int from = 0; from < rows; from += 500) {
                List<SubmittedResponse> page = new ArrayList<>(500);
                for (int i = from; i < Math.min(rows, from + 500); i++) page.add(response(i));
                consumer.accept(page);
            }
        };
        try (WorkbookWriter workbook = WorkbookWriter.create(WorkbookOptions.defaults().withMonitor(counting))) {
            new SurveyWorkbook((key, params) -> i18n.translate(key, Locale.ENGLISH, params)).write(workbook, counting,
                    new SurveyWorkbook.Input(List.of(SURVEY), PLAN, "", rows, Instant.now(), "Benchmark"),
                    pages, page -> Map.of(), () -> SurveyResultsService.aggregate(SURVEY, null, pages));
            workbook.writeTo(out);
        }
    }

    static void fastexcel(int rows, OutputStream out) throws Exception {
        var wb = new org.dhatim.fastexcel.Workbook(out, "bench", "1.0");
        var ws = wb.newWorksheet("Responses");
        int cols = PLAN.header().size();
        for (int c = 0; c < cols; c++) {
            ws.value(0, c, PLAN.header().get(c).header());
            ws.style(0, c).bold().set();
        }
        ws.freezePane(0, 1);
        for (int i = 0; i < rows; i++) {
            Object[] v = PLAN.values(i + 1, response(i), null);
            int r = i + 1;
            for (int c = 0; c < cols; c++) {
                switch (v[c]) {
                    case null -> { }
                    case String s -> ws.value(r, c, s);
                    case org.ngoplatform.export.TextMarker m -> ws.value(r, c, m.text());
                    case Number n -> ws.value(r, c, n);
                    case LocalDate d -> {
                        ws.value(r, c, d);
                        ws.style(r, c).format("yyyy-mm-dd").set();
                    }
                    default -> throw new IllegalStateException(v[c].getClass().toString());
                }
            }
            if (r % 1000 == 0) ws.flush();
        }
        ws.setAutoFilter(0, 0, rows, cols - 1);
        wb.finish();
    }

    // ---- synthetic survey: 30 questions ----

    static final String[] WORDS = ("victims support shelter référence überweisung protección współpraca ενημέρωση "
            + "identification trafic žena pomoc mädchen niños asistencia legal aid hotline =1+1 "
            + "smlouva droits humains čas работа rights outreach exploitation labour médiateur").split(" ");
    static final String[] COUNTRIES = {"EE", "DE", "ES", "PL", "CZ", "GR", "RO", "SE", "IT", "AT", "UA", "MD"};

    static QuestionDef q(int id, String code, QuestionType type, Condition condition, String... options) {
        List<OptionDef> opts = new ArrayList<>();
        for (String o : options) opts.add(new OptionDef(o, "Option " + o));
        boolean other = type.hasOptions() && id % 2 == 0;
        return new QuestionDef(id, code, type, "Question " + code + " – über Ελλάδα", null, id % 3 == 0,
                type == QuestionType.NUMBER ? BigDecimal.ZERO : null, type == QuestionType.NUMBER ? BigDecimal.valueOf(100_000) : null,
                false, type == QuestionType.SCALE ? 1 : null, type == QuestionType.SCALE ? 5 : null,
                null, null, other, condition, opts);
    }

    static SurveyStructure survey() {
        List<QuestionDef> a = new ArrayList<>();
        List<QuestionDef> b = new ArrayList<>();
        int id = 1;
        for (int i = 1; i <= 6; i++) a.add(q(id++, "single" + i, QuestionType.SINGLE_CHOICE, null, "a", "b", "c", "d", "e"));
        for (int i = 1; i <= 4; i++) a.add(q(id++, "yesno" + i, QuestionType.YES_NO, null));
        Condition whenYes = Condition.oneOf("yesno1", Set.of("yes"));
        for (int i = 1; i <= 2; i++) a.add(q(id++, "multi" + i, QuestionType.MULTIPLE_CHOICE, i == 1 ? whenYes : null,
                "o1", "o2", "o3", "o4", "o5", "o6"));
        for (int i = 1; i <= 6; i++) b.add(q(id++, "scale" + i, QuestionType.SCALE, null));
        for (int i = 1; i <= 3; i++) b.add(q(id++, "number" + i, QuestionType.NUMBER, i == 1 ? whenYes : null));
        for (int i = 1; i <= 2; i++) b.add(q(id++, "date" + i, QuestionType.DATE, null));
        b.add(q(id++, "country", QuestionType.COUNTRY, null));
        for (int i = 1; i <= 2; i++) b.add(q(id++, "short" + i, QuestionType.SHORT_TEXT, null));
        for (int i = 1; i <= 4; i++) b.add(q(id++, "long" + i, QuestionType.LONG_TEXT, null));
        return new SurveyStructure(1, 1, 1, "Benchmark survey", null, null, SurveyAudience.PUBLIC_LINK,
                SurveyAnonymity.ANONYMOUS, 5, List.of(new SectionDef(1, 0, "Work", null, a), new SectionDef(2, 1, "Cases", null, b)));
    }

    static SubmittedResponse response(int i) {
        SplittableRandom r = new SplittableRandom(42L * 1_000_003 + i);
        Map<String, Answer> answers = new LinkedHashMap<>();
        boolean yes = r.nextInt(3) != 0;
        for (QuestionDef q : SURVEY.questions()) {
            if (q.condition() != null && !yes) {
                answers.put(q.code(), new Answer(AnswerState.SKIPPED_BY_CONDITION, AnswerValue.EMPTY));
                continue;
            }
            if (!q.required() && r.nextInt(10) == 0) {
                answers.put(q.code(), new Answer(AnswerState.UNANSWERED, AnswerValue.EMPTY));
                continue;
            }
            AnswerValue v = switch (q.type()) {
                case SINGLE_CHOICE -> q.allowOther() && r.nextInt(8) == 0
                        ? AnswerValue.ofOptions(Set.of("other"), text(r, 10 + r.nextInt(40)))
                        : AnswerValue.ofOptions(q.options().get(r.nextInt(q.options().size())).code());
                case YES_NO -> AnswerValue.ofOptions(q.code().equals("yesno1") ? (yes ? "yes" : "no") : r.nextBoolean() ? "yes" : "no");
                case MULTIPLE_CHOICE -> {
                    Set<String> chosen = new LinkedHashSet<>();
                    for (OptionDef o : q.options()) if (r.nextInt(3) == 0) chosen.add(o.code());
                    if (chosen.isEmpty()) chosen.add(q.options().getFirst().code());
                    String other = null;
                    if (q.allowOther() && r.nextInt(6) == 0) {
                        chosen.add("other");
                        other = text(r, 10 + r.nextInt(40));
                    }
                    yield AnswerValue.ofOptions(chosen, other);
                }
                case SCALE -> AnswerValue.ofNumber(1 + r.nextInt(5));
                case NUMBER -> AnswerValue.ofNumber(BigDecimal.valueOf(r.nextInt(10_000_000), 2));
                case DATE -> AnswerValue.ofDate(LocalDate.of(2005, 1, 1).plusDays(r.nextInt(7_000)));
                case MATRIX, RANKING -> AnswerValue.EMPTY; // the benchmark's survey has neither
                case COUNTRY -> AnswerValue.ofText(COUNTRIES[r.nextInt(COUNTRIES.length)]);
                case SHORT_TEXT -> AnswerValue.ofText(text(r, 5 + r.nextInt(60)));
                case LONG_TEXT -> AnswerValue.ofText(text(r, 20 + r.nextInt(281)));
            };
            answers.put(q.code(), new Answer(AnswerState.ANSWERED, v));
        }
        return new SubmittedResponse(i + 1, 1, "2026-W" + (10 + r.nextInt(40)), answers);
    }

    static String text(SplittableRandom r, int length) {
        StringBuilder sb = new StringBuilder(length + 20);
        while (sb.length() < length) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(WORDS[r.nextInt(WORDS.length)]);
        }
        sb.setLength(length);
        return sb.toString().strip();
    }
}
