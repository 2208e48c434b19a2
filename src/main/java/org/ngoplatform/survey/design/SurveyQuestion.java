package org.ngoplatform.survey.design;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStructure.Condition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A question of one survey version. Its code is stable across versions and unique within one. */
@Entity
@Table(name = "survey_question")
class SurveyQuestion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "version_id", nullable = false)
    private long versionId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "section_id", nullable = false)
    private SurveySection section;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(nullable = false, length = 40)
    @Size(max = 40)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "question_type", nullable = false, length = 20)
    private QuestionType type;

    @Column(name = "question_text", nullable = false, length = 1000)
    @Size(max = 1000)
    private String text;

    @Column(name = "help_text", length = 1000)
    @Size(max = 1000)
    private String help;

    @Column(nullable = false)
    private boolean required;

    @Column(name = "min_value", precision = 19, scale = 4)
    private BigDecimal minValue;

    @Column(name = "max_value", precision = 19, scale = 4)
    private BigDecimal maxValue;

    @Column(name = "integer_only", nullable = false)
    private boolean integerOnly;

    @Column(name = "scale_min")
    private Integer scaleMin;

    @Column(name = "scale_max")
    private Integer scaleMax;

    @Column(name = "scale_min_label", length = 100)
    @Size(max = 100)
    private String scaleMinLabel;

    @Column(name = "scale_max_label", length = 100)
    @Size(max = 100)
    private String scaleMaxLabel;

    @Column(name = "allow_other", nullable = false)
    private boolean allowOther;

    /** The condition as {@link ConditionJson}; null: always shown. */
    @Column(name = "condition_rule", length = ConditionJson.MAX)
    @Size(max = ConditionJson.MAX)
    private String conditionRule;

    @OneToMany(mappedBy = "question", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder ASC")
    private List<SurveyOption> options = new ArrayList<>();

    /** A matrix's rows (V25); empty for every other type. */
    @OneToMany(mappedBy = "question", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder ASC")
    private List<SurveyMatrixRow> rows = new ArrayList<>();

    @Column(name = "multiple_per_row", nullable = false)
    private boolean multiplePerRow;

    protected SurveyQuestion() {
    }

    SurveyQuestion(SurveySection section, long versionId) {
        this.section = section;
        this.versionId = versionId;
    }

    /** Copies everything but the identity into a question of another section (a new version). */
    SurveyQuestion copyInto(SurveySection target, long targetVersionId) {
        SurveyQuestion copy = new SurveyQuestion(target, targetVersionId);
        copy.sortOrder = sortOrder;
        copy.code = code;
        copy.type = type;
        copy.text = text;
        copy.help = help;
        copy.required = required;
        copy.minValue = minValue;
        copy.maxValue = maxValue;
        copy.integerOnly = integerOnly;
        copy.scaleMin = scaleMin;
        copy.scaleMax = scaleMax;
        copy.scaleMinLabel = scaleMinLabel;
        copy.scaleMaxLabel = scaleMaxLabel;
        copy.allowOther = allowOther;
        copy.conditionRule = conditionRule;
        for (SurveyOption o : options) {
            copy.options.add(new SurveyOption(copy, o.getSortOrder(), o.getCode(), o.getLabel()));
        }
        for (SurveyMatrixRow r : rows) {
            copy.rows.add(new SurveyMatrixRow(copy, r.getSortOrder(), r.getCode(), r.getLabel()));
        }
        copy.multiplePerRow = multiplePerRow;
        return copy;
    }

    /** Takes over a form the service has validated. */
    void apply(QuestionForm f) {
        this.code = f.getCode().strip();
        this.type = f.getType();
        this.text = f.getText().strip();
        this.help = Survey.blankToNull(f.getHelp());
        this.required = f.isRequired();
        boolean number = type == QuestionType.NUMBER;
        this.minValue = number ? f.getMin() : null;
        this.maxValue = number ? f.getMax() : null;
        this.integerOnly = number && f.isIntegerOnly();
        boolean scale = type == QuestionType.SCALE;
        this.scaleMin = scale ? f.getScaleMin() : null;
        this.scaleMax = scale ? f.getScaleMax() : null;
        this.scaleMinLabel = scale ? Survey.blankToNull(f.getScaleMinLabel()) : null;
        this.scaleMaxLabel = scale ? Survey.blankToNull(f.getScaleMaxLabel()) : null;
        this.allowOther = type.allowsOther() && f.isAllowOther();
        this.multiplePerRow = type == QuestionType.MATRIX && f.isMultiplePerRow();
        this.conditionRule = ConditionJson.write(f.getCondition());
        // an option whose code stays is the same row, edited: Hibernate inserts new rows before it deletes orphans,
        // so replacing it by a new row with the same code broke uk_survey_option_code (editing a choice question of
        // a version without responses failed with a 500)
        Map<String, SurveyOption> before = new HashMap<>();
        options.forEach(o -> before.put(o.getCode(), o));
        options.clear();
        if (type.hasOptions()) {
            int i = 0;
            for (QuestionForm.OptionInput o : f.getOptions()) {
                SurveyOption kept = before.remove(o.code().strip());
                if (kept != null) {
                    kept.edit(i++, o.label().strip());
                    options.add(kept);
                } else {
                    options.add(new SurveyOption(this, i++, o.code().strip(), o.label().strip()));
                }
            }
        }
        // rows kept by code for the same reason (uk_survey_matrix_row_code)
        Map<String, SurveyMatrixRow> rowsBefore = new HashMap<>();
        rows.forEach(r -> rowsBefore.put(r.getCode(), r));
        rows.clear();
        if (type == QuestionType.MATRIX) {
            int i = 0;
            for (QuestionForm.OptionInput r : f.getRows()) {
                SurveyMatrixRow kept = rowsBefore.remove(r.code().strip());
                if (kept != null) {
                    kept.edit(i++, r.label().strip());
                    rows.add(kept);
                } else {
                    rows.add(new SurveyMatrixRow(this, i++, r.code().strip(), r.label().strip()));
                }
            }
        }
    }

    Condition getCondition() {
        return ConditionJson.read(conditionRule);
    }

    Long getId() { return id; }
    SurveySection getSection() { return section; }
    void moveToSection(SurveySection target) { this.section = target; }
    int getSortOrder() { return sortOrder; }
    void setSortOrder(int sortOrder) { this.sortOrder = sortOrder; }
    String getCode() { return code; }
    QuestionType getType() { return type; }
    String getText() { return text; }
    String getHelp() { return help; }
    boolean isRequired() { return required; }
    BigDecimal getMinValue() { return minValue; }
    BigDecimal getMaxValue() { return maxValue; }
    boolean isIntegerOnly() { return integerOnly; }
    Integer getScaleMin() { return scaleMin; }
    Integer getScaleMax() { return scaleMax; }
    String getScaleMinLabel() { return scaleMinLabel; }
    String getScaleMaxLabel() { return scaleMaxLabel; }
    boolean isAllowOther() { return allowOther; }
    List<SurveyOption> getOptions() { return options; }
    List<SurveyMatrixRow> getRows() { return rows; }
    boolean isMultiplePerRow() { return multiplePerRow; }
}
