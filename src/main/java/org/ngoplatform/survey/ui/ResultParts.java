package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.ngoplatform.base.Countries;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.results.CountText;
import org.ngoplatform.survey.results.SmallCellSuppression.Cell;
import org.ngoplatform.survey.results.SurveyResultsService.NumberBin;
import org.ngoplatform.survey.results.SurveyResultsService.QuestionResult;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Pieces of results drawn the same way wherever results are shown (the analyst's results view, the wave comparison,
 * the published page): a bar as server-side Divs ({@code survey-bar*} in ngo-platform.css; a hidden count hatched and
 * full, never scaled), an option's label, and a number question's mean, median and distribution.
 */
final class ResultParts {

    private ResultParts() {
    }

    /** One row of bars: label, track with its fill ({@code width} percent), count with share as {@link CountText} writes it. */
    static Div bar(String text, Cell count, OptionalLong percent, long width) {
        var label = new Span(text);
        label.addClassName("survey-bar-label");
        var track = new Div();
        track.addClassName("survey-bar-track");
        var fill = new Div();
        fill.addClassName("survey-bar-fill");
        fill.setWidth(width + "%");
        if (count.hidden()) {
            fill.addClassName("survey-bar-hidden");
            fill.setWidth("100%");
        }
        track.add(fill);
        var value = new Span(CountText.withShare(count, percent));
        value.addClassName("survey-bar-value");
        var row = new Div(label, track, value);
        row.addClassName("survey-bar");
        return row;
    }

    /** An option's label as the results view writes it (yes/no, "other", "no longer offered", countries by name). */
    static String optionLabel(Component in, java.util.Locale locale, QuestionDef q, String code, String label) {
        if (q.type() == QuestionType.YES_NO) return in.getTranslation("survey.respond." + code);
        if (SurveyStructure.OTHER.equals(code)) return in.getTranslation("survey.respond.other-option");
        if (SurveyStructure.NO_LONGER_OFFERED.equals(code)) return in.getTranslation("survey.results.no-longer-offered");
        if (q.type() == QuestionType.COUNTRY) return Countries.name(code, locale);
        return label == null ? code : label;
    }

    /**
     * A numeric question's summary, added to {@code card}: mean and median with the distribution of a number question,
     * or the note that they are hidden (too few answers, {@code k}).
     */
    static void addNumberSummary(Div card, Component in, java.util.Locale locale, QuestionResult r, int k) {
        QuestionDef q = r.question();
        if (r.mean() != null) {
            var stats = new Div(new Span(in.getTranslation("survey.results.mean", r.mean().toPlainString())),
                    new Span(in.getTranslation("survey.results.median", r.median().toPlainString())));
            stats.addClassName("survey-result-counts");
            card.add(stats);
            if (!r.bins().isEmpty()) {
                card.add(distribution(in, locale, q, r.bins()));
            }
        } else if (r.statsHidden()) {
            var hidden = new Paragraph(in.getTranslation(q.type() == QuestionType.NUMBER
                    ? "survey.results.distribution-hidden" : "survey.results.stats-hidden", k));
            hidden.addClassName("muted");
            card.add(hidden);
        }
    }

    /**
     * The distribution of a number question as a histogram laid on its side: one bar per bin in the style of the
     * choice bars (hidden bins hatched), so long bin labels stay readable on a phone. It is one image to assistive
     * technology, whose text alternative names every bin with its count as shown (hidden bins as "<5" or "*").
     */
    static Div distribution(Component in, java.util.Locale locale, QuestionDef q, List<NumberBin> bins) {
        var chart = new Div();
        chart.addClassNames("survey-bars", "survey-histogram");
        chart.setId("distribution-" + q.code());
        // bars scaled to the largest shown bin, as histograms are, so the shape reads even on a phone's short
        // track; only shown counts set the scale, so it tells nothing of a hidden one
        long largest = Math.max(1, bins.stream().mapToLong(b -> b.count().value().orElse(0)).max().orElse(1));
        List<String> described = new ArrayList<>();
        for (NumberBin b : bins) {
            String label = b.label(locale, (from, to) -> in.getTranslation("survey.results.bin.under", from, to));
            var row = bar(label, b.count(), b.percent(), Math.round(100.0 * b.count().value().orElse(0) / largest));
            row.getElement().setAttribute("data-from", b.from().toPlainString());
            chart.add(row);
            described.add(label + ": " + CountText.withShare(b.count(), b.percent()));
        }
        chart.getElement().setAttribute("role", "img");
        chart.getElement().setAttribute("aria-label", in.getTranslation("survey.results.distribution", q.text())
                + " " + String.join("; ", described));
        var caption = new Span(in.getTranslation("survey.results.distribution.title"));
        caption.addClassName("survey-histogram-title");
        var box = new Div(caption, chart);
        box.addClassName("survey-histogram-box");
        return box;
    }
}
