package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A ranking as a respondent answers it: one choice per place ("Rank 1", "Rank 2", ...), each offering every option.
 * No dragging: each place is a combo box reached with Tab and filled by typing or the arrow keys, stacked full width
 * so it fits 360 px. An option put in two places, or a place left empty, is refused with a message
 * ({@code AnswerRules}); the ranking is kept as given until then, so nothing the respondent chose is lost.
 */
class RankingField extends Div implements HasValidation {

    final List<ComboBox<String>> places = new ArrayList<>();
    private final Span error = new Span();
    private String errorMessage;

    RankingField(QuestionDef question, String label, String help, AnswerValue initial, Map<String, String> optionLabels,
                 Runnable onChange) {
        addClassName("survey-ranking");
        var heading = new Span(label);
        heading.addClassName("survey-matrix-label");
        heading.setId("q-" + question.code() + "-label");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        add(heading);
        var helper = new Span((help + " " + getTranslation("survey.respond.ranking-help", optionLabels.size())).strip());
        helper.addClassName("muted");
        add(helper);
        for (int i = 0; i < optionLabels.size(); i++) {
            var place = new ComboBox<String>(getTranslation("survey.respond.rank", i + 1));
            place.setItems(optionLabels.keySet());
            place.setItemLabelGenerator(optionLabels::get);
            place.setAllowCustomValue(false);
            place.setClearButtonVisible(true);
            place.setRequiredIndicatorVisible(question.required());
            place.setWidthFull();
            place.setId("q-" + question.code() + "-rank" + (i + 1));
            if (i < initial.ranking().size()) place.setValue(initial.ranking().get(i));
            place.addValueChangeListener(e -> onChange.run());
            places.add(place);
            add(place);
        }
        error.addClassName("survey-matrix-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        add(error);
    }

    /** The option codes place by place (rank 1 first), an empty place as null; nothing chosen is no answer. */
    AnswerValue value() {
        List<String> ranking = new ArrayList<>();
        places.forEach(p -> ranking.add(p.getValue()));
        return ranking.stream().allMatch(java.util.Objects::isNull) ? AnswerValue.EMPTY : AnswerValue.ofRanking(ranking);
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
        error.setText(errorMessage == null ? "" : errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return errorMessage;
    }

    /** Invalid: the message under the places, every empty place and every place repeating an earlier one marked. */
    @Override
    public void setInvalid(boolean invalid) {
        error.setVisible(invalid);
        List<String> seen = new ArrayList<>();
        for (ComboBox<String> p : places) {
            String v = p.getValue();
            p.setInvalid(invalid && (v == null || seen.contains(v)));
            if (v != null) seen.add(v);
        }
    }

    @Override
    public boolean isInvalid() {
        return error.isVisible();
    }
}
