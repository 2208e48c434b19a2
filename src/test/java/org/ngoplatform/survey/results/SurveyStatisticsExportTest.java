package org.ngoplatform.survey.results;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportState;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.SurveyTestData.Built;
import org.ngoplatform.survey.design.QuestionForm;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveySettingsForm;
import org.ngoplatform.survey.respond.ResponseStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The downloads for statistics software: every variable, label, value label and missing code of the workbook's plan
 * in each of them, formula-like text safe and given back exactly, identity as in the workbook, audited. The SPSS
 * syntax runs in GNU PSPP and the R script in R when they are installed ({@code .ci/run} installs both); the checks
 * on the files' text run always.
 */
@IntegrationTest
class SurveyStatisticsExportTest {

    @Autowired SurveyTestData data;
    @Autowired SurveyBuilderService builder;
    @Autowired SurveyExportService surveyExport;
    @Autowired SurveyResultsService results;
    @Autowired ResponseStore responses;
    @Autowired ExportService exports;
    @Autowired AuditLog auditLog;
    @Autowired AccountFixtures fixtures;
    @TempDir Path dir;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    static final String CMD = "=cmd|' /C calc'!A0";
    static final String UNICODE = "Sozialarbeiterin – Київ, Ελλάδα 🌍";
    static final String STORY = "Line one, \"quoted\"\nline two – выживание";

    /** Every question type (matrix and ranking optional); routes only when claimed = yes; change is a number without a lower bound. */
    private Built everyTypeSurvey(SurveySettingsForm settings) {
        AccountPrincipal analyst = fixtures.signIn(Role.ANALYST);
        long id = builder.create(settings);
        QuestionForm role = SurveyTestData.choice("role", QuestionType.SINGLE_CHOICE, true, "lawyer", "ngo");
        role.setAllowOther(true);
        builder.addQuestion(id, 0, role);
        builder.addQuestion(id, 0, SurveyTestData.choice("claimed", QuestionType.YES_NO, true));
        QuestionForm routes = SurveyTestData.when(SurveyTestData.choice("routes", QuestionType.MULTIPLE_CHOICE, true,
                "criminal", "civil", "fund"), "claimed", "yes");
        routes.setAllowOther(true);
        builder.addQuestion(id, 0, routes);
        QuestionForm amount = SurveyTestData.number("amount", false, 0, 1_000_000);
        amount.setIntegerOnly(false);
        builder.addQuestion(id, 0, amount);
        QuestionForm change = SurveyTestData.text("change", QuestionType.NUMBER);
        builder.addQuestion(id, 0, change);
        builder.addSection(id, "More", null);
        QuestionForm trust = SurveyTestData.text("trust", QuestionType.SCALE);
        trust.setText("Trust in the \"police\" – Vertrauen");
        trust.setScaleMin(1);
        trust.setScaleMax(5);
        trust.setScaleMinLabel("None at all");
        trust.setScaleMaxLabel("Complete");
        builder.addQuestion(id, 1, trust);
        builder.addQuestion(id, 1, SurveyTestData.text("country", QuestionType.COUNTRY));
        builder.addQuestion(id, 1, SurveyTestData.text("since", QuestionType.DATE));
        builder.addQuestion(id, 1, SurveyTestData.text("name", QuestionType.SHORT_TEXT));
        builder.addQuestion(id, 1, SurveyTestData.text("story", QuestionType.LONG_TEXT));
        builder.addQuestion(id, 1, SurveyTestData.matrix("rights", false, false, List.of("police", "court"), "yes", "no"));
        builder.addQuestion(id, 1, SurveyTestData.matrix("tasks", false, true, List.of("a"), "x", "y"));
        builder.addQuestion(id, 1, SurveyTestData.ranking("needs", false, "money", "safety", "work"));
        builder.changeStatus(id, SurveyStatus.OPEN);
        String key = builder.find(id).orElseThrow().publicKey();
        AccountFixtures.signOut();
        return new Built(id, key, analyst);
    }

