package org.ngoplatform.survey.design;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStructure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What an analyst enters for a question. The service checks it again, including rules across questions. Texts
 * and option labels are kept as typed with leading and trailing white space removed (blank help and scale labels
 * become none); codes are plain identifiers. The maxima are the columns' sizes; the dialog uses the same constants.
 */
public class QuestionForm {

    public static final String CODE_PATTERN = "[a-z][a-z0-9_]{0,39}";
    public static final int CODE_MAX = 40;
    public static final int TEXT_MAX = 1000;
    public static final int HELP_MAX = 1000;
    public static final int SCALE_LABEL_MAX = 100;
    public static final int OPTION_LABEL_MAX = 300;
    public static final int OPTIONS_MAX = 50;
    /** Rows of a matrix at most. */
    public static final int ROWS_MAX = 50;

    /** One answer option: a stable code and the label respondents see. */
    public record OptionInput(String code, String label) {
    }

    @NotBlank
    @Size(max = CODE_MAX, message = "{validation.too-long}")
    @Pattern(regexp = CODE_PATTERN, message = "{survey.validation.code}")
    private String code;

    @NotNull
    private QuestionType type = QuestionType.SINGLE_CHOICE;

    @NotBlank
    @Size(max = TEXT_MAX, message = "{validation.too-long}")
    private String text;

    @Size(max = HELP_MAX, message = "{validation.too-long}")
    private String help;

    private boolean required;
    private BigDecimal min;
    private BigDecimal max;
    private boolean integerOnly;

    @Min(0)
    @Max(10)
    private Integer scaleMin = 1;

    @Min(1)
    @Max(10)
    private Integer scaleMax = 5;

    @Size(max = SCALE_LABEL_MAX, message = "{validation.too-long}")
    private String scaleMinLabel;

    @Size(max = SCALE_LABEL_MAX, message = "{validation.too-long}")
    private String scaleMaxLabel;

    private boolean allowOther;

    /** When the question is shown (null: always); the builder checks it against the earlier questions. */
    private SurveyStructure.Condition condition;

    @Size(max = OPTIONS_MAX)
    private List<OptionInput> options = new ArrayList<>();

    /** A matrix's rows, each with a stable code like an option's; ignored for every other type. */
    @Size(max = ROWS_MAX)
    private List<OptionInput> rows = new ArrayList<>();

    /** A matrix: several options may be chosen per row (else one per row). */
    private boolean multiplePerRow;

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public QuestionType getType() { return type; }
    public void setType(QuestionType type) { this.type = type; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getHelp() { return help; }
    public void setHelp(String help) { this.help = help; }
    public boolean isRequired() { return required; }
    public void setRequired(boolean required) { this.required = required; }
    public BigDecimal getMin() { return min; }
    public void setMin(BigDecimal min) { this.min = min; }
    public BigDecimal getMax() { return max; }
    public void setMax(BigDecimal max) { this.max = max; }
    public boolean isIntegerOnly() { return integerOnly; }
    public void setIntegerOnly(boolean integerOnly) { this.integerOnly = integerOnly; }
    public Integer getScaleMin() { return scaleMin; }
    public void setScaleMin(Integer scaleMin) { this.scaleMin = scaleMin; }
    public Integer getScaleMax() { return scaleMax; }
    public void setScaleMax(Integer scaleMax) { this.scaleMax = scaleMax; }
    public String getScaleMinLabel() { return scaleMinLabel; }
    public void setScaleMinLabel(String scaleMinLabel) { this.scaleMinLabel = scaleMinLabel; }
    public String getScaleMaxLabel() { return scaleMaxLabel; }
    public void setScaleMaxLabel(String scaleMaxLabel) { this.scaleMaxLabel = scaleMaxLabel; }
    public boolean isAllowOther() { return allowOther; }
    public void setAllowOther(boolean allowOther) { this.allowOther = allowOther; }
    public SurveyStructure.Condition getCondition() { return condition; }
    public void setCondition(SurveyStructure.Condition condition) { this.condition = condition; }
    public List<OptionInput> getOptions() { return options; }
    public void setOptions(List<OptionInput> options) { this.options = options == null ? new ArrayList<>() : new ArrayList<>(options); }
    public List<OptionInput> getRows() { return rows; }
    public void setRows(List<OptionInput> rows) { this.rows = rows == null ? new ArrayList<>() : new ArrayList<>(rows); }
    public boolean isMultiplePerRow() { return multiplePerRow; }
    public void setMultiplePerRow(boolean multiplePerRow) { this.multiplePerRow = multiplePerRow; }

    /** A form filled from an existing question definition, for editing. */
    public static QuestionForm of(SurveyStructure.QuestionDef q) {
        QuestionForm f = new QuestionForm();
        f.code = q.code();
        f.type = q.type();
        f.text = q.text();
        f.help = q.help();
        f.required = q.required();
        f.min = q.min();
        f.max = q.max();
        f.integerOnly = q.integerOnly();
        if (q.scaleMin() != null) f.scaleMin = q.scaleMin();
        if (q.scaleMax() != null) f.scaleMax = q.scaleMax();
        f.scaleMinLabel = q.scaleMinLabel();
        f.scaleMaxLabel = q.scaleMaxLabel();
        f.allowOther = q.allowOther();
        f.condition = q.condition();
        f.options = new ArrayList<>(q.options().stream().map(o -> new OptionInput(o.code(), o.label())).toList());
        f.rows = new ArrayList<>(q.rows().stream().map(r -> new OptionInput(r.code(), r.label())).toList());
        f.multiplePerRow = q.multiplePerRow();
        return f;
    }
}
