package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyRejectedException;
import org.ngoplatform.survey.design.SurveySettingsForm;
import org.ngoplatform.survey.design.SurveyWaveService;
import org.ngoplatform.survey.respond.ResponseFilter;
import org.ngoplatform.survey.results.CountText;
import org.ngoplatform.survey.results.WaveComparison;
import org.ngoplatform.survey.results.WaveComparison.OptionRow;
import org.ngoplatform.survey.results.WaveComparison.QuestionRow;
import org.ngoplatform.survey.results.WaveComparison.RowGroup;
import org.ngoplatform.survey.results.WaveComparison.Wave;
import org.ngoplatform.survey.results.WaveComparison.WaveCell;
import org.ngoplatform.survey.results.WaveComparisonService;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

/**
 * The waves of a repeated survey on its results page: every wave (a link to its own results), repeating the survey
 * as a new wave, and, once there are two or more, a table per question with one column per wave, each cell the
 * count and share that wave's own results publish ("<5" and "*" as there; "—" where a wave did not ask the question
 * or offer the option). No pooled total and no differences between waves (see WaveComparisonService).
 */
@StyleSheet("context://styles/survey-waves.css")
class WaveComparisonPanel extends Div {

    static final String NOT_IN_WAVE = "—";

    final TextField newTitle = new TextField();
    final Button newWave = new Button();
    final Div table = new Div();

    private final WaveComparisonService comparisons;
    private final SurveyWaveService waves;
    private final long surveyId;
    private final Supplier<ResponseFilter> filter;
    private final Supplier<String> language;
    private final Div list = new Div();

    WaveComparisonPanel(WaveComparisonService comparisons, SurveyWaveService waves, long surveyId,
                        Supplier<ResponseFilter> filter, Supplier<String> language) {
        this.comparisons = comparisons;
        this.waves = waves;
        this.surveyId = surveyId;
        this.filter = filter;
        this.language = language;
        setId("survey-waves");
        addClassName("survey-waves");
        list.setId("survey-waves-list");
        table.setId("survey-waves-comparison");
        newTitle.setLabel(getTranslation("survey.waves.new-title"));
        newTitle.setHelperText(getTranslation("survey.waves.new-title.help"));
        newTitle.setMaxLength(SurveySettingsForm.TITLE_MAX);
        newTitle.setId("survey-waves-new-title");
        newWave.setText(getTranslation("survey.waves.new"));
        newWave.setId("survey-waves-new");
        FieldErrors errors = new FieldErrors(this, FieldErrors.into(newTitle)).on(newTitle, "title");
        newWave.addClickListener(e -> {
            newTitle.setInvalid(false);
            try {
                long created = waves.newWave(surveyId, newTitle.getValue());
                Notification.show(getTranslation("survey.waves.created")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate("surveys/" + created + "/edit"));
            } catch (SurveyRejectedException rejected) {
                errors.show(rejected);
            }
        });
        var create = new Div(newTitle, newWave);
        create.addClassName("survey-waves-new");
        add(new H2(getTranslation("survey.waves.title")), list, create, table);
    }

    /** Reads the comparison again (the view's filter and language). */
    void refresh() {
        WaveComparison c = comparisons.compare(surveyId, filter.get(), language.get());
        list.removeAll();
        for (Wave w : c.waves()) {
            String text = getTranslation("survey.waves.wave", w.number(), w.title(),
                    getTranslation("survey.status." + w.status().name()));
            if (w.shown()) {
                var current = new Span(text);
                current.addClassName("survey-waves-current");
                list.add(current);
            } else {
                list.add(new Anchor("surveys/" + w.surveyId() + "/results", text));
            }
        }
        table.removeAll();
        if (!c.comparable()) {
            var single = new Paragraph(getTranslation("survey.waves.single"));
            single.addClassName("muted");
            table.add(single);
            return;
        }
        var legend = new Paragraph(getTranslation("survey.waves.legend"));
        legend.addClassName("muted");
        table.add(legend, totals(c.waves()));
        for (QuestionRow q : c.questions()) {
            table.add(question(c.waves(), q));
        }
    }

