package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.ngoplatform.base.ui.AriaRequired;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A matrix as a respondent answers it: the question as the group's label, then each row as a group of its own
 * (radio buttons for one option per row, checkboxes for several) over the shared options. Plain vaadin-core fields,
 * so every row is reached with Tab and answered with the arrow keys or Space; the options wrap under the row's label,
 * so it fits 360 px without scrolling sideways.
 */
class MatrixField extends Div implements HasValidation {

    final Map<String, RadioButtonGroup<String>> single = new LinkedHashMap<>();
    final Map<String, CheckboxGroup<String>> multiple = new LinkedHashMap<>();
    private final QuestionDef question;
    private final Span error = new Span();
    private String errorMessage;

    MatrixField(QuestionDef question, String label, String help, AnswerValue initial, Map<String, String> optionLabels,
                Runnable onChange) {
        this.question = question;
        addClassName("survey-matrix");
        var heading = new Span(label);
        heading.addClassName("survey-matrix-label");
        heading.setId("q-" + question.code() + "-label");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        add(heading);
        if (!help.isBlank()) {
            var helper = new Span(help);
            helper.addClassName("muted");
            add(helper);
        }
        for (OptionDef row : question.rows()) {
            Set<String> chosen = initial.rows().getOrDefault(row.code(), Set.of());
            String id = "q-" + question.code() + "-" + row.code();
            if (question.multiplePerRow()) {
                var group = new CheckboxGroup<String>(row.label());
                group.setItems(optionLabels.keySet());
                group.setItemLabelGenerator(optionLabels::get);
                group.setValue(chosen);
                group.addValueChangeListener(e -> onChange.run());
                group.setRequiredIndicatorVisible(question.required());
                AriaRequired.inDescription(group);
                group.setId(id);
                multiple.put(row.code(), group);
                add(group);
            } else {
                var group = new RadioButtonGroup<String>(row.label());
                group.setItems(optionLabels.keySet());
                group.setItemLabelGenerator(optionLabels::get);
                if (!chosen.isEmpty()) group.setValue(chosen.iterator().next());
                group.addValueChangeListener(e -> onChange.run());
                group.setRequiredIndicatorVisible(question.required());
                group.setId(id);
                single.put(row.code(), group);
                add(group);
            }
        }
        error.addClassName("survey-matrix-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        add(error);
    }

    /** Row code to the option codes chosen in it, rows in order, options in the question's order. */
    AnswerValue value() {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (OptionDef row : question.rows()) {
            Set<String> chosen = new LinkedHashSet<>();
            if (question.multiplePerRow()) {
                Set<String> v = multiple.get(row.code()).getValue();
                question.options().stream().map(OptionDef::code).filter(v::contains).forEach(chosen::add);
            } else if (single.get(row.code()).getValue() != null) {
                chosen.add(single.get(row.code()).getValue());
            }
            if (!chosen.isEmpty()) rows.put(row.code(), chosen);
        }
        return AnswerValue.ofRows(rows);
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

    /** Invalid: the message under the matrix, and every row still unanswered marked. */
    @Override
    public void setInvalid(boolean invalid) {
        error.setVisible(invalid);
        Map<String, Set<String>> answered = value().rows();
        single.forEach((row, group) -> group.setInvalid(invalid && !answered.containsKey(row)));
        multiple.forEach((row, group) -> group.setInvalid(invalid && !answered.containsKey(row)));
    }

    @Override
    public boolean isInvalid() {
        return error.isVisible();
    }
}