    /** Three responses: everything answered with formula-like text; "no" (routes not asked); other formula-like text. */
    private Built answered(SurveySettingsForm settings) {
        Built survey = everyTypeSurvey(settings);
        data.submit(survey, Map.ofEntries(
                Map.entry("rights", AnswerValue.ofRows(Map.of("police", Set.of("yes"), "court", Set.of("no")))),
                Map.entry("tasks", AnswerValue.ofRows(Map.of("a", Set.of("x")))),
                Map.entry("needs", AnswerValue.ofRanking(List.of("safety", "money", "work"))),
                Map.entry("role", AnswerValue.ofOptions(new LinkedHashSet<>(List.of("other")), "@SUM(A1)")),
                Map.entry("claimed", AnswerValue.ofOptions("yes")),
                Map.entry("routes", AnswerValue.ofOptions(new LinkedHashSet<>(List.of("criminal", "other")), "-2+3")),
                Map.entry("amount", AnswerValue.ofNumber(new BigDecimal("1234.5"))),
                Map.entry("change", AnswerValue.ofNumber(-40)),
                Map.entry("trust", AnswerValue.ofNumber(4)),
                Map.entry("country", AnswerValue.ofText("UA")),
                Map.entry("since", AnswerValue.ofDate(LocalDate.of(2024, 2, 29))),
                Map.entry("name", AnswerValue.ofText(CMD)),
                Map.entry("story", AnswerValue.ofText(STORY))));
        data.submit(survey, Map.of("role", AnswerValue.ofOptions("lawyer"), "claimed", AnswerValue.ofOptions("no")));
        data.submit(survey, Map.of("role", AnswerValue.ofOptions("ngo"), "claimed", AnswerValue.ofOptions("no"),
                "name", AnswerValue.ofText("'already quoted"), "story", AnswerValue.ofText("+" + UNICODE)));
        return survey;
    }

    private StatisticsVariables variables(Built survey, boolean identity) {
        List<SurveyStructure> versions = responses.versions(survey.id());
        return StatisticsVariables.of(SurveyWorkbookPlan.of(versions, identity), versions, surveyExport::t);
    }

    private Path download(ExportStatus status) {
        assertThat(status.state()).isEqualTo(ExportState.DONE);
        return exports.download(status.jobId()).path();
    }

