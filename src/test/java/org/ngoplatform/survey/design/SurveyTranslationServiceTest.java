package org.ngoplatform.survey.design;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportState;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyRejectedException;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.SurveyTexts.Progress;
import org.ngoplatform.survey.design.SurveyTranslationService.SurveyLanguageSummary;
import org.ngoplatform.survey.design.SurveyTranslationService.TranslationSummary;
import org.ngoplatform.survey.respond.SurveyRespondentService;
import org.ngoplatform.survey.respond.SurveyRespondentService.OpenSurvey;
import org.ngoplatform.survey.results.SurveyExportService;
import org.ngoplatform.survey.results.SurveyResultsService;
import org.ngoplatform.survey.results.SurveyResultsService.QuestionResult;
import org.ngoplatform.survey.results.SurveyResultsService.SurveyResults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ngoplatform.survey.SurveyTestData.choice;
import static org.ngoplatform.survey.SurveyTestData.number;
import static org.ngoplatform.survey.SurveyTestData.settings;

/** Issue 17 §1: a survey's content in several languages, each rule through the services. */
@IntegrationTest
class SurveyTranslationServiceTest {

    @Autowired SurveyBuilderService builder;
    @Autowired SurveyTranslationService translation;
    @Autowired SurveyRespondentService respondent;
    @Autowired SurveyResultsService results;
    @Autowired SurveyExportService surveyExport;
    @Autowired ExportService exports;
    @Autowired AccountFixtures fixtures;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /** A draft survey (base language English): role (lawyer/ngo, required), years (number); the analyst stays signed in. */
    private long draft() {
        fixtures.signIn(Role.ANALYST);
        var form = settings("Languages");
        form.setSuppressionK(2);   // small counts of three responses stay visible
        long id = builder.create(form);
        builder.addQuestion(id, 0, choice("role", QuestionType.SINGLE_CHOICE, true, "lawyer", "ngo"));
        builder.addQuestion(id, 0, number("years", false, 0, 60));
        return id;
    }

    /** Translates every text of the current structure into {@code language} as "[de] <base text>". */
    private Progress translateAll(long id, String language) {
        Progress last = null;
        for (TranslationSummary t : translation.texts(id, language)) {
            last = translation.saveText(id, language, t.key(), "[" + language + "] " + t.base());
        }
        return last;
    }

    private String key(long id) {
        return jdbc.sql("SELECT public_key FROM survey WHERE id = ?").param(id).query(String.class).single();
    }

