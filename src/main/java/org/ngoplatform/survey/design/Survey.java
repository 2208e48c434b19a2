package org.ngoplatform.survey.design;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.Condition;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.SurveyStructure.SectionDef;
import org.ngoplatform.survey.results.SmallCellSuppression;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A survey and its settings; its questions live in numbered {@link SurveyVersion}s. */
@Entity
@Table(name = "survey")
public class Survey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_key", nullable = false, length = 40)
    @Size(max = 40)
    private String publicKey;

    @Column(nullable = false, length = 200)
    @Size(max = 200)
    private String title;

    @Column(length = 4000)
    @Size(max = 4000)
    private String intro;

    @Column(name = "thank_you", length = 2000)
    @Size(max = 2000)
    private String thankYou;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SurveyStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SurveyAudience audience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SurveyAnonymity anonymity;

    @Column(name = "opens_at")
    private Instant opensAt;

    @Column(name = "closes_at")
    private Instant closesAt;

    @Column(name = "response_limit")
    private Integer responseLimit;

    @Column(name = "suppression_k", nullable = false)
    private int suppressionK;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The ISO 639 code of the language the survey's own texts are written in (see V24 and SurveyTexts). */
    @Column(name = "base_language", nullable = false, length = 8)
    @Size(max = 8)
    private String baseLanguage = "en";

    @Version
    private long version;

    protected Survey() {
    }

    Survey(String publicKey, String title, Instant createdAt) {
        this.publicKey = Objects.requireNonNull(publicKey);
        this.title = Objects.requireNonNull(title);
        this.createdAt = createdAt;
        this.status = SurveyStatus.DRAFT;
        this.audience = SurveyAudience.PUBLIC_LINK;
        this.anonymity = SurveyAnonymity.ANONYMOUS;
        this.suppressionK = SmallCellSuppression.DEFAULT_K;
        this.currentVersion = 1;
    }

    void applySettings(SurveySettingsForm form) {
        this.title = form.getTitle().strip();
        this.intro = blankToNull(form.getIntro());
        this.thankYou = blankToNull(form.getThankYou());
        this.audience = form.getAudience();
        this.anonymity = form.getAnonymity();
        this.opensAt = form.getOpensAt();
        this.closesAt = form.getClosesAt();
        this.responseLimit = form.getResponseLimit();
        this.suppressionK = form.getSuppressionK();
    }

    void moveTo(SurveyStatus next) {
        if (!status.canMoveTo(next)) {
            throw new SurveyDesignRejectedException("status", "survey.error.status");
        }
        this.status = next;
    }

    /** Whether "anonymise after fieldwork" may run: identified, and closed or archived. */
    boolean mayAnonymiseAfterFieldwork() {
        return anonymity == SurveyAnonymity.IDENTIFIED && (status == SurveyStatus.CLOSED || status == SurveyStatus.ARCHIVED);
    }

    /** After fieldwork the survey becomes anonymous for good (its identity links are deleted by the caller). */
    void anonymiseAfterFieldwork() {
        if (!mayAnonymiseAfterFieldwork()) {
            throw new IllegalStateException("only a closed identified survey can be anonymised");
        }
        this.anonymity = SurveyAnonymity.ANONYMOUS;
    }

    void changeBaseLanguage(String code) {
        this.baseLanguage = Objects.requireNonNull(code);
    }

    void advanceVersion(int number) {
        this.currentVersion = number;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Open for answers at this moment: status OPEN and inside the optional window. */
    public boolean acceptsAnswersAt(Instant now) {
        return status == SurveyStatus.OPEN
                && (opensAt == null || !now.isBefore(opensAt))
                && (closesAt == null || now.isBefore(closesAt));
    }

    /** One version of this survey as the read-only structure respondents, results and exports work with. */
    public SurveyStructure structureOf(SurveyVersion version) {
        List<SectionDef> sections = new ArrayList<>();
        int index = 0;
        for (SurveySection s : version.getSections()) {
            List<QuestionDef> questions = s.getQuestions().stream().map(Survey::question).toList();
            sections.add(new SectionDef(s.getId(), index++, s.getTitle(), s.getIntro(), questions));
        }
        return new SurveyStructure(id, version.getId(), version.getNumber(), title, intro, thankYou, audience,
                anonymity, suppressionK, sections);
    }

    /** One question as its definition; a question not yet stored has id 0 (the builder checks a design before it flushes). */
    static QuestionDef question(SurveyQuestion q) {
        Condition condition = q.getCondition();
        return new QuestionDef(q.getId() == null ? 0 : q.getId(), q.getCode(), q.getType(), q.getText(), q.getHelp(), q.isRequired(),
                q.getMinValue() == null ? null : q.getMinValue().stripTrailingZeros(),
                q.getMaxValue() == null ? null : q.getMaxValue().stripTrailingZeros(),
                q.isIntegerOnly(), q.getScaleMin(), q.getScaleMax(), q.getScaleMinLabel(), q.getScaleMaxLabel(),
                q.isAllowOther(), condition,
                q.getOptions().stream().map(o -> new OptionDef(o.getCode(), o.getLabel())).toList(),
                q.getRows().stream().map(r -> new OptionDef(r.getCode(), r.getLabel())).toList(), q.isMultiplePerRow());
    }

    public Long getId() { return id; }
    String getPublicKey() { return publicKey; }
    String getTitle() { return title; }
    String getIntro() { return intro; }
    String getThankYou() { return thankYou; }
    public SurveyStatus getStatus() { return status; }
    public SurveyAudience getAudience() { return audience; }
    public SurveyAnonymity getAnonymity() { return anonymity; }
    Instant getOpensAt() { return opensAt; }
    Instant getClosesAt() { return closesAt; }
    public Integer getResponseLimit() { return responseLimit; }
    int getSuppressionK() { return suppressionK; }
    public int getCurrentVersion() { return currentVersion; }
    Instant getCreatedAt() { return createdAt; }
    public String getBaseLanguage() { return baseLanguage; }
}