    private NativeTable totals(List<Wave> ws) {
        var t = header(ws, getTranslation("survey.waves.responses"));
        var row = new NativeTableRow(new NativeTableHeaderCell(getTranslation("survey.waves.responses")));
        ws.forEach(w -> row.add(new NativeTableCell(w.responses().display())));
        var k = new NativeTableRow(new NativeTableHeaderCell(getTranslation("survey.waves.k")));
        ws.forEach(w -> k.add(new NativeTableCell(String.valueOf(w.k()))));
        t.getBody().add(row, k);
        t.setId("survey-waves-totals");
        return t;
    }

    private Div question(List<Wave> ws, QuestionRow q) {
        var box = new Div(new H3(q.question().code() + " · " + q.question().text()));
        box.addClassName("survey-wave-question");
        box.setId("wave-result-" + q.question().code());
        var t = header(ws, getTranslation("survey.waves.option"));
        var answered = new NativeTableRow(new NativeTableHeaderCell(getTranslation("survey.waves.answered")));
        q.answered().forEach(a -> answered.add(new NativeTableCell(a == null ? NOT_IN_WAVE : a.display())));
        t.getBody().add(answered);
        for (OptionRow o : q.options()) {
            var row = new NativeTableRow(new NativeTableHeaderCell(ResultParts.optionLabel(this, getLocale(), q.question(), o.code(), o.label())));
            row.getElement().setAttribute("data-code", o.code());
            for (WaveCell cell : o.waves()) {
                row.add(new NativeTableCell(cell == null ? NOT_IN_WAVE : CountText.withShare(cell.count(), cell.percent())));
            }
            t.getBody().add(row);
        }
        if (q.question().type().isNumeric()) {
            t.getBody().add(stat("survey.waves.mean", q.means()), stat("survey.waves.median", q.medians()));
        }
        // a matrix's rows, a ranking's ranked options: the row's total, then its options or places, as each wave shows them
        boolean ranking = q.question().type() == QuestionType.RANKING;
        for (RowGroup g : q.rows()) {
            var total = new NativeTableRow(new NativeTableHeaderCell(g.label() + " · " + getTranslation("survey.results.row-total")));
            total.getElement().setAttribute("data-code", g.code());
            g.answered().forEach(a -> total.add(new NativeTableCell(a == null ? NOT_IN_WAVE : a.display())));
            t.getBody().add(total);
            for (OptionRow o : g.options()) {
                String label = ranking ? getTranslation("survey.results.rank", o.code())
                        : ResultParts.optionLabel(this, getLocale(), q.question(), o.code(), o.label());
                var row = new NativeTableRow(new NativeTableHeaderCell(g.label() + ": " + label));
                row.getElement().setAttribute("data-code", g.code() + "." + o.code());
                for (WaveCell cell : o.waves()) {
                    row.add(new NativeTableCell(cell == null ? NOT_IN_WAVE : CountText.withShare(cell.count(), cell.percent())));
                }
                t.getBody().add(row);
            }
            if (ranking) {
                var mean = stat("survey.results.mean-rank", g.meanRanks());
                mean.getChildren().findFirst().ifPresent(h -> h.getElement().setText(g.label() + ": " + getTranslation("survey.results.mean-rank")));
                mean.getElement().setAttribute("data-code", g.code() + ".mean");
                t.getBody().add(mean);
            }
        }
        box.add(t);
        return box;
    }

    private NativeTableRow stat(String key, List<BigDecimal> values) {
        var row = new NativeTableRow(new NativeTableHeaderCell(getTranslation(key)));
        values.forEach(v -> row.add(new NativeTableCell(v == null ? NOT_IN_WAVE : v.toPlainString())));
        return row;
    }

    private NativeTable header(List<Wave> ws, String first) {
        var t = new NativeTable();
        t.addClassName("survey-waves-table");
        var head = new NativeTableRow(new NativeTableHeaderCell(first));
        ws.forEach(w -> head.add(new NativeTableHeaderCell(getTranslation("survey.waves.column", w.number()))));
        t.getHead().add(head);
        return t;
    }
}
