package org.ngoplatform.survey.design;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.results.SmallCellSuppression;

import java.time.Instant;

/**
 * Title, texts and settings of a survey as an analyst edits them. Texts are kept as typed (markup, control
 * characters, any script) with leading and trailing white space removed; a blank intro or thanks is stored as none.
 * The maxima are the columns' sizes; the editor's fields use the same constants.
 */
public class SurveySettingsForm {

    public static final int TITLE_MAX = 200;
    public static final int INTRO_MAX = 4000;
    public static final int THANK_YOU_MAX = 2000;

    @NotBlank
    @Size(max = TITLE_MAX, message = "{validation.too-long}")
    private String title;

    @Size(max = INTRO_MAX, message = "{validation.too-long}")
    private String intro;

    @Size(max = THANK_YOU_MAX, message = "{validation.too-long}")
    private String thankYou;

    @NotNull
    private SurveyAudience audience = SurveyAudience.PUBLIC_LINK;

    @NotNull
    private SurveyAnonymity anonymity = SurveyAnonymity.ANONYMOUS;

    private Instant opensAt;
    private Instant closesAt;

    @Min(1)
    @Max(1_000_000)
    private Integer responseLimit;

    /**
     * Only when a survey is created: the language its texts will be typed in (an ISO 639 code). The list page
     * presets it to the creator's UI language, the language they most likely write in; none given means English,
     * the language of every survey before languages existed (V24). Later changes go through
     * {@link SurveyTranslationService#setBaseLanguage}.
     */
    @Size(max = 20)
    private String baseLanguage;

    @Min(2)
    @Max(50)
    private int suppressionK = SmallCellSuppression.DEFAULT_K;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getIntro() { return intro; }
    public void setIntro(String intro) { this.intro = intro; }
    public String getThankYou() { return thankYou; }
    public void setThankYou(String thankYou) { this.thankYou = thankYou; }
    public SurveyAudience getAudience() { return audience; }
    public void setAudience(SurveyAudience audience) { this.audience = audience; }
    public SurveyAnonymity getAnonymity() { return anonymity; }
    public void setAnonymity(SurveyAnonymity anonymity) { this.anonymity = anonymity; }
    public Instant getOpensAt() { return opensAt; }
    public void setOpensAt(Instant opensAt) { this.opensAt = opensAt; }
    public Instant getClosesAt() { return closesAt; }
    public void setClosesAt(Instant closesAt) { this.closesAt = closesAt; }
    public Integer getResponseLimit() { return responseLimit; }
    public void setResponseLimit(Integer responseLimit) { this.responseLimit = responseLimit; }
    public String getBaseLanguage() { return baseLanguage; }
    public void setBaseLanguage(String baseLanguage) { this.baseLanguage = baseLanguage; }
    public int getSuppressionK() { return suppressionK; }
    public void setSuppressionK(int suppressionK) { this.suppressionK = suppressionK; }
}
