package org.ngoplatform.survey.results;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportState;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.SurveyTestData.Built;
import org.ngoplatform.survey.SurveyTexts;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveyTranslationService;
import org.ngoplatform.survey.design.SurveyWave;
import org.ngoplatform.survey.design.SurveyWaveService;
import org.ngoplatform.survey.results.SmallCellSuppression.Cell;
import org.ngoplatform.survey.results.SurveyResultsService.QuestionResult;
import org.ngoplatform.survey.results.SurveyResultsService.SurveyResults;
import org.ngoplatform.survey.results.WaveComparison.OptionRow;
import org.ngoplatform.survey.results.WaveComparison.QuestionRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Waves of a repeated survey: copying, the series, and results side by side with each wave's own suppression. */
@IntegrationTest
class SurveyWavesTest {

    @Autowired SurveyTestData data;
    @Autowired SurveyBuilderService builder;
    @Autowired SurveyTranslationService translations;
    @Autowired SurveyWaveService waves;
    @Autowired WaveComparisonService comparisons;
    @Autowired SurveyResultsService results;
    @Autowired SurveyExportService surveyExport;
    @Autowired ExportService exports;
    @Autowired JdbcClient jdbc;
    @Autowired org.ngoplatform.account.AccountFixtures fixtures;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void a_new_wave_is_a_draft_copy_with_the_same_codes_and_translations_in_the_same_series() {
        Built first = data.openSurvey();
        AccountFixtures.signIn(first.analyst());
        translations.addLanguage(first.id(), "de");
        translations.saveText(first.id(), "de", SurveyTexts.questionKey("role"), "Ihre Rolle");
        translations.saveText(first.id(), "de", SurveyTexts.optionKey("role", "lawyer"), "Anwältin oder Anwalt");

        long second = waves.newWave(first.id(), "Compensation 2027");
        long third = waves.newWave(second, "");

        assertThat(SurveyTestData.codes(builder.structure(second))).isEqualTo(SurveyTestData.codes(builder.structure(first.id())));
        assertThat(builder.structure(second).question("role").orElseThrow().choices())
                .isEqualTo(builder.structure(first.id()).question("role").orElseThrow().choices());
        assertThat(builder.find(second).orElseThrow().status()).isEqualTo(SurveyStatus.DRAFT);
        assertThat(builder.find(second).orElseThrow().title()).isEqualTo("Compensation 2027");
        assertThat(builder.find(third).orElseThrow().title()).as("a blank title keeps the copied one").isEqualTo("Compensation 2027");
        assertThat(translations.texts(second, "de")).filteredOn(t -> t.key().equals(SurveyTexts.questionKey("role")))
                .extracting(t -> t.translation()).containsExactly("Ihre Rolle");
        assertThat(translations.texts(third, "de")).filteredOn(t -> t.key().equals(SurveyTexts.optionKey("role", "lawyer")))
                .extracting(t -> t.translation()).containsExactly("Anwältin oder Anwalt");

        for (long member : List.of(first.id(), second, third)) {
            assertThat(waves.waves(member)).extracting(SurveyWave::surveyId, SurveyWave::number)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(first.id(), 1),
                            org.assertj.core.groups.Tuple.tuple(second, 2), org.assertj.core.groups.Tuple.tuple(third, 3));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SURVEY_WAVE_CREATED' AND subject = ?")
                .param("survey:" + second).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_survey_never_repeated_is_its_only_wave_and_has_nothing_to_compare() {
        Built only = data.openSurvey();
        AccountFixtures.signIn(only.analyst());
        assertThat(waves.waves(only.id())).extracting(SurveyWave::number).containsExactly(1);
        assertThat(comparisons.compare(only.id(), null, null).comparable()).isFalse();
    }

    @Test
    void each_wave_in_the_comparison_is_exactly_its_own_suppressed_results() {
        Built first = data.openSurvey();
        // wave 1: 6 lawyers and 2 NGOs (a small count, so another is hidden beside it)
        for (int i = 0; i < 6; i++) data.submit(first, SurveyTestData.complete("lawyer", 5 + i, true));
        for (int i = 0; i < 2; i++) data.submit(first, SurveyTestData.complete("ngo", 3, false));
        AccountFixtures.signIn(first.analyst());
        long second = waves.newWave(first.id(), null);
        builder.changeStatus(second, SurveyStatus.OPEN);
        Built secondWave = new Built(second, builder.find(second).orElseThrow().publicKey(), first.analyst());
        AccountFixtures.signOut();
        // wave 2: only 3 responses, every count of it small
        for (int i = 0; i < 3; i++) data.submit(secondWave, SurveyTestData.complete("ngo", 7, false));
        AccountFixtures.signIn(first.analyst());

        WaveComparison c = comparisons.compare(second, null, null);
        assertThat(c.waves()).extracting(WaveComparison.Wave::surveyId).containsExactly(first.id(), second);
        assertThat(c.waves()).extracting(WaveComparison.Wave::shown).containsExactly(false, true);
        assertThat(c.waves().get(0).responses().display()).isEqualTo("8");
        assertThat(c.waves().get(1).responses().display()).isEqualTo("<5");

        List<SurveyResults> own = List.of(results.results(first.id(), null, null), results.results(second, null, null));
        for (QuestionRow row : c.questions()) {
            for (int w = 0; w < 2; w++) {
                QuestionResult mine = own.get(w).questions().stream()
                        .filter(q -> q.question().code().equals(row.question().code())).findFirst().orElseThrow();
                assertThat(row.answered().get(w)).as(row.question().code() + " answered, wave " + (w + 1)).isEqualTo(mine.answered());
                assertThat(row.means().get(w)).isEqualTo(mine.mean());
                for (var o : mine.options()) {
                    OptionRow shown = row.options().stream().filter(x -> x.code().equals(o.code())).findFirst().orElseThrow();
                    assertThat(shown.waves().get(w).count()).as(row.question().code() + "." + o.code() + ", wave " + (w + 1))
                            .isEqualTo(o.count());
                    assertThat(shown.waves().get(w).percent()).isEqualTo(o.percent());
                }
            }
        }
        QuestionRow role = c.questions().stream().filter(q -> q.question().code().equals("role")).findFirst().orElseThrow();
        assertThat(role.options()).extracting(o -> o.waves().get(0).count().display()).containsExactly("*", "<5");
        // every part of a small total is hidden, the zero of lawyers included
        assertThat(role.options()).extracting(o -> o.waves().get(1).count().display()).containsExactly("*", "<5");
    }

    /**
     * The comparison publishes no number that spans waves, so the only sums a reader can use are each wave's own
     * (options → answered, answered + missing + not shown → responses). Within each of them a hidden cell never
     * stands alone beside shown ones, whatever the other waves show.
     */
    @Test
    void no_hidden_count_of_a_wave_can_be_worked_out_by_subtraction_from_the_comparison() {
        Built first = data.openSurvey();
        for (int i = 0; i < 7; i++) data.submit(first, SurveyTestData.complete("lawyer", 5 + i, i < 4));
        data.submit(first, SurveyTestData.complete("ngo", 3, false));
        AccountFixtures.signIn(first.analyst());
        long second = waves.newWave(first.id(), null);
        builder.changeStatus(second, SurveyStatus.OPEN);
        Built secondWave = new Built(second, builder.find(second).orElseThrow().publicKey(), first.analyst());
        AccountFixtures.signOut();
        for (int i = 0; i < 9; i++) data.submit(secondWave, SurveyTestData.complete(i == 0 ? "ngo" : "lawyer", 7, i < 2));
        AccountFixtures.signIn(first.analyst());

        WaveComparison c = comparisons.compare(first.id(), null, null);
        assertThat(c.waves()).hasSize(2);
        int checked = 0;
        for (QuestionRow row : c.questions()) {
            if (row.question().type() == org.ngoplatform.survey.QuestionType.MULTIPLE_CHOICE) continue; // no sum ties them
            for (int w = 0; w < c.waves().size(); w++) {
                List<Cell> parts = new ArrayList<>();
                for (OptionRow o : row.options()) {
                    if (o.waves().get(w) != null) parts.add(o.waves().get(w).count());
                }
                if (parts.isEmpty()) continue;
                Cell answered = row.answered().get(w);
                long hidden = parts.stream().filter(Cell::hidden).count() + (answered.hidden() ? 1 : 0);
                assertThat(hidden).as(row.question().code() + " in wave " + (w + 1) + ": never exactly one hidden cell in a sum")
                        .isNotEqualTo(1);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
        // and something was hidden in the first place: the single NGO answer of wave 1 and of wave 2
        QuestionRow role = c.questions().stream().filter(q -> q.question().code().equals("role")).findFirst().orElseThrow();
        assertThat(role.options().get(1).waves()).extracting(x -> x.count().display()).containsExactly("<5", "<5");
    }

    @Test
    void the_workbook_of_a_wave_has_a_waves_sheet_with_each_waves_own_cells() throws Exception {
        Built first = data.openSurvey();
        for (int i = 0; i < 6; i++) data.submit(first, SurveyTestData.complete("lawyer", 5 + i, true));
        AccountFixtures.signIn(first.analyst());
        long second = waves.newWave(first.id(), null);
        builder.changeStatus(second, SurveyStatus.OPEN);
        Built secondWave = new Built(second, builder.find(second).orElseThrow().publicKey(), first.analyst());
        AccountFixtures.signOut();
        data.submit(secondWave, SurveyTestData.complete("ngo", 7, false));
        AccountFixtures.signIn(first.analyst());

        ExportStatus status = surveyExport.exportResults(second, null, false);
        assertThat(status.state()).isEqualTo(ExportState.DONE);
        try (InputStream in = Files.newInputStream(exports.download(status.jobId()).path());
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("Waves");
            assertThat(sheet).isNotNull();
            Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
            var format = new org.apache.poi.ss.usermodel.DataFormatter();
            for (Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, r.getLastCellNum()); i++) {
                    cells.add(r.getCell(i) == null ? "" : format.formatCellValue(r.getCell(i)));
                }
                if (!cells.isEmpty()) rows.putIfAbsent(cells.getFirst(), cells);
            }
            assertThat(rows.keySet()).anyMatch(k -> k.startsWith("Wave 1:")).anyMatch(k -> k.startsWith("Wave 2:"));
            assertThat(rows.get("Wave 2: " + builder.find(second).orElseThrow().title()).get(1)).startsWith("Responses: <5");
            // role: wave 1 six lawyers (shown), wave 2 one NGO answer (every part of a small total hidden)
            assertThat(rows.get("Label lawyer").get(1)).isEqualTo("6");
            assertThat(rows.get("Label lawyer").get(3)).isEqualTo("*");
            assertThat(rows.get("Label ngo").get(1)).isEqualTo("0");
            assertThat(rows.get("Label ngo").get(3)).isEqualTo("<5");
        }
    }

    @Test
    void a_matrix_and_a_ranking_are_compared_row_by_row_with_each_waves_own_cells_in_the_waves_sheet_too() throws Exception {
        var analyst = fixtures.signIn(org.ngoplatform.account.Role.ANALYST);
        long id = builder.create(SurveyTestData.settings("Waves matrix sheet"));
        builder.addQuestion(id, 0, SurveyTestData.matrix("rights", true, false, List.of("police", "court"), "yes", "no"));
        builder.addQuestion(id, 0, SurveyTestData.ranking("needs", true, "money", "safety"));
        builder.changeStatus(id, SurveyStatus.OPEN);
        Built first = new Built(id, builder.find(id).orElseThrow().publicKey(), analyst);
        AccountFixtures.signOut();
        for (int i = 0; i < 7; i++) {
            data.submit(first, Map.of("rights", org.ngoplatform.survey.AnswerValue.ofRows(Map.of("police", java.util.Set.of("yes"),
                            "court", java.util.Set.of(i < 2 ? "yes" : "no"))),
                    "needs", org.ngoplatform.survey.AnswerValue.ofRanking(List.of("money", "safety"))));
        }
        AccountFixtures.signIn(analyst);
        long second = waves.newWave(id, null);
        WaveComparison c = comparisons.compare(second, null, null);
        List<SurveyResults> own = List.of(results.results(id, null, null), results.results(second, null, null));
        for (QuestionRow row : c.questions()) {
            for (int w = 0; w < 2; w++) {
                QuestionResult mine = own.get(w).questions().stream()
                        .filter(q -> q.question().code().equals(row.question().code())).findFirst().orElseThrow();
                assertThat(row.rows()).hasSameSizeAs(mine.rows());
                for (var r : mine.rows()) {
                    var group = row.rows().stream().filter(g -> g.code().equals(r.code())).findFirst().orElseThrow();
                    assertThat(group.answered().get(w)).isEqualTo(r.answered());
                    assertThat(group.meanRanks().get(w)).as("mean place as the wave shows it").isEqualTo(r.meanRank());
                    for (var o : r.options()) {
                        var cell = group.options().stream().filter(x -> x.code().equals(o.code())).findFirst().orElseThrow().waves().get(w);
                        assertThat(cell.count()).as("%s.%s wave %d", r.code(), o.code(), w + 1).isEqualTo(o.count());
                        assertThat(cell.percent()).isEqualTo(o.percent());
                    }
                }
            }
        }
        ExportStatus status = surveyExport.exportResults(id, null, false);
        try (InputStream in = Files.newInputStream(exports.download(status.jobId()).path());
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
            var format = new org.apache.poi.ss.usermodel.DataFormatter();
            for (Row r : wb.getSheet("Waves")) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, r.getLastCellNum()); i++) {
                    cells.add(r.getCell(i) == null ? "" : format.formatCellValue(r.getCell(i)));
                }
                if (!cells.isEmpty()) rows.putIfAbsent(cells.getFirst(), cells);
            }
            // two said yes for the court in wave 1: hidden there as in that wave's own results
            assertThat(rows.get("Row court: Label yes").get(1)).isEqualTo("<5");
            assertThat(rows.get("Row police: Label yes").get(1)).isEqualTo("7");
            assertThat(rows.get("Label money: Rank 1").get(1)).isEqualTo("7");
            assertThat(rows.get("Label money: Mean rank").get(1)).isEqualTo("1.0");
        }
    }

    @Test
    void waves_whose_questions_changed_line_up_by_code_with_a_mark_where_a_wave_did_not_ask() {
        Built first = data.openSurvey();
        for (int i = 0; i < 5; i++) data.submit(first, SurveyTestData.complete("lawyer", 5 + i, false));
        AccountFixtures.signIn(first.analyst());
        long second = waves.newWave(first.id(), null);
        // the new wave offers a third role, drops the comment and asks something new
        builder.updateQuestion(second, "role", SurveyTestData.choice("role", org.ngoplatform.survey.QuestionType.SINGLE_CHOICE,
                true, "lawyer", "ngo", "police"));
        builder.removeQuestion(second, "comment");
        builder.addQuestion(second, 0, SurveyTestData.choice("funded", org.ngoplatform.survey.QuestionType.YES_NO, false));

        WaveComparison c = comparisons.compare(second, null, null);
        QuestionRow role = c.questions().stream().filter(q -> q.question().code().equals("role")).findFirst().orElseThrow();
        OptionRow police = role.options().stream().filter(o -> o.code().equals("police")).findFirst().orElseThrow();
        assertThat(police.waves().get(0)).as("wave 1 did not offer it").isNull();
        assertThat(police.waves().get(1).count().display()).isEqualTo("0");
        QuestionRow comment = c.questions().stream().filter(q -> q.question().code().equals("comment")).findFirst().orElseThrow();
        assertThat(comment.answered().get(1)).as("wave 2 does not ask it").isNull();
        QuestionRow funded = c.questions().stream().filter(q -> q.question().code().equals("funded")).findFirst().orElseThrow();
        assertThat(funded.answered().get(0)).isNull();
        assertThat(funded.answered().get(1).display()).isEqualTo("0");
        // the questions in the order of the wave asked about, then what only other waves asked
        assertThat(c.questions()).extracting(q -> q.question().code()).endsWith("comment");
    }
}
