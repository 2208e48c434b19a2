package org.ngoplatform.survey.results;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportState;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.SurveyRejectedException;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.SurveyTexts;
import org.ngoplatform.survey.design.QuestionForm;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveySettingsForm;
import org.ngoplatform.survey.respond.ResponseStore;
import org.ngoplatform.survey.respond.SurveyAnswersRejectedException;
import org.ngoplatform.survey.respond.SurveyRespondentService;
import org.ngoplatform.survey.results.SurveyResultsService.OptionCount;
import org.ngoplatform.survey.results.SurveyResultsService.QuestionResult;
import org.ngoplatform.survey.results.SurveyResultsService.RowResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ngoplatform.survey.SurveyTestData.matrix;
import static org.ngoplatform.survey.SurveyTestData.ranking;

/**
 * Matrix and ranking questions (issue 17 §2): the builder's rules, the respondent's rules (nothing stored when
 * refused), drafts that hold an unfinished ranking, and one round trip in which the same answers appear identically
 * in results and in the workbook's cells and codebook.
 */
@IntegrationTest
class SurveyMatrixRankingTest {

    @Autowired SurveyBuilderService builder;
    @Autowired SurveyRespondentService respondent;
    @Autowired SurveyResultsService results;
    @Autowired SurveyExportService surveyExport;
    @Autowired ExportService exports;
    @Autowired ResponseStore store;
    @Autowired AccountFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Translator translator;
    @Autowired org.ngoplatform.survey.design.SurveyTranslationService translation;
    @Autowired org.ngoplatform.survey.design.SurveyTranslations translations;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private record Built(long id, String key, AccountPrincipal analyst) {
    }

    /** rights: required matrix, one per row; tasks: optional matrix, several per row; needs: required ranking. */
    private Built survey(int k) {
        AccountPrincipal analyst = fixtures.signIn(Role.ANALYST);
        SurveySettingsForm settings = SurveyTestData.settings("Matrix and ranking");
        settings.setSuppressionK(k);
        long id = builder.create(settings);
        builder.addQuestion(id, 0, matrix("rights", true, false, List.of("police", "court", "fund"), "yes", "partly", "no"));
        builder.addQuestion(id, 0, matrix("tasks", false, true, List.of("a", "b"), "x", "y"));
        builder.addQuestion(id, 0, ranking("needs", true, "money", "safety", "work"));
        builder.changeStatus(id, SurveyStatus.OPEN);
        String key = builder.find(id).orElseThrow().publicKey();
        AccountFixtures.signOut();
        return new Built(id, key, analyst);
    }

    private static Map<String, Set<String>> rows(String... rowAndOption) {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (String pair : rowAndOption) {
            String[] p = pair.split("=");
            rows.put(p[0], Set.of(p[1].split("\\+")));
        }
        return rows;
    }

    private static Map<String, AnswerValue> answers(Map<String, Set<String>> rights, List<String> needs) {
        Map<String, AnswerValue> a = new HashMap<>();
        a.put("rights", AnswerValue.ofRows(rights));
        a.put("needs", AnswerValue.ofRanking(needs));
        return a;
    }

    private static final Map<String, Set<String>> ALL_RIGHTS = rows("police=yes", "court=partly", "fund=no");

