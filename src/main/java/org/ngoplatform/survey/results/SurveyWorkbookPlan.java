package org.ngoplatform.survey.results;

import org.ngoplatform.account.AccountSummary;
import org.ngoplatform.export.CellKind;
import org.ngoplatform.export.Column;
import org.ngoplatform.export.TextMarker;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.SurveyStructure.SectionDef;
import org.ngoplatform.survey.respond.SubmittedResponse;
import org.ngoplatform.survey.respond.SubmittedResponse.Answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The column layout of a survey's Responses sheet, fixed before the first row: the current version's
 * questions in respondent order, then questions found only in older versions; choice options are the union
 * over all versions. Every response gets the same columns whatever its branching.
 */
record SurveyWorkbookPlan(List<Question> questions, List<Column> header, boolean identity) {

    /** 1..n in the responses' random order: not the database id, which would tell submission order. */
    static final String ROW_NUMBER = "row_number";
    static final String VERSION = "version";
    static final String WEEK = "submitted_week";
    static final String NAME = "respondent_name";
    static final String EMAIL = "respondent_email";
    private static final TextMarker SKIPPED = new TextMarker(SurveyExportService.SKIPPED);
    private static final TextMarker NO_ANSWER = new TextMarker(SurveyExportService.NO_ANSWER);
    private static final TextMarker NOT_IN_VERSION = new TextMarker(SurveyExportService.NOT_IN_VERSION);

    /** One question code as exported: its newest definition, its section, all its options, its columns. */
    record Question(QuestionDef def, String section, List<OptionDef> choices, List<String> columns) {
        boolean hasOtherText() {
            return choices.stream().anyMatch(o -> SurveyStructure.OTHER.equals(o.code()))
                    && (def.type() == QuestionType.SINGLE_CHOICE || def.type() == QuestionType.MULTIPLE_CHOICE);
        }
    }

    static SurveyWorkbookPlan of(List<SurveyStructure> versions, boolean identity) {
        Map<String, QuestionDef> defs = new LinkedHashMap<>();
        Map<String, String> sections = new LinkedHashMap<>();
        Map<String, Map<String, OptionDef>> choices = new LinkedHashMap<>();
        for (int v = versions.size() - 1; v >= 0; v--) {            // newest first: its order and texts win
            for (SectionDef s : versions.get(v).sections()) {
                for (QuestionDef q : s.questions()) {
                    defs.putIfAbsent(q.code(), q);
                    sections.putIfAbsent(q.code(), s.title());
                    var known = choices.computeIfAbsent(q.code(), c -> new LinkedHashMap<>());
                    if (q.type() != QuestionType.SCALE) {
                        q.choices().forEach(o -> known.putIfAbsent(o.code(), o));
                    }
                }
            }
        }
        List<Column> header = new ArrayList<>();
        header.add(Column.integer(ROW_NUMBER));
        if (identity) {
            header.add(Column.text(NAME));
            header.add(Column.text(EMAIL));
        }
        header.add(Column.integer(VERSION));
        header.add(Column.text(WEEK));
        List<Question> questions = new ArrayList<>();
        for (QuestionDef d : defs.values()) {
            List<OptionDef> opts = List.copyOf(choices.get(d.code()).values());
            // "other" last, whatever version added it
            List<OptionDef> ordered = new ArrayList<>(opts.stream().filter(o -> !SurveyStructure.OTHER.equals(o.code())).toList());
            opts.stream().filter(o -> SurveyStructure.OTHER.equals(o.code())).forEach(ordered::add);
            List<String> columns = new ArrayList<>();
            Question q = new Question(d, sections.get(d.code()), List.copyOf(ordered), columns);
            switch (d.type()) {
                case MULTIPLE_CHOICE -> ordered.forEach(o -> columns.add(d.code() + "." + o.code()));
                default -> columns.add(d.code());
            }
            if (q.hasOtherText()) {
                columns.add(d.code() + SurveyExportService.OTHER_TEXT_SUFFIX);
            }
            for (String c : columns) {
                header.add(new Column(c, kind(d, c)));
            }
            questions.add(new Question(d, q.section(), q.choices(), List.copyOf(columns)));
        }
        return new SurveyWorkbookPlan(List.copyOf(questions), List.copyOf(header), identity);
    }

    private static CellKind kind(QuestionDef d, String column) {
        if (column.endsWith(SurveyExportService.OTHER_TEXT_SUFFIX)) return CellKind.LONG_TEXT;
        return switch (d.type()) {
            case MULTIPLE_CHOICE -> CellKind.BOOLEAN;
            case SINGLE_CHOICE, YES_NO, COUNTRY, SHORT_TEXT -> CellKind.TEXT;
            case LONG_TEXT -> CellKind.LONG_TEXT;
            case NUMBER -> d.integerOnly() ? CellKind.INTEGER : CellKind.DECIMAL;
            case SCALE -> CellKind.INTEGER;
            case DATE -> CellKind.DATE;
        };
    }

    /** One response's cells, in header order; {@code rowNumber} is its place in the sheet (1..n). */
    Object[] values(long rowNumber, SubmittedResponse r, AccountSummary person) {
        Object[] row = new Object[header.size()];
        int i = 0;
        row[i++] = rowNumber;
        if (identity) {
            row[i++] = person == null ? null : person.displayName();
            row[i++] = person == null ? null : person.email();
        }
        row[i++] = r.versionNumber();
        row[i++] = r.submittedWeek();
        for (Question q : questions) {
            Answer a = r.answers().get(q.def().code());
            TextMarker code = a == null ? NOT_IN_VERSION : switch (a.state()) {
                case ANSWERED -> null;
                case UNANSWERED -> NO_ANSWER;
                case SKIPPED_BY_CONDITION -> SKIPPED;
                case NOT_IN_VERSION -> NOT_IN_VERSION;
            };
            int width = q.columns().size();
            if (code != null) {
                for (int c = 0; c < width; c++) row[i + c] = code;
                i += width;
                continue;
            }
            AnswerValue v = a.value();
            switch (q.def().type()) {
                case MULTIPLE_CHOICE -> {
                    for (OptionDef o : q.choices()) row[i++] = v.options().contains(o.code()) ? 1 : 0;
                }
                case SINGLE_CHOICE, YES_NO -> row[i++] = v.options().isEmpty() ? null : v.options().iterator().next();
                case SHORT_TEXT, LONG_TEXT, COUNTRY -> row[i++] = v.text();
                case NUMBER -> row[i++] = v.number();
                case SCALE -> row[i++] = v.number() == null ? null : v.number().longValue();
                case DATE -> row[i++] = v.date();
            }
            if (q.hasOtherText()) {
                row[i++] = v.options().contains(SurveyStructure.OTHER) ? v.otherText() : null;
            }
        }
        return row;
    }
}
