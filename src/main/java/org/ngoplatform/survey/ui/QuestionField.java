package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.ui.AriaRequired;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** One question as a respondent sees it: the right input for its type, help, and an error message. */
class QuestionField extends Div {

    final QuestionDef question;
    final Component input;
    final TextField other = new TextField();
    private final Consumer<AnswerValue> onChange;

    QuestionField(QuestionDef question, AnswerValue initial, Consumer<AnswerValue> onChange) {
        this.question = question;
        this.onChange = onChange;
        addClassName("survey-question");
        setId("question-" + question.code());
        Map<String, String> labels = question.choices().stream()
                .collect(Collectors.toMap(OptionDef::code, o -> label(o), (a, b) -> a, LinkedHashMap::new));
        String label = question.text();
        other.setLabel(getTranslation("survey.respond.other"));
        other.setId("q-" + question.code() + "-other");
        other.setMaxLength(QuestionType.SHORT_TEXT_MAX);
        other.setVisible(false);
        other.setWidthFull();
        switch (question.type()) {
            case SINGLE_CHOICE, YES_NO -> {
                var group = new RadioButtonGroup<String>(label);
                group.setItems(labels.keySet());
                group.setItemLabelGenerator(labels::get);
                group.addThemeName("vertical");
                if (!initial.options().isEmpty()) group.setValue(initial.options().iterator().next());
                group.addValueChangeListener(e -> changed());
                input = group;
            }
            case MULTIPLE_CHOICE -> {
                var group = new CheckboxGroup<String>(label);
                group.setItems(labels.keySet());
                group.setItemLabelGenerator(labels::get);
                group.addThemeName("vertical");
                group.setValue(initial.options());
                group.addValueChangeListener(e -> changed());
                AriaRequired.inDescription(group); // role=group allows no aria-required (axe aria-allowed-attr)
                input = group;
            }
            case SCALE -> {
                var group = new RadioButtonGroup<String>(label);
                group.setItems(labels.keySet());
                group.addClassName("survey-scale");
                if (initial.number() != null) group.setValue(initial.number().toPlainString());
                group.addValueChangeListener(e -> changed());
                input = group;
            }
            case SHORT_TEXT -> {
                var field = new TextField(label);
                field.setMaxLength(QuestionType.SHORT_TEXT_MAX);
                field.setValue(initial.text() == null ? "" : initial.text());
                field.addValueChangeListener(e -> changed());
                input = field;
            }
            case LONG_TEXT -> {
                var field = new TextArea(label);
                field.setMaxLength(QuestionType.LONG_TEXT_MAX);
                field.setValue(initial.text() == null ? "" : initial.text());
                field.addValueChangeListener(e -> changed());
                input = field;
            }
            case NUMBER -> {
                var field = new BigDecimalField(label);
                field.setValue(initial.number());
                field.addValueChangeListener(e -> changed());
                input = field;
            }
            case COUNTRY -> {
                var field = new ComboBox<String>(label);
                field.setItems(Countries.codesSortedByName(getLocale()));
                field.setItemLabelGenerator(c -> Countries.name(c, getLocale()));
                field.setValue(initial.text());
                field.addValueChangeListener(e -> changed());
                input = field;
            }
            case DATE -> {
                var field = new DatePicker(label);
                field.setValue(initial.date());
                field.addValueChangeListener(e -> changed());
                input = field;
            }
            case MATRIX -> input = new MatrixField(question, label, helpText(), initial, labels, this::changed);
            case RANKING -> input = new RankingField(question, label, helpText(), initial, labels, this::changed);
            default -> throw new IllegalStateException();
        }
        input.setId("q-" + question.code());
        if (input instanceof HasHelper helper) {
            helper.setHelperText(helpText());
        }
        if (input instanceof HasSize sized) {
            sized.setWidthFull();
        }
        if (input instanceof HasValue<?, ?> hv) {
            hv.setRequiredIndicatorVisible(question.required());
        }
        other.setValue(initial.otherText() == null ? "" : initial.otherText());
        other.setVisible(initial.options().contains(SurveyStructure.OTHER));
        other.addValueChangeListener(e -> onChange.accept(value()));
        add(input, other);
    }

    private String label(OptionDef o) {
        if (question.type() == QuestionType.YES_NO) {
            return getTranslation(SurveyStructure.YES.equals(o.code()) ? "survey.respond.yes" : "survey.respond.no");
        }
        if (SurveyStructure.OTHER.equals(o.code())) {
            return getTranslation("survey.respond.other-option");
        }
        return o.label();
    }

    private String helpText() {
        String help = question.help() == null ? "" : question.help();
        String extra = "";
        if (question.type() == QuestionType.SCALE) {
            extra = getTranslation("survey.respond.scale-help", question.scaleMin(),
                    question.scaleMinLabel() == null ? "" : question.scaleMinLabel(), question.scaleMax(),
                    question.scaleMaxLabel() == null ? "" : question.scaleMaxLabel());
        } else if (question.type() == QuestionType.NUMBER && question.min() != null && question.max() != null) {
            extra = getTranslation("survey.respond.number-range", question.min().toPlainString(), question.max().toPlainString());
        }
        return (help + " " + extra).strip();
    }

    private void changed() {
        other.setVisible(value().options().contains(SurveyStructure.OTHER));
        setError(null);
        onChange.accept(value());
    }

    @SuppressWarnings("unchecked")
    AnswerValue value() {
        return switch (question.type()) {
            case SINGLE_CHOICE, YES_NO -> {
                String v = ((RadioButtonGroup<String>) input).getValue();
                yield v == null ? AnswerValue.EMPTY : AnswerValue.ofOptions(Set.of(v), otherText(v));
            }
            case MULTIPLE_CHOICE -> {
                Set<String> v = new LinkedHashSet<>();
                List<String> order = question.choices().stream().map(OptionDef::code).toList();
                Set<String> chosen = ((CheckboxGroup<String>) input).getValue();
                order.stream().filter(chosen::contains).forEach(v::add);
                yield AnswerValue.ofOptions(v, v.contains(SurveyStructure.OTHER) ? other.getValue() : null);
            }
            case SCALE -> {
                String v = ((RadioButtonGroup<String>) input).getValue();
                yield v == null ? AnswerValue.EMPTY : AnswerValue.ofNumber(new BigDecimal(v));
            }
            case SHORT_TEXT, LONG_TEXT -> AnswerValue.ofText(((AbstractField<?, String>) input).getValue());
            case NUMBER -> {
                BigDecimal n = ((BigDecimalField) input).getValue();
                yield n == null ? AnswerValue.EMPTY : AnswerValue.ofNumber(n);
            }
            case COUNTRY -> AnswerValue.ofText(((ComboBox<String>) input).getValue());
            case DATE -> AnswerValue.ofDate(((DatePicker) input).getValue());
            case MATRIX -> ((MatrixField) input).value();
            case RANKING -> ((RankingField) input).value();
        };
    }

    private String otherText(String chosen) {
        return SurveyStructure.OTHER.equals(chosen) ? other.getValue() : null;
    }

    /** Shows a message on the input, or clears it with null. */
    void setError(String message) {
        if (input instanceof HasValidation v) {
            v.setInvalid(message != null);
            v.setErrorMessage(message);
        }
        if (message != null && value().options().contains(SurveyStructure.OTHER) && other.getValue().isBlank()) {
            other.setInvalid(true);
            other.setErrorMessage(message);
        } else {
            other.setInvalid(false);
        }
    }
}