    private Map<String, String> unzip(Path zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                Files.write(dir.resolve(e.getName()), bytes);
                files.put(e.getName(), new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        try (Reader r = new java.io.StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            return CSVFormat.RFC4180.parse(r).getRecords();
        }
    }

    /** Runs a program in the temp folder; its output, or a failure with it when it exits with an error. */
    private String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + " exit code; output:\n" + out).isZero();
        return out;
    }

    private static boolean installed(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(folder, program))) return true;
        }
        return false;
    }

    @Test
    void spss_syntax_declares_every_variable_label_value_label_and_missing_code_of_the_plan() throws Exception {
        Built survey = answered(SurveyTestData.settings("SPSS every type"));
        AccountFixtures.signIn(survey.analyst());
        Map<String, String> files = unzip(download(surveyExport.exportStatistics(survey.id(), StatisticsFormat.SPSS,
                null, false, null)));
        assertThat(files).containsOnlyKeys("survey.sps", "data.csv");
        String sps = files.get("survey.sps");
        StatisticsVariables vars = variables(survey, false);
        Map<String, String> names = SpssSyntax.names(vars.variables());
        String variablesBlock = sps.substring(sps.indexOf("/VARIABLES="), sps.indexOf("\n.\n"));
        String labelsBlock = sps.substring(sps.indexOf("VARIABLE LABELS"), sps.indexOf(".\n", sps.indexOf("VARIABLE LABELS")));
        String valueLabels = sps.substring(sps.indexOf("VALUE LABELS"), sps.indexOf("MISSING VALUES"));
        String missing = sps.substring(sps.indexOf("MISSING VALUES"), sps.indexOf(".\n", sps.indexOf("MISSING VALUES")));
        // question columns come out of the plan: one SPSS variable for each, same order as the data's columns
        List<String> header = csv(files.get("data.csv")).getFirst().toList();
        assertThat(header).isEqualTo(vars.variables().stream().map(StatisticsVariables.Variable::name).toList());
        assertThat(header).containsSequence("routes.criminal", "routes.civil", "routes.fund", "routes.other",
                "routes.other_text");
        assertThat(header).containsSequence("rights.police", "rights.court", "tasks.a.x", "tasks.a.y", "needs.rank1",
                "needs.rank2", "needs.rank3");
        for (StatisticsVariables.Variable v : vars.variables()) {
            String n = names.get(v.name());
            assertThat(variablesBlock).as("variable " + n).containsPattern("\\n    " + java.util.regex.Pattern.quote(n) + " [FA]\\d");
            assertThat(unsplit(labelsBlock)).as("label of " + n).contains(n + " " + "\"" + v.label().replace("\"", "\"\"") + "\"");
            v.valueLabels().forEach((code, label) -> assertThat(unsplit(valueLabels)).as(n + " = " + code)
                    .contains((v.numeric() ? code : "\"" + code + "\"") + " \"" + label + "\""));
            if (v.question()) {
                assertThat(missing).as("missing values of " + n).contains(n + " (" + (v.numeric()
                        ? String.join(", ", v.numericMissing().stream().map(BigDecimal::toPlainString).toList())
                        : "\".s\", \".n\", \".v\"") + ")");
            } else {
                assertThat(missing).doesNotContain(n + " (");
            }
        }
        assertThat(unsplit(valueLabels)).contains("\"lawyer\" \"Label lawyer\"", "\"other\" \"Other\"", "\"yes\" \"Yes\"",
                "1 \"Selected\"", "0 \"Not selected\"", "1 \"None at all\"", "5 \"Complete\"", "-7 \"Not asked",
                "\".s\" \"Not asked");
        // a matrix row's and a ranked place's values are the option codes; a row's option is 1/0
        Map<String, StatisticsVariables.Variable> byName = new HashMap<>();
        vars.variables().forEach(v -> byName.put(v.name(), v));
        assertThat(byName.get("rights.police").valueLabels()).containsExactly(Map.entry("yes", "Label yes"),
                Map.entry("no", "Label no"));
        assertThat(byName.get("rights.police").label()).isEqualTo("Question rights: Row police");
        assertThat(byName.get("tasks.a.y").valueLabels()).containsOnlyKeys("1", "0");
        assertThat(byName.get("tasks.a.y").label()).isEqualTo("Question tasks: Row a: Label y");
        assertThat(byName.get("needs.rank2").valueLabels()).containsOnlyKeys("money", "safety", "work");
        assertThat(byName.get("needs.rank2").label()).isEqualTo("Question needs: Rank 2");
        assertThat(byName.get("needs.rank2").question()).isTrue();
        // a number without a lower bound gets codes below anything DECIMAL(19,4) can hold
        assertThat(missing).contains("change (-1000000000000001, -1000000000000002, -1000000000000003)",
                "amount (-7, -8, -9)");

        // formula-like text is defused in data.csv (one apostrophe more) and never split over lines for SPSS
        String dataCsv = files.get("data.csv");
        assertThat(dataCsv).contains("'=cmd|", "'@SUM(A1)", "'-2+3", "''already quoted", "'+Sozial")
                .doesNotContain(",=cmd", ",@SUM", ",-2+3", ",+Sozial");
        assertThat(dataCsv.lines().count()).isEqualTo(4);

        Assumptions.assumeTrue(installed("pspp"), "GNU PSPP not installed (apt-get install pspp): syntax not run");
        Files.writeString(dir.resolve("check.sps"), """
                INCLUDE FILE='survey.sps'.
                SAVE TRANSLATE /OUTFILE='out.csv' /TYPE=CSV /FIELDNAMES /CELLS=VALUES /MISSING=IGNORE /REPLACE.
                """);
        String out = run("pspp", "-O", "format=txt", "-o", "pspp.txt", "check.sps");
        String listing = out + Files.readString(dir.resolve("pspp.txt"));
        assertThat(listing).as("PSPP reads the syntax and data without a warning").doesNotContainIgnoringCase("warning")
                .doesNotContainIgnoringCase("error");
        List<CSVRecord> read = csv(Files.readString(dir.resolve("out.csv")));
        assertThat(read.getFirst().toList()).containsExactlyElementsOf(names.values());
        Map<String, Map<String, String>> byRole = new HashMap<>();
        for (CSVRecord r : read.subList(1, read.size())) {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < r.size(); i++) row.put(read.getFirst().get(i), r.get(i).strip());
            byRole.put(row.get("role"), row);
        }
        assertThat(byRole).containsOnlyKeys("other", "lawyer", "ngo");
        assertThat(byRole.get("other")).containsEntry("name", CMD).containsEntry("role.other_text", "@SUM(A1)")
                .containsEntry("routes.other_text", "-2+3").containsEntry("routes.criminal", "1")
                .containsEntry("routes.civil", "0").containsEntry("country", "UA").containsEntry("since", "2024-02-29")
                .containsEntry("trust", "4").containsEntry("change", "-40")
                .containsEntry("story", STORY.replace("\n", " "))
                .containsEntry(names.get("rights.police"), "yes").containsEntry(names.get("rights.court"), "no")
                .containsEntry(names.get("tasks.a.x"), "1").containsEntry(names.get("tasks.a.y"), "0")
                .containsEntry(names.get("needs.rank1"), "safety").containsEntry(names.get("needs.rank3"), "work");
        assertThat(byRole.get("lawyer")).containsEntry("routes.criminal", "-7").containsEntry("routes.other_text", ".s")
                .containsEntry("trust", "-8").containsEntry("since", ".n").containsEntry("name", ".n")
                .containsEntry("change", "-1000000000000002").containsEntry(names.get("rights.police"), ".n")
                .containsEntry(names.get("tasks.a.x"), "-8").containsEntry(names.get("needs.rank1"), ".n");
        assertThat(byRole.get("ngo")).containsEntry("name", "'already quoted").containsEntry("story", "+" + UNICODE);
    }

    /** Syntax pieces joined with + back into one string. */
    private static String unsplit(String syntax) {
        return syntax.replaceAll("\" \\+\\n\\s*\"", "");
    }

    @Test
    void r_script_labels_every_variable_with_factor_levels_and_keeps_missing_codes() throws Exception {
        Built survey = answered(SurveyTestData.settings("R every type"));
        AccountFixtures.signIn(survey.analyst());
        Map<String, String> files = unzip(download(surveyExport.exportStatistics(survey.id(), StatisticsFormat.R,
                null, false, null)));
        assertThat(files).containsOnlyKeys("survey.R", "data.csv");
        String script = files.get("survey.R");
        StatisticsVariables vars = variables(survey, false);
        for (StatisticsVariables.Variable v : vars.variables()) {
            assertThat(script).as("variable " + v.name()).contains("survey[[" + RScript.string(v.name()) + "]] <- "
                    + "survey_variable(raw[[" + RScript.string(v.name()) + "]], " + RScript.string(v.label()) + ", ");
            v.valueLabels().values().forEach(label -> assertThat(script).contains(RScript.string(label)));
        }
        assertThat(script).contains("levels = c(\"lawyer\", \"ngo\", \"other\")",
                "labels = c(\"Label lawyer\", \"Label ngo\", \"Other\")", "setNames(c(1, 0), c(\"Selected\", \"Not selected\"))",
                "\"Trust in the \\\"police\\\" – Vertrauen\"");

        Assumptions.assumeTrue(installed("Rscript"), "R not installed (apt-get install r-base-core): script not run");
        Files.writeString(dir.resolve("check.R"), """
                source("survey.R", encoding = "UTF-8")
                out <- file("check.tsv", open = "w", encoding = "UTF-8")
                for (n in names(survey)) {
                  x <- survey[[n]]
                  writeLines(paste(n, class(x)[1], attr(x, "label"), paste(levels(x), collapse = "|"),
                                   paste(ifelse(is.na(attr(x, "missing_code")), "", attr(x, "missing_code")), collapse = "|"),
                                   sep = "\\t"), out)
                }
                close(out)
                keyed <- survey[order(as.character(survey$role)), ]
                write.csv(data.frame(role = as.character(keyed$role), name = keyed$name, story = keyed$story,
                                     other = keyed$role.other_text, routes = keyed$routes.other_text,
                                     change = keyed$change, since = format(keyed$since), trust = keyed$trust,
                                     criminal = keyed$routes.criminal, police = as.character(keyed$rights.police),
                                     task = keyed$tasks.a.x, first = as.character(keyed$needs.rank1)),
                          "values.csv", row.names = FALSE, fileEncoding = "UTF-8")
                """);
        run("Rscript", "--vanilla", "check.R");
        Map<String, String[]> described = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("check.tsv"), StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t", -1);
            described.put(parts[0], parts);
        }
        assertThat(described.keySet()).containsExactlyInAnyOrderElementsOf(
                vars.variables().stream().map(StatisticsVariables.Variable::name).toList());
        for (StatisticsVariables.Variable v : vars.variables()) {
            assertThat(described.get(v.name())[2]).as("label of " + v.name()).isEqualTo(v.label());
        }
        assertThat(described.get("role")[1]).isEqualTo("factor");
        assertThat(described.get("role")[3]).isEqualTo("Label lawyer|Label ngo|Other");
        assertThat(described.get("claimed")[3]).isEqualTo("Yes|No");
        assertThat(described.get("amount")[1]).isEqualTo("numeric");
        assertThat(described.get("since")[1]).isEqualTo("Date");
        assertThat(described.get("name")[1]).isEqualTo("character");
        assertThat(described.get("routes.criminal")[4].split("\\|", -1)).containsOnlyOnce("").contains(".s")
                .filteredOn(".s"::equals).hasSize(2);

        List<CSVRecord> values = csv(Files.readString(dir.resolve("values.csv")));
        // sorted by role's label: Label lawyer, Label ngo, Other
        assertThat(values.get(1).toList()).containsExactly("Label lawyer", "NA", "NA", "NA", "NA", "NA", "NA", "NA", "NA",
                "NA", "NA", "NA");
        assertThat(values.get(2).toList()).containsExactly("Label ngo", "'already quoted", "+" + UNICODE, "NA", "NA",
                "NA", "NA", "NA", "NA", "NA", "NA", "NA");
        assertThat(values.get(3).toList()).containsExactly("Other", CMD, STORY, "@SUM(A1)", "-2+3", "-40",
                "2024-02-29", "4", "1", "Label yes", "1", "Label safety");
        assertThat(described.get("rights.police")[3]).isEqualTo("Label yes|Label no");
        assertThat(described.get("needs.rank1")[3]).isEqualTo("Label money|Label safety|Label work");
    }

    @Test
    void long_csv_has_a_row_per_response_and_variable_with_codes_labels_and_missing_codes() throws Exception {
        Built survey = answered(SurveyTestData.settings("Long every type"));
        AccountFixtures.signIn(survey.analyst());
        ExportStatus status = surveyExport.exportStatistics(survey.id(), StatisticsFormat.LONG_CSV, null, false, null);
        assertThat(status.fileName()).isEqualTo("survey-" + survey.id() + "-long.csv");
        assertThat(status.rowsDone()).as("progress counts responses").isEqualTo(3);
        List<CSVRecord> rows = csv(Files.readString(download(status)));
        StatisticsVariables vars = variables(survey, false);
        List<StatisticsVariables.Variable> questions = vars.variables().stream()
                .filter(StatisticsVariables.Variable::question).toList();
        assertThat(rows.getFirst().toList()).containsExactly("row_number", "version", "submitted_week", "variable",
                "variable_label", "value", "value_label", "missing_code", "missing_label");
        assertThat(rows).hasSize(1 + 3 * questions.size());
        for (int r = 0; r < 3; r++) {
            List<String> order = rows.subList(1 + r * questions.size(), 1 + (r + 1) * questions.size()).stream()
                    .map(c -> c.get(3)).toList();
            assertThat(order).isEqualTo(questions.stream().map(StatisticsVariables.Variable::name).toList());
        }
        Map<String, List<String>> byVariableAndRow = new HashMap<>();
        for (CSVRecord rec : rows.subList(1, rows.size())) {
            byVariableAndRow.computeIfAbsent(rec.get(3), k -> new ArrayList<>()).add(String.join("|",
                    rec.get(5), rec.get(6), rec.get(7), rec.get(8)));
        }
        assertThat(byVariableAndRow.get("role")).containsExactlyInAnyOrder("other|Other||", "lawyer|Label lawyer||",
                "ngo|Label ngo||");
        assertThat(byVariableAndRow.get("routes.criminal")).containsExactlyInAnyOrder("1|Selected||",
                "||.s|Not asked (the question's condition was not met)",
                "||.s|Not asked (the question's condition was not met)");
        assertThat(byVariableAndRow.get("name")).containsExactlyInAnyOrder("'" + CMD + "|||", "''already quoted|||",
                "||.n|Asked but not answered");
        assertThat(byVariableAndRow.get("trust")).contains("4|||");
        assertThat(byVariableAndRow.get("routes.other_text")).contains("'-2+3|||");
        assertThat(byVariableAndRow.get("role.other_text")).contains("'@SUM(A1)|||");
        assertThat(byVariableAndRow.get("story")).contains(STORY + "|||", "'+" + UNICODE + "|||");
        assertThat(byVariableAndRow.get("rights.police")).containsExactlyInAnyOrder("yes|Label yes||",
                "||.n|Asked but not answered", "||.n|Asked but not answered");
        assertThat(byVariableAndRow.get("tasks.a.y")).contains("0|Not selected||");
        assertThat(byVariableAndRow.get("needs.rank2")).contains("money|Label money||");
    }

    /** Per column, how many cells hold each code; rows are the data lines of a CSV with a header. */
    private static Map<String, Map<String, Long>> tally(List<CSVRecord> rows, Map<String, String> columns) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        List<String> header = rows.getFirst().toList();
        columns.forEach((variable, name) -> {
            int at = header.indexOf(name);
            assertThat(at).as(name).isNotNegative();
            Map<String, Long> counts = new HashMap<>();
            rows.subList(1, rows.size()).forEach(r -> counts.merge(r.get(at).strip(), 1L, Long::sum));
            out.put(variable, counts);
        });
        return out;
    }

    /**
     * Issue 17's round trip for the new types: the same matrix and ranking answers counted in the results equal the
     * cells of the workbook, of the SPSS data as PSPP reads it with the syntax, of the R data frame as the script
     * builds it, and the rows of the long CSV, each with the option's code (or label where R shows labels).
     */
    @Test
    void a_ranking_and_a_matrix_answer_appear_identically_in_results_workbook_spss_r_and_long_csv() throws Exception {
        AccountPrincipal analyst = fixtures.signIn(Role.ANALYST);
        SurveySettingsForm settings = SurveyTestData.settings("Round trip matrix ranking");
        settings.setSuppressionK(2);
        long id = builder.create(settings);
        builder.addQuestion(id, 0, SurveyTestData.matrix("rights", true, false, List.of("police", "court"), "yes", "no"));
        builder.addQuestion(id, 0, SurveyTestData.ranking("needs", true, "money", "safety", "work"));
        builder.changeStatus(id, SurveyStatus.OPEN);
        Built survey = new Built(id, builder.find(id).orElseThrow().publicKey(), analyst);
        AccountFixtures.signOut();
        for (int i = 0; i < 4; i++) {
            data.submit(survey, Map.of(
                    "rights", AnswerValue.ofRows(Map.of("police", Set.of(i < 2 ? "yes" : "no"), "court", Set.of("no"))),
                    "needs", AnswerValue.ofRanking(i < 2 ? List.of("money", "safety", "work") : List.of("safety", "money", "work"))));
        }
        AccountFixtures.signIn(analyst);

        // the results: per matrix row the options, per ranked option its places; expected cells per column and code
        Map<String, Map<String, Long>> expected = new HashMap<>();
        for (SurveyResultsService.QuestionResult q : results.results(id, null).questions()) {
            for (SurveyResultsService.RowResult row : q.rows()) {
                for (SurveyResultsService.OptionCount o : row.options()) {
                    long n = o.count().value().orElseThrow();
                    String column = q.question().code().equals("needs") ? "needs.rank" + o.code() : "rights." + row.code();
                    String code = q.question().code().equals("needs") ? row.code() : o.code();
                    if (n > 0) expected.computeIfAbsent(column, c -> new HashMap<>()).put(code, n);
                }
            }
        }
        assertThat(expected).isEqualTo(Map.of(
                "rights.police", Map.of("yes", 2L, "no", 2L), "rights.court", Map.of("no", 4L),
                "needs.rank1", Map.of("money", 2L, "safety", 2L), "needs.rank2", Map.of("money", 2L, "safety", 2L),
                "needs.rank3", Map.of("work", 4L)));
        Map<String, String> same = new HashMap<>();
        expected.keySet().forEach(c -> same.put(c, c));

        // the workbook's Responses cells
        ExportStatus workbook = surveyExport.exportResults(id, null, false);
        try (InputStream in = Files.newInputStream(download(workbook));
             org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var sheet = wb.getSheet("Responses");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            Map<String, Map<String, Long>> cells = new HashMap<>();
            for (String column : expected.keySet()) {
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    cells.computeIfAbsent(column, c -> new HashMap<>())
                            .merge(sheet.getRow(r).getCell(header.indexOf(column)).getStringCellValue(), 1L, Long::sum);
                }
            }
            assertThat(cells).isEqualTo(expected);
        }

        // SPSS: the data file and the syntax's value labels; PSPP reads both back to the same codes
        Map<String, String> spss = unzip(download(surveyExport.exportStatistics(id, StatisticsFormat.SPSS, null, false, null)));
        assertThat(tally(csv(spss.get("data.csv")), same)).isEqualTo(expected);
        Map<String, String> names = SpssSyntax.names(variables(survey, false).variables());
        String sps = unsplit(spss.get("survey.sps"));
        assertThat(sps).contains("\"yes\" \"Label yes\"", "\"safety\" \"Label safety\"", "\"work\" \"Label work\"");
        if (installed("pspp")) {
            Files.writeString(dir.resolve("check.sps"), """
                    INCLUDE FILE='survey.sps'.
                    SAVE TRANSLATE /OUTFILE='out.csv' /TYPE=CSV /FIELDNAMES /CELLS=VALUES /MISSING=IGNORE /REPLACE.
                    """);
            run("pspp", "-O", "format=txt", "-o", "pspp.txt", "check.sps");
            Map<String, String> spssNames = new HashMap<>();
            expected.keySet().forEach(c -> spssNames.put(c, names.get(c)));
            assertThat(tally(csv(Files.readString(dir.resolve("out.csv"))), spssNames)).isEqualTo(expected);
        }

        // R: the script's data frame holds the same answers as factors labelled with the options' labels
        Map<String, String> r = unzip(download(surveyExport.exportStatistics(id, StatisticsFormat.R, null, false, null)));
        assertThat(tally(csv(r.get("data.csv")), same)).isEqualTo(expected);
        assertThat(r.get("survey.R")).contains("levels = c(\"money\", \"safety\", \"work\")",
                "labels = c(\"Label money\", \"Label safety\", \"Label work\")");
        if (installed("Rscript")) {
            Files.writeString(dir.resolve("check.R"), """
                    source("survey.R", encoding = "UTF-8")
                    write.csv(data.frame(rights.police = as.character(survey$rights.police),
                                         rights.court = as.character(survey$rights.court),
                                         needs.rank1 = as.character(survey$needs.rank1),
                                         needs.rank2 = as.character(survey$needs.rank2),
                                         needs.rank3 = as.character(survey$needs.rank3)),
                              "values.csv", row.names = FALSE, fileEncoding = "UTF-8")
                    """);
            run("Rscript", "--vanilla", "check.R");
            Map<String, Map<String, Long>> labelled = new HashMap<>();
            expected.forEach((c, counts) -> counts.forEach((code, n) ->
                    labelled.computeIfAbsent(c, k -> new HashMap<>()).put("Label " + code, n)));
            assertThat(tally(csv(Files.readString(dir.resolve("values.csv"))), same)).isEqualTo(labelled);
        }

        // long CSV: one row per response and variable, with the code and its label
        List<CSVRecord> rows = csv(Files.readString(download(surveyExport.exportStatistics(id, StatisticsFormat.LONG_CSV,
                null, false, null))));
        Map<String, Map<String, Long>> longCounts = new HashMap<>();
        for (CSVRecord rec : rows.subList(1, rows.size())) {
            assertThat(rec.get(6)).isEqualTo("Label " + rec.get(5));
            longCounts.computeIfAbsent(rec.get(3), k -> new HashMap<>()).merge(rec.get(5), 1L, Long::sum);
        }
        assertThat(longCounts).isEqualTo(expected);
    }

    @Test
    void downloads_are_audited_like_the_workbook_and_refused_to_participants() throws Exception {
        Built survey = answered(SurveyTestData.settings("Audited"));
        AccountFixtures.signIn(survey.analyst());
        for (StatisticsFormat f : StatisticsFormat.values()) {
            download(surveyExport.exportStatistics(survey.id(), f, new org.ngoplatform.survey.respond.ResponseFilter(
                    "claimed", "no"), false, null));
        }
        fixtures.signIn(Role.PARTICIPANT);
        for (StatisticsFormat f : StatisticsFormat.values()) {
            assertThatThrownBy(() -> surveyExport.exportStatistics(survey.id(), f, null, false, null))
                    .isInstanceOf(AccessDeniedException.class);
        }
        fixtures.signIn(Role.ORGANISER);
        var finished = auditLog.forSubject("survey:" + survey.id()).stream()
                .filter(e -> e.getAction().equals(ExportService.FINISHED)).toList();
        assertThat(finished).hasSize(3);
        assertThat(finished).allSatisfy(e -> assertThat(e.getDetails())
                .contains("filter=claimed = no", "rows=2", "identity=false"));
        assertThat(finished).extracting(e -> e.getDetails().replaceAll(".*format=(\\w+).*", "$1"))
                .containsExactlyInAnyOrder("ZIP", "ZIP", "CSV");
        assertThat(auditLog.forSubject("survey:" + survey.id()))
                .filteredOn(e -> e.getAction().equals(ExportService.DOWNLOADED)).hasSize(3);
    }

    @Test
    void identity_goes_only_to_organisers_of_identified_surveys_as_in_the_workbook() throws Exception {
        SurveySettingsForm settings = SurveyTestData.settings("Identified statistics");
        settings.setAudience(SurveyAudience.SIGNED_IN);
        settings.setAnonymity(SurveyAnonymity.IDENTIFIED);
        Built survey = data.openSurvey(settings);
        AccountPrincipal participant = fixtures.signIn(Role.PARTICIPANT);
        data.submit(survey, SurveyTestData.complete("ngo", 5, false));

        AccountFixtures.signIn(survey.analyst());
        assertThatThrownBy(() -> surveyExport.exportStatistics(survey.id(), StatisticsFormat.R, null, true, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(csv(unzip(download(surveyExport.exportStatistics(survey.id(), StatisticsFormat.R, null, false,
                null))).get("data.csv")).getFirst().toList()).doesNotContain(SurveyWorkbookPlan.NAME, SurveyWorkbookPlan.EMAIL);

        AccountPrincipal organiser = fixtures.signIn(Role.ORGANISER);
        List<CSVRecord> withIdentity = csv(unzip(download(surveyExport.exportStatistics(survey.id(),
                StatisticsFormat.SPSS, null, true, null))).get("data.csv"));
        assertThat(withIdentity.getFirst().toList()).startsWith("row_number", SurveyWorkbookPlan.NAME,
                SurveyWorkbookPlan.EMAIL, "version");
        assertThat(withIdentity.get(1).get(2)).isEqualTo(participant.getUsername());
        assertThat(auditLog.forSubject("survey:" + survey.id()))
                .anySatisfy(e -> assertThat(e.getAction()).isEqualTo("SURVEY_RESPONDENTS_READ"));

        Built anonymous = answered(SurveyTestData.settings("Anonymous statistics"));
        AccountFixtures.signIn(organiser);
        List<CSVRecord> longRows = csv(Files.readString(download(surveyExport.exportStatistics(anonymous.id(),
                StatisticsFormat.LONG_CSV, null, true, null))));
        assertThat(longRows.getFirst().toList()).as("anonymous: no identity whoever asks")
                .doesNotContain(SurveyWorkbookPlan.NAME, SurveyWorkbookPlan.EMAIL);
        assertThat(longRows.getFirst().toList().toString().toLowerCase(Locale.ROOT)).doesNotContain("email");
    }
}
