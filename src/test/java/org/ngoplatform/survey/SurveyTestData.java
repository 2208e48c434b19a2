package org.ngoplatform.survey;

import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.survey.design.QuestionForm;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveySettingsForm;
import org.ngoplatform.survey.respond.SurveyRespondentService;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Builds small real surveys through the builder service, as an analyst would. */
@Component
public class SurveyTestData {

    final SurveyBuilderService builder;
    final SurveyRespondentService respondent;
    final AccountFixtures accounts;

    SurveyTestData(SurveyBuilderService builder, SurveyRespondentService respondent, AccountFixtures accounts) {
        this.builder = builder;
        this.respondent = respondent;
        this.accounts = accounts;
    }

    public record Built(long id, String key, AccountPrincipal analyst) {
    }

    public static QuestionForm choice(String code, QuestionType type, boolean required, String... options) {
        QuestionForm f = new QuestionForm();
        f.setCode(code);
        f.setType(type);
        f.setText("Question " + code);
        f.setRequired(required);
        f.setOptions(java.util.Arrays.stream(options).map(o -> new QuestionForm.OptionInput(o, "Label " + o)).toList());
        return f;
    }

    /** A matrix: rows {@code r:<code>} labelled "Row <code>", the options as {@link #choice} labels them. */
    public static QuestionForm matrix(String code, boolean required, boolean multiplePerRow, List<String> rows, String... options) {
        QuestionForm f = choice(code, QuestionType.MATRIX, required, options);
        f.setRows(rows.stream().map(r -> new QuestionForm.OptionInput(r, "Row " + r)).toList());
        f.setMultiplePerRow(multiplePerRow);
        return f;
    }

    public static QuestionForm ranking(String code, boolean required, String... options) {
        return choice(code, QuestionType.RANKING, required, options);
    }

    public static QuestionForm number(String code, boolean required, int min, int max) {
        QuestionForm f = new QuestionForm();
        f.setCode(code);
        f.setType(QuestionType.NUMBER);
        f.setText("How many " + code + "?");
        f.setRequired(required);
        f.setMin(BigDecimal.valueOf(min));
        f.setMax(BigDecimal.valueOf(max));
        f.setIntegerOnly(true);
        return f;
    }

    public static QuestionForm text(String code, QuestionType type) {
        QuestionForm f = new QuestionForm();
        f.setCode(code);
        f.setType(type);
        f.setText("Tell us about " + code);
        return f;
    }

    /** {@code f} shown when the choice question {@code on} has one of {@code options}. */
    public static QuestionForm when(QuestionForm f, String on, String... options) {
        f.setCondition(SurveyStructure.Condition.oneOf(on, new java.util.LinkedHashSet<>(List.of(options))));
        return f;
    }

    /** {@code f} shown when all ({@code ALL}) or any ({@code ANY}) of {@code clauses} hold. */
    public static QuestionForm when(QuestionForm f, SurveyStructure.Condition.Join join, SurveyStructure.Clause... clauses) {
        f.setCondition(new SurveyStructure.Condition(join, List.of(clauses)));
        return f;
    }

    public static SurveySettingsForm settings(String title) {
        SurveySettingsForm s = new SurveySettingsForm();
        s.setTitle(title + " " + UUID.randomUUID().toString().substring(0, 8));
        s.setThankYou("Thanks!");
        return s;
    }

    /**
     * Page 1: role (single, required: lawyer/ngo), years (number 0..60, required).
     * Page 2: claimed (yes/no, required), routes (multiple with other, required, only when claimed = yes),
     * comment (long text, optional). Opened; the caller is signed out afterwards.
     */
    public Built openSurvey(SurveySettingsForm settings) {
        AccountPrincipal analyst = accounts.signIn(Role.ANALYST);
        long id = builder.create(settings);
        builder.addQuestion(id, 0, choice("role", QuestionType.SINGLE_CHOICE, true, "lawyer", "ngo"));
        builder.addQuestion(id, 0, number("years", true, 0, 60));
        builder.addSection(id, "Claims", null);
        builder.addQuestion(id, 1, choice("claimed", QuestionType.YES_NO, true));
        QuestionForm routes = when(choice("routes", QuestionType.MULTIPLE_CHOICE, true, "criminal", "civil", "fund"), "claimed", "yes");
        routes.setAllowOther(true);
        builder.addQuestion(id, 1, routes);
        builder.addQuestion(id, 1, text("comment", QuestionType.LONG_TEXT));
        builder.changeStatus(id, SurveyStatus.OPEN);
        String key = builder.find(id).orElseThrow().publicKey();
        AccountFixtures.signOut();
        return new Built(id, key, analyst);
    }

    public Built openSurvey() {
        return openSurvey(settings("Test survey"));
    }

    public static Map<String, AnswerValue> complete(String role, int years, boolean claimed) {
        return claimed
                ? Map.of("role", AnswerValue.ofOptions(role), "years", AnswerValue.ofNumber(years),
                "claimed", AnswerValue.ofOptions("yes"), "routes", AnswerValue.ofOptions("criminal", "fund"),
                "comment", AnswerValue.ofText("Legal aid is missing."))
                : Map.of("role", AnswerValue.ofOptions(role), "years", AnswerValue.ofNumber(years),
                "claimed", AnswerValue.ofOptions("no"));
    }

    /** Submits as whoever is signed in now (or anonymously). */
    public void submit(Built survey, Map<String, AnswerValue> answers) {
        respondent.submit(survey.key(), respondent.newSubmissionToken(), answers, null);
    }

    public static List<String> codes(SurveyStructure s) {
        return s.questions().stream().map(SurveyStructure.QuestionDef::code).toList();
    }
}
