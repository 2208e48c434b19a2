package org.ngoplatform.survey.results;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditEvent;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportState;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.export.WorkbookWriter;
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
import org.ngoplatform.survey.respond.ResponseFilter;
import org.ngoplatform.survey.respond.ResponseStore;
import org.ngoplatform.survey.respond.SubmittedResponse;
import org.ngoplatform.survey.results.SurveyResultsService.OptionCount;
import org.ngoplatform.survey.results.SurveyResultsService.QuestionResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class SurveyExportServiceTest {

    @Autowired SurveyTestData data;
    @Autowired SurveyBuilderService builder;
    @Autowired SurveyExportService surveyExport;
    @Autowired SurveyResultsService results;
    @Autowired ResponseStore responses;
    @Autowired ExportService exports;
    @Autowired AuditLog auditLog;
    @Autowired AccountFixtures fixtures;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    static final String UNICODE = "Sozialarbeiterin – Київ, Ελλάδα 🌍";
    static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";

    /** Every question type; routes is asked only when claimed = yes; role and routes allow "other". */
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
        QuestionForm amount = new QuestionForm();
        amount.setCode("amount");
        amount.setType(QuestionType.NUMBER);
        amount.setText("Amount awarded (EUR)");
        amount.setMin(BigDecimal.ZERO);
        amount.setMax(BigDecimal.valueOf(1_000_000));
        builder.addQuestion(id, 0, amount);
        builder.addSection(id, "More", null);
        QuestionForm trust = new QuestionForm();
        trust.setCode("trust");
        trust.setType(QuestionType.SCALE);
        trust.setText("Trust in the police");
        trust.setScaleMin(1);
        trust.setScaleMax(5);
        builder.addQuestion(id, 1, trust);
        builder.addQuestion(id, 1, SurveyTestData.text("country", QuestionType.COUNTRY));
        builder.addQuestion(id, 1, SurveyTestData.text("since", QuestionType.DATE));
        builder.addQuestion(id, 1, SurveyTestData.text("name", QuestionType.SHORT_TEXT));
        builder.addQuestion(id, 1, SurveyTestData.text("story", QuestionType.LONG_TEXT));
        builder.changeStatus(id, SurveyStatus.OPEN);
        String key = builder.find(id).orElseThrow().publicKey();
        AccountFixtures.signOut();
        return new Built(id, key, analyst);
    }

    private Path download(ExportStatus status) {
        assertThat(status.state()).isEqualTo(ExportState.DONE);
        return exports.download(status.jobId()).path();
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> header(Sheet sheet) {
        List<String> names = new ArrayList<>();
        sheet.getRow(0).forEach(c -> names.add(c.getStringCellValue()));
        return names;
    }

    /** Cells of a row keyed by header. */
    private static Map<String, Cell> cells(Sheet sheet, int rowIndex) {
        List<String> header = header(sheet);
        Row row = sheet.getRow(rowIndex);
        Map<String, Cell> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.put(header.get(i), row.getCell(i));
        }
        return byName;
    }

    private static void assertText(Cell cell, String expected) {
        assertThat(cell).as("cell for " + expected).isNotNull();
        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
        String actual = cell.getStringCellValue();
        if (expected.length() > 200) {       // keep failure messages readable
            assertThat(actual.length()).isEqualTo(expected.length());
            assertThat(actual.equals(expected)).as("long text equal").isTrue();
        } else {
            assertThat(actual).isEqualTo(expected);
        }
    }

    private static void assertNumber(Cell cell, double expected) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).isEqualTo(expected);
    }

    @Test
    void workbook_holds_every_question_type_cell_by_cell_with_codes_for_skipped_and_unanswered() throws Exception {
        Built survey = everyTypeSurvey(SurveyTestData.settings("Every type"));
        String story = ("Überleben – выживание – 生存 🌍 ").repeat(200).substring(0, 3999) + "!";
        Map<String, AnswerValue> full = Map.of(
                "role", AnswerValue.ofOptions(new LinkedHashSet<>(List.of("other")), UNICODE),
                "claimed", AnswerValue.ofOptions("yes"),
                "routes", AnswerValue.ofOptions(new LinkedHashSet<>(List.of("criminal", "other")), HYPERLINK),
                "amount", AnswerValue.ofNumber(new BigDecimal("1234.5")),
                "trust", AnswerValue.ofNumber(4),
                "country", AnswerValue.ofText("UA"),
                "since", AnswerValue.ofDate(LocalDate.of(2024, 2, 29)),
                "name", AnswerValue.ofText("=1+1"),
                "story", AnswerValue.ofText(story));
        data.submit(survey, full);
        data.submit(survey, Map.of("role", AnswerValue.ofOptions("lawyer"), "claimed", AnswerValue.ofOptions("no")));

        AccountFixtures.signIn(survey.analyst());
        Path file = download(surveyExport.exportResults(survey.id(), null, false));
        try (XSSFWorkbook wb = open(file)) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
                    .containsExactly("About", "Codebook", "Responses", "Summary");

            Sheet responsesSheet = wb.getSheet("Responses");
            assertThat(header(responsesSheet)).containsExactly("row_number", "version", "submitted_week",
                    "role", "role.other_text", "claimed", "routes.criminal", "routes.civil", "routes.fund", "routes.other",
                    "routes.other_text", "amount", "trust", "country", "since", "name", "story");
            assertThat(responsesSheet.getLastRowNum()).isEqualTo(2);
            assertThat(responsesSheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(((XSSFSheet) responsesSheet).getCTWorksheet().isSetAutoFilter()).isTrue();

            // rows come in the responses' random order: find each by its answer, number them 1..2 whatever the order
            int fullRow = "other".equals(cells(responsesSheet, 1).get("role").getStringCellValue()) ? 1 : 2;
            assertNumber(cells(responsesSheet, 1).get("row_number"), 1);
            assertNumber(cells(responsesSheet, 2).get("row_number"), 2);
            Map<String, Cell> first = cells(responsesSheet, fullRow);
            assertNumber(first.get("version"), 1);
            assertThat(first.get("submitted_week").getStringCellValue()).matches("\\d{4}-W\\d{2}");
            assertText(first.get("role"), "other");
            assertText(first.get("role.other_text"), UNICODE);
            assertText(first.get("claimed"), "yes");
            assertNumber(first.get("routes.criminal"), 1);
            assertNumber(first.get("routes.civil"), 0);
            assertNumber(first.get("routes.fund"), 0);
            assertNumber(first.get("routes.other"), 1);
            assertText(first.get("routes.other_text"), HYPERLINK);
            assertNumber(first.get("amount"), 1234.5);
            assertNumber(first.get("trust"), 4);
            assertText(first.get("country"), "UA");
            assertThat(first.get("since").getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(first.get("since"))).isTrue();
            assertThat(first.get("since").getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 2, 29));
            assertText(first.get("name"), "=1+1");
            assertText(first.get("story"), story);
            assertThat(first.get("story").getCellStyle().getWrapText()).isTrue();

            Map<String, Cell> second = cells(responsesSheet, 3 - fullRow);
            assertText(second.get("role"), "lawyer");
            assertThat(second.get("role.other_text")).as("answered, other not chosen: blank").isNull();
            assertText(second.get("claimed"), "no");
            for (String skipped : List.of("routes.criminal", "routes.civil", "routes.fund", "routes.other", "routes.other_text")) {
                assertText(second.get(skipped), SurveyExportService.SKIPPED);
            }
            for (String unanswered : List.of("amount", "trust", "country", "since", "name", "story")) {
                assertText(second.get(unanswered), SurveyExportService.NO_ANSWER);
            }

            Sheet codebook = wb.getSheet("Codebook");
            assertThat(header(codebook)).startsWith("Question code", "Option code", "Section", "Question text / option label",
                    "Type", "Required", "Shown only when");
            List<List<String>> codebookRows = new ArrayList<>();
            for (int r = 1; r <= codebook.getLastRowNum(); r++) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < 7; c++) {
                    Cell cell = codebook.getRow(r).getCell(c);
                    values.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                            ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue());
                }
                codebookRows.add(values);
            }
            assertThat(codebookRows).contains(
                    List.of("routes", "", "Page 1", "Question routes", "MULTIPLE_CHOICE", "1", "claimed in (yes)"),
                    List.of("routes", "fund", "", "Label fund", "", "", ""),
                    List.of("routes", "other", "", "Other", "", "", ""),
                    List.of("claimed", "yes", "", "Yes", "", "", ""),
                    List.of("trust", "", "More", "Trust in the police", "SCALE", "0", ""));

            Map<String, String> about = new HashMap<>();
            Sheet aboutSheet = wb.getSheet("About");
            for (Row row : aboutSheet) {
                if (row.getCell(0) != null && row.getCell(1) != null) {
                    Cell v = row.getCell(1);
                    about.put(row.getCell(0).getStringCellValue(), v.getCellType() == CellType.NUMERIC
                            ? String.valueOf((long) v.getNumericCellValue()) : v.getStringCellValue());
                }
            }
            assertThat(about).containsEntry("Responses", "<5").containsEntry("Filter", "All submitted responses")
                    .containsEntry("Suppression threshold (k)", "5").containsEntry("Identity in this file", "No");
            assertThat(about.get("Survey")).startsWith("Every type");
            assertThat(about.get("Small counts")).contains("\"<5\"");
            assertThat(about.get("Codes in Responses")).contains(".s = not asked", ".n = asked but not answered");
        }
        opensInLibreOffice(file);
    }

    /** LibreOffice (when installed) renders the workbook to PDF and reads the formula-like answers as text. */
    private void opensInLibreOffice(Path xlsx) throws Exception {
        String office = Stream.of("/usr/bin/libreoffice", "/usr/bin/soffice").filter(p -> new java.io.File(p).canExecute())
                .findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(office != null, "LibreOffice is not installed; skipping the open check");
        Path dir = Files.createTempDirectory("survey-lo");
        try {
            Path copy = Files.copy(xlsx, dir.resolve("survey.xlsx"));
            convert(office, dir, copy, "pdf");
            assertThat(Files.size(dir.resolve("survey.pdf"))).isGreaterThan(5_000);
            convert(office, dir, copy, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1");
            Path csv;
            try (Stream<Path> files = Files.list(dir)) {
                csv = files.filter(p -> p.getFileName().toString().endsWith("Responses.csv")).findFirst().orElseThrow();
            }
            assertThat(Files.readString(csv)).contains("=1+1", "=HYPERLINK(\"\"http://x\"\"", UNICODE);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void convert(String office, Path dir, Path xlsx, String target) throws Exception {
        Path log = dir.resolve("office.log");
        Process p = new ProcessBuilder(office, "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless",
                "--norestore", "--convert-to", target, "--outdir", dir.toString(), xlsx.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).as("LibreOffice finished in time").isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    }

    @Test
    void text_at_32000_characters_survives_the_responses_sheet_whole() throws Exception {
        // the database keeps at most 4,000 characters per answer; the workbook itself takes up to Excel's limit
        Built survey = everyTypeSurvey(SurveyTestData.settings("Long text"));
        AccountFixtures.signIn(survey.analyst());
        var plan = SurveyWorkbookPlan.of(responses.versions(survey.id()), false);
        String longText = ("ʻOkina " + UNICODE + " =1+1 ").repeat(2000).substring(0, 31_999) + "!";
        assertThat(Character.isSurrogate(longText.charAt(31_998))).as("no half emoji at the cut").isFalse();
        Map<String, SubmittedResponse.Answer> answers = new java.util.LinkedHashMap<>();
        plan.questions().forEach(q -> answers.put(q.def().code(),
                new SubmittedResponse.Answer(SubmittedResponse.AnswerState.UNANSWERED, AnswerValue.EMPTY)));
        answers.put("story", new SubmittedResponse.Answer(SubmittedResponse.AnswerState.ANSWERED, AnswerValue.ofText(longText)));
        var response = new SubmittedResponse(1, 1, "2026-W48", answers);
        var out = new ByteArrayOutputStream();
        try (WorkbookWriter writer = WorkbookWriter.create()) {
            writer.addDataSheet("Responses", plan.header()).row(plan.values(1, response, null));
            writer.writeTo(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = wb.getSheet("Responses");
            assertText(cells(sheet, 1).get("story"), longText);
            assertText(cells(sheet, 1).get("amount"), SurveyExportService.NO_ANSWER);
        }
    }

    @Test
    void summary_suppresses_exactly_as_the_results_view_and_has_a_chart_per_table() throws Exception {
        Built survey = data.openSurvey();
        for (int i = 0; i < 7; i++) data.submit(survey, SurveyTestData.complete("lawyer", 10 + i, true));
        for (int i = 0; i < 2; i++) data.submit(survey, SurveyTestData.complete("ngo", 3, false));

        AccountFixtures.signIn(survey.analyst());
        List<String> expected = new ArrayList<>();
        int tables = 0;
        for (QuestionResult q : results.results(survey.id(), null).questions()) {
            if (!q.options().isEmpty()) tables++;
            for (OptionCount o : q.options()) expected.add(o.count().display());
            // a number question's distribution is a table of its own
            if (!q.bins().isEmpty()) tables++;
            for (var b : q.bins()) expected.add(b.count().display());
        }
        assertThat(expected).contains("<5").as("the data really has small cells");

        Path file = download(surveyExport.exportResults(survey.id(), null, false));
        List<String> actual = new ArrayList<>();
        try (XSSFWorkbook wb = open(file)) {
            XSSFSheet summary = wb.getSheet("Summary");
            for (Row row : summary) {
                Cell label = row.getCell(0);
                Cell count = row.getCell(1);
                if (label == null || count == null || List.of("Option", "Range of answers").contains(label.getStringCellValue())) continue;
                actual.add(count.getCellType() == CellType.NUMERIC ? String.valueOf((long) count.getNumericCellValue())
                        : count.getStringCellValue());
            }
            assertThat(summary.getDrawingPatriarch().getCharts()).hasSize(tables);
        }
        assertThat(actual).isEqualTo(expected);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            assertThat(pkg.getPartsByName(java.util.regex.Pattern.compile("/xl/charts/chart\\d+\\.xml"))).hasSize(tables);
            assertThat(pkg.getPartsByName(java.util.regex.Pattern.compile("/xl/drawings/drawing\\d+\\.xml"))).hasSize(1);
        }
    }

    /** The rows of the Summary table titled {@code title}: label, count and share as the cells hold them. */
    private static List<List<Object>> summaryTable(XSSFSheet summary, String title) {
        List<List<Object>> rows = new ArrayList<>();
        boolean inside = false;
        for (int r = 0; r <= summary.getLastRowNum(); r++) {
            Row row = summary.getRow(r);
            Cell first = row == null ? null : row.getCell(0);
            if (!inside) {
                inside = first != null && title.equals(first.getStringCellValue());
                if (inside) r++;            // the header row
                continue;
            }
            if (first == null || row.getCell(1) == null && first.getStringCellValue().contains(": ")) break;
            List<Object> values = new ArrayList<>();
            values.add(first.getStringCellValue());
            for (int c = 1; c <= 2; c++) {
                Cell cell = row.getCell(c);
                values.add(cell == null ? null : cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue()
                        : cell.getStringCellValue());
            }
            rows.add(values);
        }
        assertThat(inside).as("a table titled " + title).isTrue();
        return rows;
    }

    @Test
    void summary_carries_a_number_questions_distribution_with_the_bins_counts_and_shares_of_the_results_view() throws Exception {
        Built survey = data.openSurvey();
        for (int i = 0; i < 5; i++) data.submit(survey, SurveyTestData.complete("lawyer", 5, true));
        for (int i = 0; i < 5; i++) data.submit(survey, SurveyTestData.complete("ngo", 8, true));
        for (int i = 0; i < 2; i++) data.submit(survey, SurveyTestData.complete("ngo", 7, false));

        AccountFixtures.signIn(survey.analyst());
        QuestionResult years = results.results(survey.id(), null).questions().stream()
                .filter(q -> q.question().code().equals("years")).findFirst().orElseThrow();
        assertThat(years.bins().stream().map(b -> CountText.withShare(b.count(), b.percent())).toList())
                .as("the view shows").containsExactly("*", "0 (0%)", "<5", "5 (42%)");

        Path file = download(surveyExport.exportResults(survey.id(), null, false));
        try (XSSFWorkbook wb = open(file)) {
            XSSFSheet summary = wb.getSheet("Summary");
            List<List<Object>> distribution = summaryTable(summary, "years: How many years? (answered: 12)");
            assertThat(distribution).containsExactly(
                    java.util.Arrays.asList("5", "*", null),
                    java.util.Arrays.asList("6", 0.0, 0.0),
                    java.util.Arrays.asList("7", "<5", null),
                    java.util.Arrays.asList("8", 5.0, 0.42));
            // the routes' share may not be published ("answered" of routes is hidden): the workbook says so as the view does
            List<List<Object>> routes = summaryTable(summary,
                    "routes: Question routes (answered: *; several options per person)");
            assertThat(routes).containsExactly(
                    java.util.Arrays.asList("Label criminal", 10.0, CountText.NO_SHARE),
                    java.util.Arrays.asList("Label civil", 0.0, CountText.NO_SHARE),
                    java.util.Arrays.asList("Label fund", 10.0, CountText.NO_SHARE),
                    java.util.Arrays.asList("Other", 0.0, CountText.NO_SHARE));
        }
    }

    @Test
    void the_filter_of_the_results_view_applies_and_is_audited_with_rows_and_identity() throws Exception {
        Built survey = data.openSurvey();
        for (int i = 0; i < 3; i++) data.submit(survey, SurveyTestData.complete("lawyer", 10, false));
        data.submit(survey, SurveyTestData.complete("ngo", 5, true));

        AccountPrincipal analyst = survey.analyst();
        AccountFixtures.signIn(analyst);
        Path file = download(surveyExport.exportResults(survey.id(), new ResponseFilter("role", "lawyer"), false));
        try (XSSFWorkbook wb = open(file)) {
            Sheet sheet = wb.getSheet("Responses");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            for (int r = 1; r <= 3; r++) assertText(cells(sheet, r).get("role"), "lawyer");
        }
        fixtures.signIn(Role.ORGANISER);
        List<AuditEvent> events = auditLog.forSubject("survey:" + survey.id());
        assertThat(events).filteredOn(e -> e.getAction().equals(ExportService.FINISHED)).singleElement().satisfies(e -> {
            assertThat(e.getActor()).isEqualTo(analyst.auditName());
            assertThat(e.getDetails()).contains("filter=role = lawyer", "rows=3", "identity=false");
        });
        assertThat(events).filteredOn(e -> e.getAction().equals(ExportService.STARTED)).hasSize(1);
    }

    @Test
    void an_anonymous_survey_has_no_identity_columns_even_when_an_organiser_asks() throws Exception {
        Built survey = data.openSurvey();
        data.submit(survey, SurveyTestData.complete("ngo", 5, false));

        AccountPrincipal organiser = fixtures.signIn(Role.ORGANISER);
        Path file = download(surveyExport.exportResults(survey.id(), null, true));
        try (XSSFWorkbook wb = open(file)) {
            assertThat(header(wb.getSheet("Responses"))).doesNotContain(SurveyWorkbookPlan.NAME, SurveyWorkbookPlan.EMAIL)
                    .startsWith("row_number", "version", "submitted_week");
        }
        assertThat(auditLog.forSubject("survey:" + survey.id()))
                .filteredOn(e -> e.getAction().equals(ExportService.FINISHED)).singleElement()
                .satisfies(e -> assertThat(e.getDetails()).contains("identity=false"));
    }

    @Test
    void identity_of_an_identified_survey_goes_to_organisers_only_and_analysts_are_refused_at_service_level() throws Exception {
        var settings = SurveyTestData.settings("Identified export");
        settings.setAudience(SurveyAudience.SIGNED_IN);
        settings.setAnonymity(SurveyAnonymity.IDENTIFIED);
        Built survey = data.openSurvey(settings);
        AccountPrincipal participant = fixtures.signIn(Role.PARTICIPANT);
        data.submit(survey, SurveyTestData.complete("ngo", 5, false));
        AccountPrincipal other = fixtures.signIn(Role.PARTICIPANT);
        data.submit(survey, SurveyTestData.complete("lawyer", 7, false));

        assertThatThrownBy(() -> surveyExport.exportResults(survey.id(), null, false))
                .as("participants may not export").isInstanceOf(AccessDeniedException.class);

        AccountFixtures.signIn(survey.analyst());
        assertThatThrownBy(() -> surveyExport.exportResults(survey.id(), null, true)).isInstanceOf(AccessDeniedException.class);
        AccountPrincipal organiser = fixtures.signIn(Role.ORGANISER);
        assertThat(auditLog.forSubject("survey:" + survey.id())).as("nothing started").noneMatch(e -> e.getAction().startsWith("EXPORT_"));
        AccountFixtures.signIn(survey.analyst());
        try (XSSFWorkbook wb = open(download(surveyExport.exportResults(survey.id(), null, false)))) {
            assertThat(header(wb.getSheet("Responses"))).doesNotContain(SurveyWorkbookPlan.NAME, SurveyWorkbookPlan.EMAIL);
        }

        AccountFixtures.signIn(organiser);
        try (XSSFWorkbook wb = open(download(surveyExport.exportResults(survey.id(), null, true)))) {
            Sheet sheet = wb.getSheet("Responses");
            assertThat(header(sheet)).startsWith("row_number", SurveyWorkbookPlan.NAME, SurveyWorkbookPlan.EMAIL, "version");
            // rows are in random order; each row's name and email belong to whoever gave that row's answers
            Map<String, AccountPrincipal> byRole = Map.of("ngo", participant, "lawyer", other);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            for (int r = 1; r <= 2; r++) {
                AccountPrincipal who = byRole.get(cells(sheet, r).get("role").getStringCellValue());
                assertThat(who).as("row " + r).isNotNull();
                assertText(cells(sheet, r).get(SurveyWorkbookPlan.EMAIL), who.getUsername());
                assertText(cells(sheet, r).get(SurveyWorkbookPlan.NAME), who.displayName());
                assertNumber(cells(sheet, r).get("years"), who == participant ? 5 : 7);
            }
        }
        assertThat(auditLog.forSubject("survey:" + survey.id()))
                .filteredOn(e -> e.getAction().equals(ExportService.FINISHED))
                .extracting(AuditEvent::getDetails)
                .anyMatch(d -> d.contains("identity=true") && d.contains("rows=2"))
                .anyMatch(d -> d.contains("identity=false") && d.contains("rows=2"));
    }

    /** Response ids (the database's, in submission order) in the order of their sort keys, ties by id. */
    private List<Long> idsInSortKeyOrder(long surveyId) {
        return jdbc.sql("SELECT id FROM survey_response WHERE survey_id = ? ORDER BY sort_key, id").param(surveyId)
                .query(Long.class).list();
    }

    /** The "years" answer of each response id: it tells the responses of one survey apart in the workbook. */
    private Map<Long, Long> yearsById(long surveyId) {
        Map<Long, Long> years = new HashMap<>();
        jdbc.sql("SELECT r.id, a.number_value FROM survey_response r JOIN survey_answer a ON a.response_id = r.id "
                        + "JOIN survey_question q ON q.id = a.question_id WHERE r.survey_id = ? AND q.code = 'years'")
                .param(surveyId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getBigDecimal(2).longValueExact())).list()
                .forEach(e -> years.put(e.getKey(), e.getValue()));
        return years;
    }

    /** The Responses sheet as (row_number, years) pairs, top to bottom. */
    private List<List<Long>> numberedYears(Path file) throws IOException {
        List<List<Long>> rows = new ArrayList<>();
        try (XSSFWorkbook wb = open(file)) {
            Sheet sheet = wb.getSheet("Responses");
            assertThat(header(sheet)).first().isEqualTo("row_number");
            assertThat(header(sheet)).as("no database id in any column").noneMatch(h -> h.contains("id"));
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Map<String, Cell> cells = cells(sheet, r);
                rows.add(List.of((long) cells.get("row_number").getNumericCellValue(), (long) cells.get("years").getNumericCellValue()));
            }
        }
        return rows;
    }

    @Test
    void anonymous_responses_are_numbered_1_to_n_in_their_random_sort_key_order_not_in_submission_order() throws Exception {
        Built survey = data.openSurvey();
        int n = 12;
        // submitted in a known order: the i-th response says 10 + i years
        for (int i = 0; i < n; i++) {
            Map<String, AnswerValue> answers = new HashMap<>(SurveyTestData.complete("lawyer", 10 + i, false));
            answers.put("comment", AnswerValue.ofText("Comment " + (10 + i)));
            data.submit(survey, answers);
        }
        Map<Long, Long> years = yearsById(survey.id());
        List<Long> submissionOrder = years.keySet().stream().sorted().map(years::get).toList();
        assertThat(submissionOrder).as("ids follow submission order")
                .containsExactlyElementsOf(java.util.stream.LongStream.range(10, 10 + n).boxed().toList());
        List<Long> keys = jdbc.sql("SELECT sort_key FROM survey_response WHERE survey_id = ?").param(survey.id())
                .query(Long.class).list();
        assertThat(keys).hasSize(n).doesNotHaveDuplicates().allSatisfy(k -> assertThat(k).isBetween(0L, ResponseStore.SORT_KEY_BOUND - 1));

        AccountFixtures.signIn(survey.analyst());
        List<Long> expected = idsInSortKeyOrder(survey.id()).stream().map(years::get).toList();
        List<List<Long>> exported = numberedYears(download(surveyExport.exportResults(survey.id(), null, false)));
        assertThat(exported.stream().map(r -> r.get(0)).toList()).as("row numbers")
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, n).boxed().toList());
        assertThat(exported.stream().map(r -> r.get(1)).toList()).as("rows in sort-key order").isEqualTo(expected);
        // 12 random keys fall in submission order once in 12! (about 2e-9): the order is not the id's
        assertThat(expected).as("not submission order").isNotEqualTo(submissionOrder);

        // keys set by hand, newest first with ties: the listing follows (sort_key, id) across keyset pages of 5
        List<Long> ids = years.keySet().stream().sorted().toList();
        for (int i = 0; i < n; i++) {
            jdbc.sql("UPDATE survey_response SET sort_key = ? WHERE id = ?").params((long) (n - 1 - i) / 3, ids.get(i)).update();
        }
        List<Long> byHand = new ArrayList<>();
        for (int group = 0; group < n / 3; group++) {           // key 0 holds the 3 newest, in id order, and so on
            for (int i = n - 3 * (group + 1); i < n - 3 * group; i++) byHand.add(ids.get(i));
        }
        assertThat(idsInSortKeyOrder(survey.id())).isEqualTo(byHand);
        List<Long> paged = new ArrayList<>();
        responses.forEachResponsePage(survey.id(), null, 5, page -> page.forEach(r -> paged.add(r.id())));
        assertThat(paged).isEqualTo(byHand);
        List<List<Long>> again = numberedYears(download(surveyExport.exportResults(survey.id(), null, false)));
        assertThat(again.stream().map(r -> r.get(0)).toList())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, n).boxed().toList());
        assertThat(again.stream().map(r -> r.get(1)).toList()).isEqualTo(byHand.stream().map(years::get).toList());
        // the free-text lists of the results view follow the same order, page by page
        List<String> comments = byHand.stream().map(id -> "Comment " + years.get(id)).toList();
        assertThat(results.textAnswers(survey.id(), "comment", null, 0, 100)).isEqualTo(comments);
        assertThat(results.textAnswers(survey.id(), "comment", null, 4, 5)).isEqualTo(comments.subList(4, 9));
        assertThat(results.textAnswers(survey.id(), "comment", null, 10, 5)).isEqualTo(comments.subList(10, 12));
        assertThat(results.countTextAnswers(survey.id(), "comment", null)).isEqualTo(n);
    }

    @Test
    void twenty_thousand_responses_export_in_the_background_and_leave_no_temp_files(@TempDir Path poiTemp) throws Exception {
        Built survey = data.openSurvey();
        AccountFixtures.signIn(survey.analyst());
        SurveyStructure structure = builder.structure(survey.id());
        bulkInsert(structure, 20_000);

        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTemp.toFile()));
        try {
            ExportStatus started = surveyExport.exportResults(survey.id(), null, false);
            assertThat(started.state()).as("runs in the background").isIn(ExportState.QUEUED, ExportState.RUNNING);
            assertThat(started.totalRows()).isEqualTo(20_000);
            ExportStatus status = started;
            long deadline = System.currentTimeMillis() + 180_000;
            while (!status.state().isFinal() && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
                status = exports.status(started.jobId());
            }
            assertThat(status.state()).isEqualTo(ExportState.DONE);
            assertThat(status.rowsDone()).isEqualTo(20_000);
            Path file = download(status);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                assertThat(pkg.getPartsByName(java.util.regex.Pattern.compile("/xl/worksheets/sheet\\d+\\.xml"))).hasSize(4);
            }
            try (Stream<Path> left = Files.walk(poiTemp)) {
                assertThat(left.filter(Files::isRegularFile).toList()).as("POI temp files").isEmpty();
            }
            try (Stream<Path> left = Files.list(exports.directory())) {
                assertThat(left.map(p -> p.getFileName().toString()).toList()).noneMatch(n -> n.endsWith(".part"));
            }
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
    }

    /** Inserts n synthetic responses (role, years, claimed = no) in multi-row statements. */
    private void bulkInsert(SurveyStructure s, int n) {
        long role = s.question("role").orElseThrow().id();
        long years = s.question("years").orElseThrow().id();
        long claimed = s.question("claimed").orElseThrow().id();
        int batch = 1000;
        for (int from = 0; from < n; from += batch) {
            int size = Math.min(batch, n - from);
            StringBuilder sql = new StringBuilder("INSERT INTO survey_response (survey_id, version_id, submitted_week, sort_key) VALUES ");
            for (int i = 0; i < size; i++) {
                sql.append(i == 0 ? "" : ",").append("(").append(s.surveyId()).append(",").append(s.versionId()).append(",'2026-W48',")
                        .append(java.util.concurrent.ThreadLocalRandom.current().nextLong(ResponseStore.SORT_KEY_BOUND)).append(")");
            }
            jdbc.sql(sql.toString()).update();
        }
        List<Long> ids = jdbc.sql("SELECT id FROM survey_response WHERE survey_id = ? ORDER BY id").param(s.surveyId())
                .query(Long.class).list();
        for (int from = 0; from < ids.size(); from += batch) {
            StringBuilder sql = new StringBuilder("INSERT INTO survey_answer (response_id, question_id, option_code, number_value) VALUES ");
            for (int i = from; i < Math.min(ids.size(), from + batch); i++) {
                long id = ids.get(i);
                sql.append(i == from ? "" : ",")
                        .append("(").append(id).append(",").append(role).append(",'").append(i % 3 == 0 ? "ngo" : "lawyer").append("',NULL),")
                        .append("(").append(id).append(",").append(years).append(",NULL,").append(i % 40).append("),")
                        .append("(").append(id).append(",").append(claimed).append(",'no',NULL)");
            }
            jdbc.sql(sql.toString()).update();
        }
    }
}
