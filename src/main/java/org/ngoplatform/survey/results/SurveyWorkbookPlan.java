package org.ngoplatform.survey.results;

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
 * questions in respondent order, then questions found only in older versions; choice options (and a matrix's rows)
 * are the union over all versions. Every response gets the same columns whatever its branching.
 * <p>
 * Columns per type: one per question; a multiple choice one per option ({@code q.option}, 1/0); a matrix one per
 * row ({@code q.row}, the chosen option's code), or with several options per row one per row and option
 * ({@code q.row.option}, 1/0); a ranking one per place ({@code q.rank1} .. {@code q.rankN}, the code of the option
 * put there). {@link Question#variables()} describes every column of a question with its label and value labels,
 * so every download for statistics software names and labels the same columns the same way.
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
    private static final List<OptionDef> ONE_ZERO = List.of(new OptionDef("1", "yes"), new OptionDef("0", "no"));

    /**
     * One column described for statistics software: its name (a Responses header), the question code it belongs to,
     * the matrix row (or null), the ranked place 1..n (or null), a label (the question's text, with the row's or
     * option's label, or the place, appended after ": "), and its value labels (code to label; empty for free values).
     * A 1/0 column's value labels are {@code 1} and {@code 0} with the labels "yes"/"no".
     */
    record Variable(String column, String questionCode, String rowCode, Integer rank, String label, CellKind kind,
                    List<OptionDef> valueLabels) {
        Variable {
            valueLabels = List.copyOf(valueLabels);
        }
    }

    static final String RANK = ".rank";

    /** One question code as exported: its newest definition, its section, all its options and rows, its columns. */
    record Question(QuestionDef def, String section, List<OptionDef> choices, List<String> columns, List<OptionDef> rows,
                    List<Variable> variables) {
        Question(QuestionDef def, String section, List<OptionDef> choices, List<String> columns) {
            this(def, section, choices, columns, List.of(), List.of());
        }

        boolean hasOtherText() {
            return choices.stream().anyMatch(o -> SurveyStructure.OTHER.equals(o.code()))
                    && (def.type() == QuestionType.SINGLE_CHOICE || def.type() == QuestionType.MULTIPLE_CHOICE);
        }
    }

    static SurveyWorkbookPlan of(List<SurveyStructure> versions, boolean identity) {
        Map<String, QuestionDef> defs = new LinkedHashMap<>();
        Map<String, String> sections = new LinkedHashMap<>();
        Map<String, Map<String, OptionDef>> choices = new LinkedHashMap<>();
        Map<String, Map<String, OptionDef>> matrixRows = new LinkedHashMap<>();
        for (int v = versions.size() - 1; v >= 0; v--) {            // newest first: its order and texts win
            for (SectionDef s : versions.get(v).sections()) {
                for (QuestionDef q : s.questions()) {
                    defs.putIfAbsent(q.code(), q);
                    sections.putIfAbsent(q.code(), s.title());
                    var known = choices.computeIfAbsent(q.code(), c -> new LinkedHashMap<>());
                    if (q.type() != QuestionType.SCALE) {
                        q.choices().forEach(o -> known.putIfAbsent(o.code(), o));
                    }
                    var knownRows = matrixRows.computeIfAbsent(q.code(), c -> new LinkedHashMap<>());
                    q.rows().forEach(r -> knownRows.putIfAbsent(r.code(), r));
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
            List<OptionDef> rows = List.copyOf(matrixRows.get(d.code()).values());
            List<Variable> variables = new ArrayList<>();
            Question q = new Question(d, sections.get(d.code()), List.copyOf(ordered), List.of());
            switch (d.type()) {
                case MULTIPLE_CHOICE -> ordered.forEach(o -> variables.add(new Variable(d.code() + "." + o.code(), d.code(),
                        null, null, d.text() + ": " + o.label(), CellKind.BOOLEAN, ONE_ZERO)));
                case MATRIX -> {
                    for (OptionDef r : rows) {
                        if (d.multiplePerRow()) {
                            ordered.forEach(o -> variables.add(new Variable(d.code() + "." + r.code() + "." + o.code(), d.code(),
                                    r.code(), null, d.text() + ": " + r.label() + ": " + o.label(), CellKind.BOOLEAN, ONE_ZERO)));
                        } else {
                            variables.add(new Variable(d.code() + "." + r.code(), d.code(), r.code(), null,
                                    d.text() + ": " + r.label(), CellKind.TEXT, ordered));
                        }
                    }
                }
                case RANKING -> {
                    for (int place = 1; place <= ordered.size(); place++) {
                        variables.add(new Variable(d.code() + RANK + place, d.code(), null, place,
                                d.text() + ": " + place, CellKind.TEXT, ordered));
                    }
                }
                default -> variables.add(new Variable(d.code(), d.code(), null, null, d.text(), kind(d, d.code()),
                        d.type() == QuestionType.SCALE ? d.choices() : ordered));
            }
            if (q.hasOtherText()) {
                String column = d.code() + SurveyExportService.OTHER_TEXT_SUFFIX;
                variables.add(new Variable(column, d.code(), null, null, d.text() + ": " + SurveyStructure.OTHER,
                        CellKind.LONG_TEXT, List.of()));
            }
            List<String> columns = variables.stream().map(Variable::column).toList();
            for (Variable v : variables) {
                header.add(new Column(v.column(), v.kind()));
            }
            questions.add(new Question(d, q.section(), q.choices(), columns, rows, variables));
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
            case MATRIX -> d.multiplePerRow() ? CellKind.BOOLEAN : CellKind.TEXT;
            case RANKING -> CellKind.TEXT;
        };
    }

    /** One response's cells, in header order; {@code rowNumber} is its place in the sheet (1..n). */
    Object[] values(long rowNumber, SubmittedResponse r, Respondent person) {
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
                case MATRIX -> {
                    for (OptionDef rowDef : q.rows()) {
                        var chosen = v.rows().getOrDefault(rowDef.code(), java.util.Set.of());
                        if (q.def().multiplePerRow()) {
                            // a row left empty (an optional matrix) is "no answer", not a row of zeros
                            for (OptionDef o : q.choices()) row[i++] = chosen.isEmpty() ? NO_ANSWER : chosen.contains(o.code()) ? 1 : 0;
                        } else {
                            row[i++] = chosen.isEmpty() ? NO_ANSWER : chosen.iterator().next();
                        }
                    }
                }
                case RANKING -> {
                    for (int place = 0; place < q.choices().size(); place++) {
                        row[i++] = place < v.ranking().size() ? v.ranking().get(place) : null;
                    }
                }
            }
            if (q.hasOtherText()) {
                row[i++] = v.options().contains(SurveyStructure.OTHER) ? v.otherText() : null;
            }
        }
        return row;
    }
}
