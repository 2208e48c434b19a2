package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import org.ngoplatform.survey.SurveyConditions;
import org.ngoplatform.survey.SurveyStructure.Clause;
import org.ngoplatform.survey.SurveyStructure.Condition;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The condition of a question in the question dialog: clauses over earlier choice, yes/no, number and scale questions,
 * joined by "all" (AND) or "any" (OR). No clause: always shown. An unfinished clause is handed to the service as it is,
 * which says what is missing next to this field; the rule itself is {@link SurveyConditions}.
 */
class ConditionEditor extends CustomField<Condition> {

    final RadioButtonGroup<Condition.Join> join = new RadioButtonGroup<>();
    final List<ClauseRow> rows = new ArrayList<>();
    final Button add = new Button();
    private final Div list = new Div();
    private final Map<String, QuestionDef> earlier = new LinkedHashMap<>();
    private int made; // rows made so far: ids stay unique when a row is removed

    ConditionEditor() {
        setId("condition-editor");
        setLabel(getTranslation("survey.condition.label"));
        join.setLabel(getTranslation("survey.condition.join"));
        join.setItems(Condition.Join.values());
        join.setItemLabelGenerator(j -> getTranslation("survey.condition.join." + j.name()));
        join.setValue(Condition.Join.ALL);
        join.setId("condition-join");
        join.addValueChangeListener(e -> updateValue());
        add.setText(getTranslation("survey.condition.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add.setId("condition-add");
        add.addClickListener(e -> {
            addRow(null);
            rows.getLast().question.focus();
            updateValue();
        });
        list.addClassName("survey-condition-list");
        var body = new Div(join, list, add);
        body.addClassName("survey-condition-body");
        add(body);
        refreshJoin();
    }

    /** The questions before this one that clauses may test (set before the value). */
    void offer(List<QuestionDef> earlierQuestions) {
        earlier.clear();
        earlierQuestions.stream().filter(q -> SurveyConditions.canReferTo(q.type())).forEach(q -> earlier.put(q.code(), q));
        setHelperText(getTranslation(earlier.isEmpty() ? "survey.condition.none" : "survey.condition.help"));
        refreshJoin();
    }

    @Override
    protected Condition generateModelValue() {
        List<Clause> clauses = rows.stream().map(ClauseRow::clause).filter(c -> c != null).toList();
        return clauses.isEmpty() ? null : new Condition(join.getValue(), clauses);
    }

    @Override
    protected void setPresentationValue(Condition condition) {
        rows.clear();
        list.removeAll();
        join.setValue(condition == null ? Condition.Join.ALL : condition.join());
        if (condition != null) {
            condition.clauses().forEach(this::addRow);
        }
        refreshJoin();
    }

    private void addRow(Clause clause) {
        ClauseRow row = new ClauseRow(made++);
        rows.add(row);
        list.add(row);
        row.show(clause);
        refreshJoin();
    }

    private void refreshJoin() {
        join.setVisible(rows.size() > 1);
        add.setEnabled(!earlier.isEmpty() && rows.size() < SurveyConditions.CLAUSES_MAX);
    }

    /** One clause: which earlier question, and either its options or a comparison with a value. */
    class ClauseRow extends Div {
        final ComboBox<String> question = new ComboBox<>();
        final MultiSelectComboBox<String> options = new MultiSelectComboBox<>();
        final ComboBox<Clause.Operator> operator = new ComboBox<>();
        final BigDecimalField value = new BigDecimalField();
        final Button remove = new Button(VaadinIcon.TRASH.create());

        ClauseRow(int index) {
            addClassName("survey-condition-clause");
            question.setLabel(getTranslation("survey.condition.question"));
            question.setItems(new ArrayList<>(earlier.keySet()));
            question.setItemLabelGenerator(c -> earlier.containsKey(c) ? c + ": " + earlier.get(c).text() : c);
            question.setAllowCustomValue(false);
            question.setId("condition-question-" + index);
            options.setLabel(getTranslation("survey.condition.options"));
            options.setId("condition-options-" + index);
            operator.setLabel(getTranslation("survey.condition.operator"));
            operator.setItems(Arrays.stream(Clause.Operator.values()).filter(o -> o != Clause.Operator.ONE_OF).toList());
            operator.setItemLabelGenerator(o -> SurveyConditions.symbol(o) + " " + getTranslation("survey.condition.op." + o.name()));
            operator.setAllowCustomValue(false);
            operator.setId("condition-operator-" + index);
            value.setLabel(getTranslation("survey.condition.value"));
            value.setId("condition-value-" + index);
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            remove.setAriaLabel(getTranslation("survey.condition.remove"));
            remove.setTooltipText(getTranslation("survey.condition.remove"));
            remove.setId("condition-remove-" + index);
            remove.addClickListener(e -> {
                rows.remove(this);
                list.remove(this);
                refreshJoin();
                updateValue();
                add.focus();
            });
            question.addValueChangeListener(e -> {
                refreshKind();
                updateValue();
            });
            options.addValueChangeListener(e -> updateValue());
            operator.addValueChangeListener(e -> updateValue());
            value.addValueChangeListener(e -> updateValue());
            add(question, options, operator, value, remove);
        }

        void show(Clause clause) {
            if (clause != null) {
                // a code no longer among the earlier questions stays visible, so the service's message makes sense
                if (!earlier.containsKey(clause.questionCode())) {
                    List<String> items = new ArrayList<>(earlier.keySet());
                    items.add(clause.questionCode());
                    question.setItems(items);
                }
                question.setValue(clause.questionCode()); // its listener offers that question's options
                options.setValue(clause.optionCodes().stream().filter(c -> options.getListDataView().contains(c))
                        .collect(Collectors.toSet()));
                operator.setValue(clause.operator() == Clause.Operator.ONE_OF ? null : clause.operator());
                value.setValue(clause.value());
            }
            refreshKind();
        }

        private void refreshKind() {
            QuestionDef on = question.getValue() == null ? null : earlier.get(question.getValue());
            boolean choice = on != null && on.type().isChoice();
            boolean numeric = on != null && on.type().isNumeric();
            Set<String> chosen = options.getValue();
            Map<String, String> labels = on == null ? Map.of() : on.choices().stream()
                    .collect(Collectors.toMap(OptionDef::code, OptionDef::label, (a, b) -> a, LinkedHashMap::new));
            options.setItems(new ArrayList<>(labels.keySet()));
            options.setItemLabelGenerator(c -> labels.getOrDefault(c, c));
            options.setValue(chosen.stream().filter(labels::containsKey).collect(Collectors.toCollection(LinkedHashSet::new)));
            options.setVisible(choice);
            operator.setVisible(numeric);
            value.setVisible(numeric);
        }

        /** The clause as entered; null while no question is chosen. */
        Clause clause() {
            String code = question.getValue();
            if (code == null) {
                return null;
            }
            QuestionDef on = earlier.get(code);
            if (on != null && on.type().isNumeric()) {
                return Clause.compare(code, operator.getValue(), value.getValue());
            }
            return Clause.oneOf(code, options.getValue());
        }
    }
}