    private SurveyLanguageSummary language(long id, String code) {
        return translation.languages(id).stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    private long rows(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void a_translator_edits_each_text_beside_the_base_text_and_the_language_shows_how_complete_it_is() {
        long id = draft();
        translation.addLanguage(id, "DE ");   // any case and spacing of an ISO code

        List<TranslationSummary> texts = translation.texts(id, "de");
        assertThat(texts).extracting(TranslationSummary::key).containsExactly("title", "thank_you", "section.0.title",
                "q.role.text", "q.role.option.lawyer", "q.role.option.ngo", "q.years.text");
        assertThat(texts).filteredOn(t -> t.key().equals("q.role.option.ngo")).singleElement()
                .satisfies(t -> assertThat(t.base()).isEqualTo("Label ngo"));
        assertThat(language(id, "de").progress()).isEqualTo(new Progress(0, 0, 7));

        Progress one = translation.saveText(id, "de", "q.role.text", "  Ihre Rolle  ");
        assertThat(one).isEqualTo(new Progress(1, 0, 7));
        assertThat(translation.texts(id, "de")).filteredOn(t -> t.key().equals("q.role.text")).singleElement()
                .satisfies(t -> assertThat(t.translation()).isEqualTo("Ihre Rolle"));
        assertThat(translateAll(id, "de").complete()).isTrue();
        assertThat(language(id, "de").ready()).isTrue();
        // a blank translation removes it again
        assertThat(translation.saveText(id, "de", "q.years.text", " ")).isEqualTo(new Progress(6, 0, 7));
        // the base language is listed first and is always complete
        assertThat(translation.languages(id).getFirst()).satisfies(l -> {
            assertThat(l.code()).isEqualTo("en");
            assertThat(l.base()).isTrue();
        });
    }

    @Test
    void a_survey_opens_only_with_its_languages_complete_or_marked_to_fall_back_visibly() {
        long id = draft();
        translation.addLanguage(id, "de");
        translation.saveText(id, "de", "q.role.text", "Ihre Rolle");

        assertThatThrownBy(() -> builder.changeStatus(id, SurveyStatus.OPEN)).isInstanceOf(SurveyRejectedException.class)
                .extracting(e -> ((SurveyRejectedException) e).messageKey()).isEqualTo("survey.error.language-incomplete");
        assertThat(builder.find(id).orElseThrow().status()).isEqualTo(SurveyStatus.DRAFT);

        translation.setFallback(id, "de", true);
        builder.changeStatus(id, SurveyStatus.OPEN);
        AccountFixtures.signOut();

        OpenSurvey german = respondent.open(key(id), "de").orElseThrow();
        assertThat(german.language()).isEqualTo("de");
        assertThat(german.languages()).containsExactly("en", "de");
        assertThat(german.structure().question("role").orElseThrow().text()).isEqualTo("Ihre Rolle");
        // what is missing shows in the base language, and the page is told which texts those are
        assertThat(german.structure().question("years").orElseThrow().text()).isEqualTo("How many years?");
        assertThat(german.fallbacks()).contains("q.years.text", "q.role.option.lawyer").doesNotContain("q.role.text");
        // an incomplete language without the fall-back mark is not offered to respondents
        fixtures.signIn(Role.ANALYST);
        translation.setFallback(id, "de", false);
        AccountFixtures.signOut();
        assertThat(respondent.open(key(id), "de").orElseThrow()).satisfies(s -> {
            assertThat(s.languages()).containsExactly("en");
            assertThat(s.language()).isEqualTo("en");
        });
    }

    @Test
    void respondents_answer_in_their_language_the_response_records_it_and_answers_pool_across_languages() {
        long id = draft();
        translation.addLanguage(id, "de");
        translateAll(id, "de");
        builder.changeStatus(id, SurveyStatus.OPEN);
        AccountFixtures.signOut();
        String key = key(id);

        respondent.submit(key, respondent.newSubmissionToken(), Map.of("role", AnswerValue.ofOptions("lawyer")), null, "de");
        respondent.submit(key, respondent.newSubmissionToken(), Map.of("role", AnswerValue.ofOptions("lawyer")), null, null);
        respondent.submit(key, respondent.newSubmissionToken(), Map.of("role", AnswerValue.ofOptions("ngo")), null, "en");

        assertThat(jdbc.sql("SELECT language FROM survey_response WHERE survey_id = ? ORDER BY language").param(id)
                .query(String.class).list()).containsExactly("de", "en", "en");

        fixtures.signIn(Role.ANALYST);
        SurveyResults german = results.results(id, null, "de");
        SurveyResults english = results.results(id, null, "en");
        QuestionResult role = german.questions().getFirst();
        assertThat(role.question().text()).isEqualTo("[de] Question role");
        assertThat(role.options()).extracting(o -> o.label()).containsExactly("[de] Label lawyer", "[de] Label ngo");
        assertThat(english.questions().getFirst().question().text()).isEqualTo("Question role");
        // the same counts in every language: three responses, two lawyers, whatever language they answered in
        assertThat(role.answered().display()).isEqualTo("3");
        assertThat(english.questions().getFirst().answered().display()).isEqualTo("3");
        assertThat(german.responses().display()).isEqualTo(english.responses().display());
    }

    @Test
    void a_translation_fix_makes_no_new_version_but_a_structural_change_does_and_old_translations_stay() {
        long id = draft();
        translation.addLanguage(id, "de");
        translateAll(id, "de");
        builder.changeStatus(id, SurveyStatus.OPEN);
        AccountFixtures.signOut();
        respondent.submit(key(id), respondent.newSubmissionToken(), Map.of("role", AnswerValue.ofOptions("ngo")), null, "de");
        fixtures.signIn(Role.ANALYST);

        translation.saveText(id, "de", "q.role.text", "Welche Rolle haben Sie?");
        assertThat(builder.find(id).orElseThrow().currentVersion()).isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM survey_version WHERE survey_id = ?", id)).isEqualTo(1);

        builder.addQuestion(id, 0, choice("claimed", QuestionType.YES_NO, false));
        assertThat(builder.find(id).orElseThrow().currentVersion()).isEqualTo(2);
        // the new question still needs its German text; everything translated before carries over to version 2
        assertThat(language(id, "de").progress()).isEqualTo(new Progress(7, 0, 8));
        assertThat(language(id, "de").ready()).isFalse();
    }

    @Test
    void a_changed_base_text_makes_its_translation_outdated_and_respondents_see_the_base_text() {
        long id = draft();
        translation.addLanguage(id, "de");
        translateAll(id, "de");
        var changed = choice("role", QuestionType.SINGLE_CHOICE, true, "lawyer", "ngo");
        changed.setText("What is your main role?");
        builder.updateQuestion(id, "role", changed);

        assertThat(language(id, "de").progress()).isEqualTo(new Progress(6, 1, 7));
        assertThat(translation.texts(id, "de")).filteredOn(t -> t.key().equals("q.role.text")).singleElement()
                .satisfies(t -> assertThat(t.current()).isFalse());
        translation.setFallback(id, "de", true);
        builder.changeStatus(id, SurveyStatus.OPEN);
        assertThat(respondent.open(key(id), "de").orElseThrow().structure().question("role").orElseThrow().text())
                .isEqualTo("What is your main role?");
    }

    @Test
    void the_base_language_is_any_iso_language_never_also_a_further_one_and_fixed_once_answered() {
        fixtures.signIn(Role.ANALYST);
        var ukrainian = settings("Ukrainian base");
        ukrainian.setBaseLanguage("uk");
        long id = builder.create(ukrainian);
        builder.addQuestion(id, 0, choice("role", QuestionType.SINGLE_CHOICE, true, "lawyer", "ngo"));
        assertThat(translation.languages(id).getFirst().code()).isEqualTo("uk");
        assertThatThrownBy(() -> translation.addLanguage(id, "uk")).isInstanceOf(SurveyRejectedException.class)
                .extracting(e -> ((SurveyRejectedException) e).messageKey()).isEqualTo("survey.error.language-base");
        translation.addLanguage(id, "sq");
        assertThatThrownBy(() -> translation.setBaseLanguage(id, "sq")).isInstanceOf(SurveyRejectedException.class)
                .extracting(e -> ((SurveyRejectedException) e).messageKey()).isEqualTo("survey.error.language-present");
        translation.setBaseLanguage(id, "ru");
        assertThat(translation.languages(id).getFirst().code()).isEqualTo("ru");

        translation.setFallback(id, "sq", true);
        builder.changeStatus(id, SurveyStatus.OPEN);
        respondent.submit(key(id), respondent.newSubmissionToken(), Map.of("role", AnswerValue.ofOptions("ngo")), null);
        assertThat(jdbc.sql("SELECT language FROM survey_response WHERE survey_id = ?").param(id).query(String.class).single())
                .isEqualTo("ru");
        assertThatThrownBy(() -> translation.setBaseLanguage(id, "en")).isInstanceOf(SurveyRejectedException.class)
                .extracting(e -> ((SurveyRejectedException) e).messageKey()).isEqualTo("survey.error.language-base-frozen");
    }

    @Test
    void unknown_language_codes_and_a_ten_megabyte_paste_are_refused_with_a_message_and_change_nothing() {
        long id = draft();
        translation.addLanguage(id, "de");
        translation.saveText(id, "de", "q.role.text", "Ihre Rolle");
        String tenMegabytes = "Ü".repeat(10 * 1024 * 1024);
        List<Runnable> bad = new ArrayList<>(List.of(
                () -> translation.addLanguage(id, "xx"),
                () -> translation.addLanguage(id, "klingon"),
                () -> translation.addLanguage(id, null),
                () -> translation.addLanguage(id, tenMegabytes),
                () -> translation.setBaseLanguage(id, "zz"),
                () -> translation.saveText(id, "fr", "q.role.text", "Votre rôle"),
                () -> translation.saveText(id, "de", "q.nothing.text", "Nichts"),
                () -> translation.saveText(id, "de", "q.role.text", tenMegabytes),
                () -> translation.saveText(id, "de", "q.role.option.ngo", "N".repeat(301)),
                () -> translation.setFallback(id, "tlh", true),
                () -> translation.texts(id, "xx")));
        for (Runnable r : bad) {
            assertThatThrownBy(r::run).isInstanceOf(SurveyRejectedException.class)
                    .extracting(e -> ((SurveyRejectedException) e).messageKey())
                    .isIn("survey.error.language-unknown", "survey.error.language-not-added", "survey.error.text-unknown",
                            "survey.error.too-long");
        }
        assertThat(translation.languages(id)).extracting(SurveyLanguageSummary::code).containsExactly("en", "de");
        assertThat(translation.texts(id, "de")).filteredOn(t -> t.translation() != null).singleElement()
                .satisfies(t -> assertThat(t.translation()).isEqualTo("Ihre Rolle"));
        assertThat(rows("SELECT COUNT(*) FROM survey_translation WHERE survey_id = ?", id)).isEqualTo(1);

        // a respondent cannot answer in a language the survey does not offer: nothing is written
        translation.setFallback(id, "de", true);
        builder.changeStatus(id, SurveyStatus.OPEN);
        AccountFixtures.signOut();
        for (String language : List.of("fr", "xx", tenMegabytes)) {
            assertThatThrownBy(() -> respondent.submit(key(id), respondent.newSubmissionToken(),
                    Map.of("role", AnswerValue.ofOptions("ngo")), null, language))
                    .isInstanceOf(SurveyRejectedException.class)
                    .extracting(e -> ((SurveyRejectedException) e).messageKey()).isEqualTo("survey.error.language-unknown");
        }
        assertThat(rows("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?", id)).isZero();
        // an unknown language asked for when opening shows the base language
        assertThat(respondent.open(key(id), "xx").orElseThrow().language()).isEqualTo("en");
    }

    @Test
    void the_workbook_shows_the_chosen_language_and_its_codebook_lists_every_language() throws Exception {
        long id = draft();
        translation.addLanguage(id, "de");
        translateAll(id, "de");
        translation.addLanguage(id, "uk");
        translation.saveText(id, "uk", "q.role.text", "Ваша роль");
        translation.setFallback(id, "uk", true);
        builder.changeStatus(id, SurveyStatus.OPEN);
        AccountFixtures.signOut();
        respondent.submit(key(id), respondent.newSubmissionToken(), Map.of("role", AnswerValue.ofOptions("ngo")), null, "de");
        respondent.submit(key(id), respondent.newSubmissionToken(), Map.of("role", AnswerValue.ofOptions("ngo")), null, "uk");
        fixtures.signIn(Role.ANALYST);

        ExportStatus status = surveyExport.exportResults(id, null, false, "de");
        assertThat(status.state()).isEqualTo(ExportState.DONE);
        try (InputStream in = Files.newInputStream(exports.download(status.jobId()).path());
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet codebook = wb.getSheet("Codebook");
            List<String> header = new ArrayList<>();
            codebook.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).endsWith("Text: English (en)", "Text: German (de)", "Text: Ukrainian (uk)");
            int en = header.indexOf("Text: English (en)");
            List<List<String>> rows = new ArrayList<>();
            for (int r = 1; r <= codebook.getLastRowNum(); r++) {
                Row row = codebook.getRow(r);
                List<String> values = new ArrayList<>();
                for (int c : new int[] {0, 1, 3, en, en + 1, en + 2}) {
                    values.add(row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue());
                }
                rows.add(values);
            }
            assertThat(rows).contains(
                    List.of("role", "", "[de] Question role", "Question role", "[de] Question role", "Ваша роль"),
                    List.of("role", "ngo", "[de] Label ngo", "Label ngo", "[de] Label ngo", ""));
            // responses of both languages are in the one Responses sheet
            assertThat(wb.getSheet("Responses").getLastRowNum()).isEqualTo(2);
            StringBuilder about = new StringBuilder();
            wb.getSheet("About").forEach(r -> r.forEach(c -> about.append(c.toString()).append('|')));
            assertThat(about.toString()).contains("German (de)");
        }
    }
}