    private long answerRows(long surveyId) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id WHERE r.survey_id = ?")
                .param(surveyId).query(Long.class).single();
    }

    private long responses(long surveyId) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?").param(surveyId).query(Long.class).single();
    }

    private static void assertRefused(Runnable change, String field, String key) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(SurveyRejectedException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    @Test
    void the_builder_refuses_a_matrix_without_rows_or_with_bad_rows_and_a_ranking_with_fewer_than_two_options() {
        fixtures.signIn(Role.ANALYST);
        long id = builder.create(SurveyTestData.settings("Matrix rules"));

        assertRefused(() -> builder.addQuestion(id, 0, matrix("m", true, false, List.of(), "a", "b")), "rows", "survey.error.rows-missing");
        assertRefused(() -> builder.addQuestion(id, 0, matrix("m", true, false, List.of("x", "x"), "a", "b")), "rows", "survey.error.row-duplicate");
        assertRefused(() -> builder.addQuestion(id, 0, matrix("m", true, false, List.of("Bad code"), "a", "b")), "rows", "survey.error.row-code");
        QuestionForm blankRow = matrix("m", true, false, List.of("x"), "a", "b");
        blankRow.setRows(List.of(new QuestionForm.OptionInput("x", " ")));
        assertRefused(() -> builder.addQuestion(id, 0, blankRow), "rows", "survey.error.row-label");
        assertRefused(() -> builder.addQuestion(id, 0, matrix("m", true, false, List.of("x"))), "options", "survey.error.options-missing");
        assertRefused(() -> builder.addQuestion(id, 0, ranking("r", true, "only")), "options", "survey.error.ranking-options");
        assertRefused(() -> builder.addQuestion(id, 0, ranking("r", true)), "options", "survey.error.ranking-options");
        assertThat(builder.structure(id).questions()).as("nothing written").isEmpty();
        assertThat(translator.translate("survey.error.ranking-options", Locale.ENGLISH))
                .isEqualTo("A ranking needs at least two options to put in order.");

        // accepted: rows and the per-row setting read back; "other" is no matrix's or ranking's
        QuestionForm m = matrix("m", true, true, List.of("x", "y"), "a", "b");
        m.setAllowOther(true);
        builder.addQuestion(id, 0, m);
        builder.addQuestion(id, 0, ranking("r", false, "a", "b"));
        QuestionDef stored = builder.structure(id).question("m").orElseThrow();
        assertThat(stored.rows()).extracting(OptionDef::code, OptionDef::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("x", "Row x"), org.assertj.core.groups.Tuple.tuple("y", "Row y"));
        assertThat(stored.multiplePerRow()).isTrue();
        assertThat(stored.allowOther()).isFalse();
        assertThat(stored.choices()).extracting(OptionDef::code).containsExactly("a", "b");

        // an edit keeps a row's code and changes its label; a removed row goes
        QuestionForm edited = QuestionForm.of(stored);
        edited.setRows(List.of(new QuestionForm.OptionInput("y", "Why, renamed")));
        QuestionDef after = builder.updateQuestion(id, "m", edited).question("m").orElseThrow();
        assertThat(after.rows()).extracting(OptionDef::code, OptionDef::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("y", "Why, renamed"));
        // row labels are texts to translate, by key, and the translation reaches the respondent's structure
        assertThat(SurveyTexts.of(builder.structure(id))).extracting(SurveyTexts.Text::key).contains("q.m.row.y");
        translation.addLanguage(id, "de");
        translation.saveText(id, "de", "q.m.row.y", "Warum");
        assertThat(translations.forAnalysts(builder.structure(id), "de").question("m").orElseThrow().rows())
                .extracting(OptionDef::label).containsExactly("Warum");
    }

    @Test
    void the_respondent_is_refused_a_duplicate_or_incomplete_ranking_and_an_unanswered_matrix_row_and_nothing_is_stored() {
        Built survey = survey(5);
        long answersBefore = answerRows(survey.id());

        Map<String, Object[]> refused = new LinkedHashMap<>();
        refused.put("survey.answer.ranking-duplicate", new Object[]{"needs", answers(ALL_RIGHTS, List.of("money", "money", "work"))});
        refused.put("survey.answer.ranking-incomplete", new Object[]{"needs", answers(ALL_RIGHTS, Arrays.asList("money", null, "work"))});
        refused.put("survey.answer.matrix-rows", new Object[]{"rights", answers(rows("police=yes", "fund=no"), List.of("money", "safety", "work"))});
        refused.put("survey.answer.option", new Object[]{"rights", answers(rows("police=yes+no", "court=no", "fund=no"), List.of("money", "safety", "work"))});
        for (var e : refused.entrySet()) {
            String code = (String) e.getValue()[0];
            @SuppressWarnings("unchecked")
            Map<String, AnswerValue> given = (Map<String, AnswerValue>) e.getValue()[1];
            assertThatThrownBy(() -> respondent.submit(survey.key(), respondent.newSubmissionToken(), given, null))
                    .as(e.getKey())
                    .isInstanceOfSatisfying(SurveyAnswersRejectedException.class,
                            ex -> assertThat(ex.problems().get(code).key()).isEqualTo(e.getKey()));
        }
        // a short ranking is incomplete too, and says how many options to rank
        assertThatThrownBy(() -> respondent.submit(survey.key(), respondent.newSubmissionToken(),
                answers(ALL_RIGHTS, List.of("money", "work")), null))
                .isInstanceOfSatisfying(SurveyAnswersRejectedException.class, ex -> {
                    var p = ex.problems().get("needs");
                    assertThat(translator.translate(p.key(), Locale.ENGLISH, p.param()))
                            .isEqualTo("Please put all 3 options in order: each place needs an option.");
                });
        assertThat(translator.translate("survey.answer.ranking-duplicate", Locale.ENGLISH))
                .isEqualTo("An option is chosen for two places: give each place a different option.");
        assertThat(responses(survey.id())).isZero();
        assertThat(answerRows(survey.id())).isEqualTo(answersBefore);

        // a draft keeps an unfinished ranking as given, empty place included, and gives it back
        Map<String, AnswerValue> unfinished = answers(rows("police=yes"), Arrays.asList("money", null, "work"));
        var saved = respondent.saveDraft(survey.key(), null, unfinished, 0);
        var resumed = respondent.resumeWithCode(survey.key(), saved.resumeCode());
        assertThat(resumed.answers().get("needs").ranking()).containsExactly("money", null, "work");
        assertThat(resumed.answers().get("rights").rows()).isEqualTo(rows("police=yes"));
        // a draft still refuses what is no answer at all
        assertThatThrownBy(() -> respondent.saveDraft(survey.key(), null,
                answers(rows("nowhere=yes"), List.of("money", "safety", "work")), 0))
                .isInstanceOf(SurveyAnswersRejectedException.class);

        respondent.submit(survey.key(), respondent.newSubmissionToken(), answers(ALL_RIGHTS, List.of("work", "money", "safety")), null);
        assertThat(responses(survey.id())).isEqualTo(1);
    }

    @Test
    void a_ranking_and_a_matrix_answer_appear_identically_in_results_and_in_the_workbook() throws IOException {
        Built survey = survey(2);
        for (int i = 0; i < 6; i++) {
            Map<String, Set<String>> rights = rows(i < 4 ? "police=yes" : "police=no", "court=partly",
                    "fund=" + List.of("yes", "partly", "no").get(i % 3));
            Map<String, AnswerValue> a = answers(rights, i < 4 ? List.of("money", "safety", "work") : List.of("safety", "money", "work"));
            if (i < 3) a.put("tasks", AnswerValue.ofRows(rows("a=x+y")));
            else if (i < 5) a.put("tasks", AnswerValue.ofRows(rows("b=y")));
            respondent.submit(survey.key(), respondent.newSubmissionToken(), a, null);
        }

        AccountFixtures.signIn(survey.analyst());
        var r = results.results(survey.id(), null);
        QuestionResult rights = question(r, "rights");
        QuestionResult tasks = question(r, "tasks");
        QuestionResult needs = question(r, "needs");
        assertThat(rights.answered().display()).isEqualTo("6");
        assertThat(counts(rights.rows().get(0))).isEqualTo(Map.of("yes", "4", "partly", "0", "no", "2"));
        assertThat(rights.rows().get(0).answered().display()).isEqualTo("6");
        assertThat(counts(rights.rows().get(2))).isEqualTo(Map.of("yes", "2", "partly", "2", "no", "2"));
        // 5 answered, 1 left it out: the small "missing" hides "answered" too, or it would follow from the total
        assertThat(tasks.missing().display()).isEqualTo("<2");
        assertThat(tasks.answered().display()).isEqualTo("*");
        assertThat(counts(tasks.rows().get(0))).isEqualTo(Map.of("x", "3", "y", "3"));
        assertThat(counts(needs.rows().get(0))).as("money by place").isEqualTo(Map.of("1", "4", "2", "2", "3", "0"));
        assertThat(needs.rows().get(0).meanRank()).isEqualByComparingTo("1.3");
        assertThat(needs.rows().get(2).meanRank()).as("work always last").isEqualByComparingTo("3.0");

        ExportStatus status = surveyExport.exportResults(survey.id(), null, false);
        assertThat(status.state()).isEqualTo(ExportState.DONE);
        try (InputStream in = Files.newInputStream(exports.download(status.jobId()).path());
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("Responses");
            List<String> header = header(sheet);
            assertThat(header).containsSubsequence("rights.police", "rights.court", "rights.fund",
                    "tasks.a.x", "tasks.a.y", "tasks.b.x", "tasks.b.y", "needs.rank1", "needs.rank2", "needs.rank3");
            // every shown count of the results equals the count of the workbook's cells holding that answer
            for (RowResult row : rights.rows()) {
                for (OptionCount o : row.options()) {
                    assertThat(countCells(sheet, header, "rights." + row.code(), o.code())).as("rights %s %s", row.code(), o.code())
                            .isEqualTo(o.count().value().orElseThrow());
                }
            }
            for (RowResult row : tasks.rows()) {
                for (OptionCount o : row.options()) {
                    assertThat(countCells(sheet, header, "tasks." + row.code() + "." + o.code(), 1.0))
                            .isEqualTo(o.count().value().orElseThrow());
                }
            }
            for (RowResult row : needs.rows()) {
                for (OptionCount place : row.options()) {
                    assertThat(countCells(sheet, header, "needs.rank" + place.code(), row.code()))
                            .as("%s at place %s", row.code(), place.code()).isEqualTo(place.count().value().orElseThrow());
                }
            }
            // the response that left the optional matrix out says so in each of its columns
            assertThat(countCells(sheet, header, "tasks.a.x", SurveyExportService.NO_ANSWER)).isEqualTo(1 + 2);

            // the codebook has an entry per matrix row and per ranked place, naming its columns
            List<List<String>> codebook = textRows(wb.getSheet("Codebook"));
            assertThat(codebook).anySatisfy(c -> assertThat(c.subList(0, 5)).containsExactly("rights", "police", "", "Row police", "row"));
            assertThat(codebook).anySatisfy(c -> assertThat(c).contains("tasks", "a", "tasks.a.x, tasks.a.y"));
            assertThat(codebook).anySatisfy(c -> assertThat(c).contains("needs", "Rank 2", "rank", "needs.rank2"));
            assertThat(codebook).anySatisfy(c -> assertThat(c.subList(0, 2)).containsExactly("needs", "safety"));
        }

        // the plan describes every column for statistics software: label and value labels
        SurveyWorkbookPlan plan = SurveyWorkbookPlan.of(store.versions(survey.id()), false);
        var rightsVars = plan.questions().stream().filter(q -> q.def().code().equals("rights")).findFirst().orElseThrow().variables();
        assertThat(rightsVars).extracting(SurveyWorkbookPlan.Variable::column).containsExactly("rights.police", "rights.court", "rights.fund");
        assertThat(rightsVars.getFirst().label()).isEqualTo("Question rights: Row police");
        assertThat(rightsVars.getFirst().valueLabels()).extracting(OptionDef::code).containsExactly("yes", "partly", "no");
        var needsVars = plan.questions().stream().filter(q -> q.def().code().equals("needs")).findFirst().orElseThrow().variables();
        assertThat(needsVars).extracting(SurveyWorkbookPlan.Variable::rank).containsExactly(1, 2, 3);
        assertThat(needsVars.get(1).valueLabels()).extracting(OptionDef::label).containsExactly("Label money", "Label safety", "Label work");
    }

    private static QuestionResult question(SurveyResultsService.SurveyResults r, String code) {
        return r.questions().stream().filter(q -> q.question().code().equals(code)).findFirst().orElseThrow();
    }

    private static Map<String, String> counts(RowResult row) {
        Map<String, String> m = new HashMap<>();
        row.options().forEach(o -> m.put(o.code(), o.count().display()));
        return m;
    }

    private static List<String> header(Sheet sheet) {
        List<String> names = new ArrayList<>();
        sheet.getRow(0).forEach(c -> names.add(c.getStringCellValue()));
        return names;
    }

    private static long countCells(Sheet sheet, List<String> header, String column, Object value) {
        int at = header.indexOf(column);
        assertThat(at).as(column).isNotNegative();
        long n = 0;
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            Cell c = sheet.getRow(i).getCell(at);
            if (c == null) continue;
            Object v = c.getCellType() == CellType.NUMERIC ? (Object) c.getNumericCellValue() : c.getStringCellValue();
            if (v.equals(value)) n++;
        }
        return n;
    }

    private static List<List<String>> textRows(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getLastCellNum(); i++) {
                Cell c = row.getCell(i);
                cells.add(c == null || c.getCellType() != CellType.STRING ? "" : c.getStringCellValue());
            }
            rows.add(cells);
        }
        return rows;
    }
}
