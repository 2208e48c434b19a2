package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.ngoplatform.base.Countries;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.results.CountText;
import org.ngoplatform.survey.results.SmallCellSuppression.Cell;

import java.util.OptionalLong;

/**
 * Pieces of results drawn the same way wherever results are shown outside {@link SurveyResultsView} (the wave
 * comparison, the published page): a bar as server-side Divs in the results view's style ({@code survey-bar*} in
 * ngo-platform.css; a hidden count hatched and full, never scaled) and an option's label.
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
}
