package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.converter.Converter;
import org.ngoplatform.base.ui.RequiredFields;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyRejectedException;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.design.QuestionForm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Adds or edits one question. The save function calls the service; its refusals show on the fields. */
class QuestionDialog extends Dialog {

    final TextField code = new TextField();
    final ComboBox<QuestionType> type = new ComboBox<>(); // not a Select: it trips axe's aria-allowed-attr rule
    final TextArea text = new TextArea();
    final TextField help = new TextField();
    final Checkbox required = new Checkbox();
    final BigDecimalField min = new BigDecimalField();
    final BigDecimalField max = new BigDecimalField();
    final Checkbox integerOnly = new Checkbox();
    final IntegerField scaleMin = new IntegerField();
    final IntegerField scaleMax = new IntegerField();
    final TextField scaleMinLabel = new TextField();
    final TextField scaleMaxLabel = new TextField();
    final Checkbox allowOther = new Checkbox();
    final TextArea options = new TextArea();
    final ConditionEditor condition = new ConditionEditor();
    final TextArea rows = new TextArea();
    final Checkbox multiplePerRow = new Checkbox();
    final Button save = new Button();

    final BeanValidationBinder<QuestionForm> binder = RequiredFields.binder(QuestionForm.class);

    /**
     * @param earlierQuestions questions before this one (conditions may only refer to them)
     * @param onSave stores the form; throws {@link SurveyRejectedException} to refuse
     */
    QuestionDialog(QuestionForm form, List<QuestionDef> earlierQuestions, Function<QuestionForm, Boolean> onSave) {
        setHeaderTitle(getTranslation("survey.question.title"));
        setId("question-dialog");
        setWidth("min(44rem, 100vw)");
        condition.offer(earlierQuestions);

        code.setLabel(getTranslation("survey.question.code"));
        code.setHelperText(getTranslation("survey.question.code.help"));
        code.setMaxLength(QuestionForm.CODE_MAX);
        code.setId("question-code");
        type.setLabel(getTranslation("survey.question.type"));
        type.setItems(QuestionType.values());
        type.setItemLabelGenerator(t -> getTranslation("survey.type." + t.name()));
        type.setId("question-type");
        type.setAllowCustomValue(false);
        text.setLabel(getTranslation("survey.question.text"));
        text.setMaxLength(QuestionForm.TEXT_MAX);
        text.setId("question-text");
        help.setLabel(getTranslation("survey.question.help"));
        help.setMaxLength(QuestionForm.HELP_MAX);
        required.setLabel(getTranslation("survey.question.required"));
        min.setLabel(getTranslation("survey.question.min"));
        max.setLabel(getTranslation("survey.question.max"));
        integerOnly.setLabel(getTranslation("survey.question.integer"));
        scaleMin.setLabel(getTranslation("survey.question.scale-min"));
        scaleMax.setLabel(getTranslation("survey.question.scale-max"));
        scaleMinLabel.setLabel(getTranslation("survey.question.scale-min-label"));
        scaleMinLabel.setMaxLength(QuestionForm.SCALE_LABEL_MAX);
        scaleMaxLabel.setLabel(getTranslation("survey.question.scale-max-label"));
        scaleMaxLabel.setMaxLength(QuestionForm.SCALE_LABEL_MAX);
        allowOther.setLabel(getTranslation("survey.question.allow-other"));
        options.setLabel(getTranslation("survey.question.options"));
        options.setHelperText(getTranslation("survey.question.options.help"));
        // every option as "code = label" on its own line
        options.setMaxLength(QuestionForm.OPTIONS_MAX * (QuestionForm.CODE_MAX + QuestionForm.OPTION_LABEL_MAX + 4));
        options.setId("question-options");
        rows.setLabel(getTranslation("survey.question.rows"));
        rows.setHelperText(getTranslation("survey.question.rows.help"));
        rows.setMaxLength(QuestionForm.ROWS_MAX * (QuestionForm.CODE_MAX + QuestionForm.OPTION_LABEL_MAX + 4));
        rows.setId("question-rows");
        multiplePerRow.setLabel(getTranslation("survey.question.multiple-per-row"));
        multiplePerRow.setId("question-multiple-per-row");

        binder.forField(code).asRequired(getTranslation("validation.required")).bind("code");
        binder.forField(type).asRequired(getTranslation("validation.required")).bind("type");
        binder.forField(text).asRequired(getTranslation("validation.required")).bind("text");
        binder.forField(help).bind("help");
        binder.forField(required).bind("required");
        binder.forField(min).bind("min");
        binder.forField(max).bind("max");
        binder.forField(integerOnly).bind("integerOnly");
        binder.forField(scaleMin).bind("scaleMin");
        binder.forField(scaleMax).bind("scaleMax");
        binder.forField(scaleMinLabel).bind("scaleMinLabel");
        binder.forField(scaleMaxLabel).bind("scaleMaxLabel");
        binder.forField(allowOther).bind("allowOther");
        binder.forField(options).withConverter(new OptionsConverter()).bind("options");
        binder.forField(condition).bind("condition");
        binder.forField(rows).withConverter(new OptionsConverter()).bind("rows");
        binder.forField(multiplePerRow).bind("multiplePerRow");
        binder.setBean(form);
        type.addValueChangeListener(e -> refreshTypeFields());
        refreshTypeFields();

        var layout = new FormLayout(code, type, text, help, required, min, max, integerOnly, scaleMin, scaleMax,
                scaleMinLabel, scaleMaxLabel, options, allowOther, rows, multiplePerRow, condition);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        layout.setColspan(text, 2);
        layout.setColspan(help, 2);
        layout.setColspan(options, 2);
        layout.setColspan(condition, 2);
        layout.setColspan(rows, 2);
        add(layout);

        save.setText(getTranslation("survey.question.save"));
        save.setId("question-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                if (onSave.apply(form)) {
                    close();
                }
            } catch (SurveyRejectedException rejected) {
                show(rejected);
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void refreshTypeFields() {
        QuestionType t = type.getValue() == null ? QuestionType.SHORT_TEXT : type.getValue();
        min.setVisible(t == QuestionType.NUMBER);
        max.setVisible(t == QuestionType.NUMBER);
        integerOnly.setVisible(t == QuestionType.NUMBER);
        scaleMin.setVisible(t == QuestionType.SCALE);
        scaleMax.setVisible(t == QuestionType.SCALE);
        scaleMinLabel.setVisible(t == QuestionType.SCALE);
        scaleMaxLabel.setVisible(t == QuestionType.SCALE);
        options.setVisible(t.hasOptions());
        allowOther.setVisible(t.allowsOther());
        rows.setVisible(t == QuestionType.MATRIX);
        multiplePerRow.setVisible(t == QuestionType.MATRIX);
    }

    private final FieldErrors rejections = new FieldErrors(this, FieldErrors.into(text))
            .on(code, "code").on(help, "help").on(scaleMinLabel, "scaleMinLabel").on(scaleMaxLabel, "scaleMaxLabel")
            .on(options, "options").on(rows, "rows").on(max, "max").on(scaleMax, "scaleMax")
            .on(condition, "condition");

    private void show(SurveyRejectedException rejected) {
        rejections.show(rejected, rejected.params());
    }

    /** "code = label" per line. */
    private class OptionsConverter implements Converter<String, List<QuestionForm.OptionInput>> {
        @Override
        public Result<List<QuestionForm.OptionInput>> convertToModel(String value, ValueContext context) {
            List<QuestionForm.OptionInput> list = new ArrayList<>();
            if (value == null) {
                return Result.ok(list);
            }
            for (String line : value.split("\\R")) {
                if (line.isBlank()) continue;
                int eq = line.indexOf('=');
                if (eq < 1) {
                    return Result.error(getTranslation("survey.question.options.format"));
                }
                list.add(new QuestionForm.OptionInput(line.substring(0, eq).strip(), line.substring(eq + 1).strip()));
            }
            return Result.ok(list);
        }

        @Override
        public String convertToPresentation(List<QuestionForm.OptionInput> value, ValueContext context) {
            return value == null ? "" : value.stream().map(o -> o.code() + " = " + o.label()).collect(Collectors.joining("\n"));
        }
    }
}
