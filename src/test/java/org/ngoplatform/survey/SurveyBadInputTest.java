package org.ngoplatform.survey;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ngoplatform.HostileInput;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.export.ExportState;
import org.ngoplatform.export.ExportStatus;
import org.ngoplatform.survey.design.QuestionForm;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveySettingsForm;
import org.ngoplatform.survey.respond.AnswerRules;
import org.ngoplatform.survey.respond.SurveyRespondentService;
import org.ngoplatform.survey.results.SurveyExportService;
import org.ngoplatform.survey.results.SurveyResultsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile text (empty, 100,000 characters, control characters, right-to-left and emoji, markup) in every survey
 * form's service entry point: the builder's settings, pages and questions (text, help, option labels, scale labels,
 * codes, conditions), the respondent's free text (submit and save for later) and the resume code lookup. Each is
 * refused with the survey's own clear rejection and nothing written, or stored exactly as typed with only leading
 * and trailing white space removed (the documented normalisation; an optional text that is blank is stored as
 * nothing).
 */
@IntegrationTest
class SurveyBadInputTest {

    static Stream<String> hostile() {
        return HostileInput.texts();
    }

    static final String[] SURVEY_TABLES = {"survey", "survey_version", "survey_section", "survey_question",
            "survey_option", "audit_event"};
    static final String[] RESPONSE_TABLES = {"survey_response", "survey_answer", "survey_used_token",
            "survey_draft", "survey_draft_answer"};

    @Autowired SurveyBuilderService builder;
    @Autowired SurveyRespondentService respondent;
    @Autowired SurveyResultsService results;
    @Autowired SurveyExportService surveyExport;
    @Autowired ExportService exports;
    @Autowired AccountFixtures fixtures;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private HostileInput input() {
        return new HostileInput(jdbc).alsoClear(SurveyRejectedException.class);
    }

    private String column(String sql, Object... args) {
        return jdbc.queryForObject(sql, String.class, args);
    }

    /** What an accepted optional text becomes: stripped, or nothing when blank. */
    private static String optional(String text) {
        return text.isBlank() ? null : text.strip();
    }

    // --- builder ------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("hostile")
    void survey_settings_title_intro_and_thank_you(String text) {
        fixtures.signIn(Role.ANALYST);
        long[] created = {0};
        SurveySettingsForm titled = SurveyTestData.settings("Bad input");
        titled.setTitle(text);
        if (input().acceptedOrClearlyRefused(() -> created[0] = builder.create(titled), SURVEY_TABLES)) {
            assertThat(column("select title from survey where id = ?", created[0])).isEqualTo(text.strip());
        } else {
            assertThat(text.isBlank() || text.length() > SurveySettingsForm.TITLE_MAX).as("refused only when blank or too long").isTrue();
        }

        long id = builder.create(SurveyTestData.settings("Bad input texts"));
        SurveySettingsForm intro = builder.find(id).orElseThrow().toForm();
        intro.setIntro(text);
        if (input().acceptedOrClearlyRefused(() -> builder.updateSettings(id, intro), SURVEY_TABLES)) {
            assertThat(column("select intro from survey where id = ?", id)).isEqualTo(optional(text));
        }
        SurveySettingsForm thanks = builder.find(id).orElseThrow().toForm();
        thanks.setThankYou(text);
        if (input().acceptedOrClearlyRefused(() -> builder.updateSettings(id, thanks), SURVEY_TABLES)) {
            assertThat(column("select thank_you from survey where id = ?", id)).isEqualTo(optional(text));
        }
        long[] copy = {0};
        if (input().acceptedOrClearlyRefused(() -> copy[0] = builder.duplicate(id, text), SURVEY_TABLES)) {
            String expected = text.isBlank() ? builder.find(id).orElseThrow().title() : text.strip();
            assertThat(column("select title from survey where id = ?", copy[0])).isEqualTo(expected);
        }
    }

    @Test
    void an_over_long_settings_text_is_refused_as_too_long_on_its_field() {
        fixtures.signIn(Role.ANALYST);
        SurveySettingsForm form = SurveyTestData.settings("Too long");
        form.setThankYou("x".repeat(SurveySettingsForm.THANK_YOU_MAX + 1));
        SurveyRejectedException refused = org.junit.jupiter.api.Assertions.assertThrows(SurveyRejectedException.class,
                () -> builder.create(form));
        assertThat(refused.field()).isEqualTo("thankYou");
        assertThat(refused.messageKey()).isEqualTo("survey.error.too-long");
        form.setThankYou("x".repeat(SurveySettingsForm.THANK_YOU_MAX));
        long id = builder.create(form);
        assertThat(column("select thank_you from survey where id = ?", id)).hasSize(SurveySettingsForm.THANK_YOU_MAX);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void page_title_and_intro(String text) {
        fixtures.signIn(Role.ANALYST);
        long id = builder.create(SurveyTestData.settings("Pages"));
        if (input().acceptedOrClearlyRefused(() -> builder.addSection(id, text, "Intro"), SURVEY_TABLES)) {
            assertThat(builder.structure(id).sections().get(1).title()).isEqualTo(text.strip());
            assertThat(column("select s.title from survey_section s join survey_version v on v.id = s.version_id"
                    + " where v.survey_id = ? and s.sort_order = 1", id)).isEqualTo(text.strip());
        }
        if (input().acceptedOrClearlyRefused(() -> builder.editSection(id, 0, "Page one", text), SURVEY_TABLES)) {
            assertThat(builder.structure(id).sections().getFirst().intro()).isEqualTo(optional(text));
        }
    }

    private static QuestionForm shortText(String code) {
        return SurveyTestData.text(code, QuestionType.SHORT_TEXT);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void question_text_help_and_scale_labels(String text) {
        fixtures.signIn(Role.ANALYST);
        long id = builder.create(SurveyTestData.settings("Questions"));
        QuestionForm asked = shortText("asked");
        asked.setText(text);
        if (input().acceptedOrClearlyRefused(() -> builder.addQuestion(id, 0, asked), SURVEY_TABLES)) {
            assertThat(builder.structure(id).question("asked").orElseThrow().text()).isEqualTo(text.strip());
            assertThat(column("select q.question_text from survey_question q join survey_version v on v.id = q.version_id"
                    + " where v.survey_id = ? and q.code = 'asked'", id)).isEqualTo(text.strip());
        } else {
            assertThat(text.isBlank() || text.length() > QuestionForm.TEXT_MAX).isTrue();
        }
        QuestionForm helped = shortText("helped");
        helped.setHelp(text);
        if (input().acceptedOrClearlyRefused(() -> builder.addQuestion(id, 0, helped), SURVEY_TABLES)) {
            assertThat(builder.structure(id).question("helped").orElseThrow().help()).isEqualTo(optional(text));
        }
        QuestionForm scale = shortText("scaled");
        scale.setType(QuestionType.SCALE);
        scale.setScaleMinLabel(text);
        scale.setScaleMaxLabel(text);
        if (input().acceptedOrClearlyRefused(() -> builder.addQuestion(id, 0, scale), SURVEY_TABLES)) {
            var q = builder.structure(id).question("scaled").orElseThrow();
            assertThat(q.scaleMinLabel()).isEqualTo(optional(text));
            assertThat(q.scaleMaxLabel()).isEqualTo(optional(text));
        }
        // the text of an existing question, changed
        builder.addQuestion(id, 0, shortText("edited"));
        QuestionForm edit = QuestionForm.of(builder.structure(id).question("edited").orElseThrow());
        edit.setText(text);
        if (input().acceptedOrClearlyRefused(() -> builder.updateQuestion(id, "edited", edit), SURVEY_TABLES)) {
            assertThat(builder.structure(id).question("edited").orElseThrow().text()).isEqualTo(text.strip());
        } else {
            assertThat(builder.structure(id).question("edited").orElseThrow().text()).isEqualTo("Tell us about edited");
        }
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void option_labels_option_codes_question_codes_and_conditions(String text) {
        fixtures.signIn(Role.ANALYST);
        long id = builder.create(SurveyTestData.settings("Options"));
        QuestionForm labelled = SurveyTestData.choice("labelled", QuestionType.SINGLE_CHOICE, false, "a", "b");
        labelled.setOptions(List.of(new QuestionForm.OptionInput("a", text), new QuestionForm.OptionInput("b", "Label b")));
        if (input().acceptedOrClearlyRefused(() -> builder.addQuestion(id, 0, labelled), SURVEY_TABLES)) {
            assertThat(builder.structure(id).question("labelled").orElseThrow().options().getFirst().label())
                    .isEqualTo(text.strip());
        } else {
            assertThat(text.isBlank() || text.strip().length() > QuestionForm.OPTION_LABEL_MAX).isTrue();
        }
        QuestionForm optionCode = SurveyTestData.choice("coded", QuestionType.SINGLE_CHOICE, false, "a");
        optionCode.setOptions(List.of(new QuestionForm.OptionInput(text, "Label")));
        assertThat(input().acceptedOrClearlyRefused(() -> builder.addQuestion(id, 0, optionCode), SURVEY_TABLES))
                .as("option codes are plain identifiers").isFalse();
        QuestionForm code = shortText("x");
        code.setCode(text);
        assertThat(input().acceptedOrClearlyRefused(() -> builder.addQuestion(id, 0, code), SURVEY_TABLES))
                .as("question codes are plain identifiers").isFalse();

        builder.addQuestion(id, 0, SurveyTestData.choice("on", QuestionType.YES_NO, false));
        QuestionForm conditionOn = SurveyTestData.when(shortText("cond_q"), "on", "yes");
        conditionOn.setCondition(SurveyStructure.Condition.oneOf(text, java.util.Set.of("yes")));
        assertThat(input().acceptedOrClearlyRefused(() -> builder.addQuestion(id, 0, conditionOn), SURVEY_TABLES))
                .as("a condition names a real earlier question").isFalse();
        QuestionForm conditionOptions = SurveyTestData.when(shortText("cond_o"), "on", "yes");
        conditionOptions.setCondition(SurveyStructure.Condition.oneOf("on", new LinkedHashSet<>(List.of("yes", text))));
        assertThat(input().acceptedOrClearlyRefused(() -> builder.addQuestion(id, 0, conditionOptions), SURVEY_TABLES))
                .as("a condition names real options only").isFalse();
    }

    @Test
    void a_condition_on_fifty_long_option_codes_is_refused_clearly_not_by_the_column() {
        fixtures.signIn(Role.ANALYST);
        long id = builder.create(SurveyTestData.settings("Wide condition"));
        List<QuestionForm.OptionInput> options = new ArrayList<>();
        for (int i = 0; i < QuestionForm.OPTIONS_MAX; i++) {
            options.add(new QuestionForm.OptionInput(String.format("option_with_a_rather_long_code_%02d", i), "Option " + i));
        }
        QuestionForm wide = SurveyTestData.choice("wide", QuestionType.MULTIPLE_CHOICE, false);
        wide.setOptions(options);
        builder.addQuestion(id, 0, wide);
        QuestionForm follow = SurveyTestData.when(shortText("follow"), "wide",
                options.stream().map(QuestionForm.OptionInput::code).toArray(String[]::new));
        // ten clauses of fifty long codes each: more than the column holds
        follow.setCondition(new SurveyStructure.Condition(SurveyStructure.Condition.Join.ANY,
                java.util.Collections.nCopies(SurveyConditions.CLAUSES_MAX, follow.getCondition().clauses().getFirst())));
        SurveyRejectedException refused = org.junit.jupiter.api.Assertions.assertThrows(SurveyRejectedException.class,
                () -> builder.addQuestion(id, 0, follow));
        assertThat(refused.messageKey()).isEqualTo("survey.error.condition-too-many");
        assertThat(builder.structure(id).question("follow")).isEmpty();
    }

    // --- respondent ---------------------------------------------------------------------------------

    /** Open, anonymous: name (short text), story (long text), role (single choice with "other"), trust (scale). */
    private SurveyTestData.Built textSurvey() {
        AccountPrincipal analyst = fixtures.signIn(Role.ANALYST);
        long id = builder.create(SurveyTestData.settings("Free text"));
        builder.addQuestion(id, 0, shortText("name"));
        builder.addQuestion(id, 0, SurveyTestData.text("story", QuestionType.LONG_TEXT));
        QuestionForm role = SurveyTestData.choice("role", QuestionType.SINGLE_CHOICE, false, "lawyer", "ngo");
        role.setAllowOther(true);
        builder.addQuestion(id, 0, role);
        QuestionForm trust = shortText("trust");
        trust.setType(QuestionType.SCALE);
        builder.addQuestion(id, 0, trust);
        builder.changeStatus(id, SurveyStatus.OPEN);
        String key = builder.find(id).orElseThrow().publicKey();
        AccountFixtures.signOut();
        return new SurveyTestData.Built(id, key, analyst);
    }

    private String storedAnswer(long surveyId, String code) {
        List<String> texts = jdbc.queryForList("select a.text_value from survey_answer a join survey_response r on r.id = a.response_id"
                + " join survey_question q on q.id = a.question_id where r.survey_id = ? and q.code = ?", String.class, surveyId, code);
        assertThat(texts).hasSizeLessThanOrEqualTo(1);
        return texts.isEmpty() ? null : texts.getFirst();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void free_text_answers_on_submit(String text) {
        var survey = textSurvey();
        Map<String, AnswerValue> answers = Map.of("name", AnswerValue.ofText(text), "story", AnswerValue.ofText(text),
                "role", AnswerValue.ofOptions(Set.of("other"), text));
        boolean accepted = input().acceptedOrClearlyRefused(
                () -> respondent.submit(survey.key(), respondent.newSubmissionToken(), answers, null), RESPONSE_TABLES);
        if (accepted) {
            assertThat(storedAnswer(survey.id(), "name")).isEqualTo(optional(text));
            assertThat(storedAnswer(survey.id(), "story")).isEqualTo(optional(text));
            assertThat(storedAnswer(survey.id(), "role")).isEqualTo(text.strip());
        } else {
            assertThat(text.isBlank() || text.strip().length() > QuestionType.SHORT_TEXT_MAX)
                    .as("refused only for a missing 'other' or too long").isTrue();
        }
        // each field on its own: the long text takes up to 4,000 characters
        for (String code : List.of("name", "story")) {
            var one = textSurvey();
            boolean ok = input().acceptedOrClearlyRefused(() -> respondent.submit(one.key(), respondent.newSubmissionToken(),
                    Map.of(code, AnswerValue.ofText(text)), null), RESPONSE_TABLES);
            int max = code.equals("name") ? QuestionType.SHORT_TEXT_MAX : QuestionType.LONG_TEXT_MAX;
            assertThat(ok).isEqualTo(text.strip().length() <= max);
            if (ok) {
                assertThat(storedAnswer(one.id(), code)).isEqualTo(optional(text));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void free_text_answers_saved_for_later_come_back_exactly(String text) {
        var survey = textSurvey();
        Map<String, AnswerValue> answers = Map.of("story", AnswerValue.ofText(text), "role", AnswerValue.ofOptions(Set.of("other"), text));
        SurveyRespondentService.SavedDraft[] saved = {null};
        if (input().acceptedOrClearlyRefused(() -> saved[0] = respondent.saveDraft(survey.key(), null, answers, 0), RESPONSE_TABLES)) {
            var resumed = respondent.resumeWithCode(survey.key(), saved[0].resumeCode());
            assertThat(resumed.answers().get("story").text()).isEqualTo(text.strip());
            assertThat(resumed.answers().get("role").otherText()).isEqualTo(text.strip());
        } else {
            assertThat(text.isBlank() || text.strip().length() > QuestionType.SHORT_TEXT_MAX).isTrue();
        }
        // a hostile resume code given with the save: a fresh code is issued
        Map<String, AnswerValue> fine = Map.of("name", AnswerValue.ofText("Anna"));
        assertThat(input().acceptedOrClearlyRefused(() -> saved[0] = respondent.saveDraft(survey.key(), text, fine, 0),
                RESPONSE_TABLES)).isTrue();
        assertThat(saved[0].resumeCode()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(respondent.resumeWithCode(survey.key(), saved[0].resumeCode()).answers().get("name").text()).isEqualTo("Anna");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void resume_code_lookup(String text) {
        var survey = textSurvey();
        respondent.saveDraft(survey.key(), null, Map.of("name", AnswerValue.ofText("Anna")), 0);
        assertThat(input().acceptedOrClearlyRefused(() -> respondent.resumeWithCode(survey.key(), text), RESPONSE_TABLES))
                .as("no hostile text is anyone's resume code").isFalse();
        assertThat(input().acceptedOrClearlyRefused(() -> respondent.open(text), RESPONSE_TABLES)).isTrue();
        assertThat(respondent.open(text)).isEmpty();
    }

    @Test
    void a_huge_scale_answer_is_refused_not_wrapped_into_the_scale() {
        var survey = textSurvey();
        // 2^32 + 3: intValue() would have made it 3
        var answer = Map.of("trust", AnswerValue.ofNumber(new java.math.BigDecimal("4294967299")));
        assertThat(input().acceptedOrClearlyRefused(() -> respondent.submit(survey.key(), respondent.newSubmissionToken(),
                answer, null), RESPONSE_TABLES)).isFalse();
        AccountFixtures.signIn(survey.analyst());
        SurveyStructure structure = builder.structure(survey.id());
        var problems = AnswerRules.validate(structure.questions(), AnswerRules.visibility(structure, answer), answer);
        assertThat(problems.get("trust").key()).isEqualTo("survey.answer.scale");
    }

    // --- the workbook -------------------------------------------------------------------------------

    @Test
    void control_characters_in_an_answer_do_not_break_the_workbook() throws Exception {
        var survey = textSurvey();
        String text = "Anna\u0000\u0007\u001b[31m\r\nNovak";
        respondent.submit(survey.key(), respondent.newSubmissionToken(), Map.of("story", AnswerValue.ofText(text)), null);
        AccountFixtures.signIn(survey.analyst());
        ExportStatus status = surveyExport.exportResults(survey.id(), null, false);
        assertThat(status.state()).isEqualTo(ExportState.DONE);
        try (InputStream in = Files.newInputStream(exports.download(status.jobId()).path()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("Responses");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            Cell cell = sheet.getRow(1).getCell(header.indexOf("story"));
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            // XML 1.0 cannot hold these: the streamed sheet writes "?" for each, keeps tab, CR and LF
            assertThat(cell.getStringCellValue()).isEqualTo("Anna???[31m\r\nNovak");
        }
    }


    static final List<String> LITERAL = List.of(
            "<script>alert('x')</script><b>b</b>",
            "=HYPERLINK(\"http://x\")",
            "+1",
            "@SUM(A1)",
            "-2+3",
            "\u202eآنا نوفاك \u05d0\u05e0\u05d4 🙂👩🏽‍⚖️");

    @Test
    void free_text_with_markup_or_formulas_comes_out_as_exact_string_cells() throws Exception {
        var survey = textSurvey();
        for (String text : LITERAL) {
            respondent.submit(survey.key(), respondent.newSubmissionToken(),
                    Map.of("story", AnswerValue.ofText(text), "name", AnswerValue.ofText(text),
                            "role", AnswerValue.ofOptions(Set.of("other"), text)), null);
        }
        // rows come in the responses' random sort-key order; ids follow the submission order of LITERAL
        List<Long> bySubmission = jdbc.queryForList("SELECT id FROM survey_response WHERE survey_id = ? ORDER BY id",
                Long.class, survey.id());
        List<String> expected = jdbc.queryForList("SELECT id FROM survey_response WHERE survey_id = ? ORDER BY sort_key, id",
                Long.class, survey.id()).stream().map(id -> LITERAL.get(bySubmission.indexOf(id))).toList();
        assertThat(expected).containsExactlyInAnyOrderElementsOf(LITERAL);
        AccountFixtures.signIn(survey.analyst());
        ExportStatus status = surveyExport.exportResults(survey.id(), null, false);
        assertThat(status.state()).isEqualTo(ExportState.DONE);
        Path file = exports.download(status.jobId()).path();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("Responses");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            for (String column : List.of("name", "story", "role.other_text")) {
                List<String> texts = new ArrayList<>();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    Cell cell = row.getCell(header.indexOf(column));
                    assertThat(cell.getCellType()).as(column + " row " + r).isEqualTo(CellType.STRING);
                    texts.add(cell.getStringCellValue());
                }
                assertThat(texts).as(column).containsExactlyElementsOf(expected);
            }
        }
    }
}
