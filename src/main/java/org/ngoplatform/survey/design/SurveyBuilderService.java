package org.ngoplatform.survey.design;

import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.OffsetPageable;
import org.ngoplatform.base.Validation;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.SurveyConditions;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyLanguages;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyTexts;
import org.ngoplatform.survey.respond.ResponseStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Analysts build surveys here. The structure of a version that has responses is frozen: the first change
 * after a response copies the structure into a new version, and only the copy changes. Sections are
 * addressed by their position and questions by their stable code, which both survive such a copy.
 */
@Service
public class SurveyBuilderService {

    private static final Pattern CODE = Pattern.compile(QuestionForm.CODE_PATTERN);
    public static final int SECTION_TITLE_MAX = 200;
    public static final int SECTION_INTRO_MAX = 2000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] KEY_CHARS = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private final SurveyRepository surveys;
    private final SurveyVersionRepository versions;
    private final ResponseStore responses;
    private final Validator validator;
    private final AuditLog audit;
    private final Clock clock;
    private final EntityManager entityManager;
    private final SurveyTranslations translations;

    SurveyBuilderService(SurveyRepository surveys, SurveyVersionRepository versions, ResponseStore responses,
                         Validator validator, AuditLog audit, Clock clock, EntityManager entityManager,
                         SurveyTranslations translations) {
        this.entityManager = entityManager;
        this.translations = translations;
        this.surveys = surveys;
        this.versions = versions;
        this.responses = responses;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
    }

    // --- reading ------------------------------------------------------------------------------------

    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public List<SurveySummary> list(String filter, int offset, int limit) {
        return surveys.search(like(filter), OffsetPageable.of(offset, limit)).stream()
                .map(s -> SurveySummary.of(s, responses.count(s.getId(), null))).toList();
    }

    /** Open surveys, newest first, at most {@code limit}, each with its response count (a count query per survey). */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public List<SurveySummary> open(int limit) {
        return surveys.findByStatusOrderByIdDesc(SurveyStatus.OPEN, OffsetPageable.of(0, Math.max(1, limit))).stream()
                .map(s -> SurveySummary.of(s, responses.count(s.getId(), null))).toList();
    }

    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public long count(String filter) {
        return surveys.countSearch(like(filter));
    }

    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public Optional<SurveySummary> find(long surveyId) {
        return surveys.findById(surveyId).map(s -> SurveySummary.of(s, responses.count(s.getId(), null)));
    }

    /** The current version's structure; the preview shows exactly this. */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public SurveyStructure structure(long surveyId) {
        Survey survey = require(surveyId);
        return survey.structureOf(currentVersion(survey));
    }

    // --- survey -------------------------------------------------------------------------------------

    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public long create(SurveySettingsForm form) {
        check(form);
        String base = form.getBaseLanguage() == null ? "en" : SurveyLanguages.normalise(form.getBaseLanguage());
        if (base == null) {
            throw new SurveyDesignRejectedException("baseLanguage", "survey.error.language-unknown");
        }
        Survey survey = new Survey(newPublicKey(), form.getTitle().strip(), clock.instant());
        survey.applySettings(form);
        survey.changeBaseLanguage(base);
        survey = surveys.save(survey);
        SurveyVersion version = versions.save(new SurveyVersion(survey.getId(), 1));
        SurveySection first = new SurveySection(version, "Page 1", null);
        version.getSections().add(first);
        version.renumber();
        audit.record("SURVEY_CREATED", "survey:" + survey.getId(), null);
        return survey.getId();
    }

    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public SurveySummary updateSettings(long surveyId, SurveySettingsForm form) {
        check(form);
        Survey survey = require(surveyId);
        if (!survey.getStatus().isEditable()) {
            throw new SurveyDesignRejectedException("status", "survey.error.archived");
        }
        survey.applySettings(form);
        return SurveySummary.of(survey, responses.count(surveyId, null));
    }

    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public SurveySummary changeStatus(long surveyId, SurveyStatus next) {
        Survey survey = require(surveyId);
        if (next == SurveyStatus.OPEN && currentVersion(survey).questionsInOrder().isEmpty()) {
            throw new SurveyDesignRejectedException("status", "survey.error.no-questions");
        }
        if (next == SurveyStatus.OPEN) {
            // every further language complete, or marked to fall back visibly to the base language
            SurveyStructure structure = survey.structureOf(currentVersion(survey));
            for (SurveyTranslations.Language l : translations.languages(surveyId)) {
                if (!SurveyTexts.offerable(l.fallback(), SurveyTexts.progress(structure, translations.stored(surveyId, l.code())))) {
                    throw new SurveyDesignRejectedException("status", "survey.error.language-incomplete");
                }
            }
        }
        survey.moveTo(next);
        if (next != SurveyStatus.OPEN) {
            // used submission tokens only guard an open survey against double submission; they go when it closes
            responses.forgetSubmissionTokens(surveyId);
        }
        audit.record("SURVEY_STATUS", "survey:" + surveyId, next.name());
        return SurveySummary.of(survey, responses.count(surveyId, null));
    }

    /** A new draft survey with the settings and the current structure of another; no responses. */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public long duplicate(long surveyId, String title) {
        Survey source = require(surveyId);
        SurveySettingsForm form = SurveySummary.of(source, 0).toForm();
        form.setTitle(title == null || title.isBlank() ? source.getTitle() : title.strip());
        check(form);
        Survey copy = new Survey(newPublicKey(), form.getTitle(), clock.instant());
        copy.applySettings(form);
        copy.changeBaseLanguage(source.getBaseLanguage());
        copy = surveys.save(copy);
        SurveyVersion version = versions.save(new SurveyVersion(copy.getId(), 1));
        copyStructure(currentVersion(source), version);
        translations.copy(surveyId, copy.getId());
        audit.record("SURVEY_DUPLICATED", "survey:" + copy.getId(), "from survey:" + surveyId);
        return copy.getId();
    }

    // --- sections -----------------------------------------------------------------------------------

    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public SurveyStructure addSection(long surveyId, String title, String intro) {
        checkSection(title, intro);
        Survey survey = require(surveyId);
        SurveyVersion version = editableVersion(survey);
        version.getSections().add(new SurveySection(version, title, intro));
        return finish(survey, version);
    }

    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public SurveyStructure editSection(long surveyId, int sectionIndex, String title, String intro) {
        checkSection(title, intro);
        Survey survey = require(surveyId);
        SurveyVersion version = editableVersion(survey);
        section(version, sectionIndex).edit(title, intro);
        return finish(survey, version);
    }

    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public SurveyStructure moveSection(long surveyId, int sectionIndex, int delta) {
        Survey survey = require(surveyId);
        SurveyVersion version = editableVersion(survey);
        List<SurveySection> sections = version.getSections();
        section(version, sectionIndex);
        int target = sectionIndex + delta;
        if (target < 0 || target >= sections.size()) {
            throw new SurveyDesignRejectedException("section", "survey.error.move");
        }
        sections.add(target, sections.remove(sectionIndex));
        return finish(survey, version);
    }

    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public SurveyStructure removeSection(long surveyId, int sectionIndex) {
        Survey survey = require(surveyId);
        SurveyVersion version = editableVersion(survey);
        if (version.getSections().size() == 1) {
            throw new SurveyDesignRejectedException("section", "survey.error.last-section");
        }
        version.getSections().remove(section(version, sectionIndex));
        return finish(survey, version);
    }

    // --- questions ----------------------------------------------------------------------------------

    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public SurveyStructure addQuestion(long surveyId, int sectionIndex, QuestionForm form) {
        check(form);
        Survey survey = require(surveyId);
        SurveyVersion version = editableVersion(survey);
        if (version.questionsInOrder().stream().anyMatch(q -> q.getCode().equals(form.getCode().strip()))) {
            throw new SurveyDesignRejectedException("code", "survey.error.code-taken");
        }
        SurveySection section = section(version, sectionIndex);
        SurveyQuestion question = new SurveyQuestion(section, version.getId());
        question.apply(form);
        section.getQuestions().add(question);
        return finish(survey, version);
    }

    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public SurveyStructure updateQuestion(long surveyId, String code, QuestionForm form) {
        check(form);
        Survey survey = require(surveyId);
        SurveyVersion version = editableVersion(survey);
        SurveyQuestion question = question(version, code);
        String newCode = form.getCode().strip();
        if (!newCode.equals(code)) {
            if (version.questionsInOrder().stream().anyMatch(q -> q.getCode().equals(newCode))) {
                throw new SurveyDesignRejectedException("code", "survey.error.code-taken");
            }
            if (version.getNumber() > 1 || responses.count(surveyId, null) > 0) {
                // codes are what old responses and exports are keyed by
                throw new SurveyDesignRejectedException("code", "survey.error.code-frozen");
            }
            List<String> dependents = dependents(version, code);
            if (!dependents.isEmpty()) {
                throw new SurveyDesignRejectedException("code", "survey.error.code-used", String.join(", ", dependents));
            }
        }
        question.apply(form);
        return finish(survey, version);
    }

    /**
     * Moves a question up (-1) or down (+1) in its section; past the first or last place it moves to the
     * end of the previous or the start of the next section.
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public SurveyStructure moveQuestion(long surveyId, String code, int delta) {
        if (delta != -1 && delta != 1) {
            throw new IllegalArgumentException("delta must be -1 or 1");
        }
        Survey survey = require(surveyId);
        SurveyVersion version = editableVersion(survey);
        SurveyQuestion question = question(version, code);
        SurveySection section = question.getSection();
        List<SurveyQuestion> list = section.getQuestions();
        int at = list.indexOf(question);
        int target = at + delta;
        if (target >= 0 && target < list.size()) {
            list.add(target, list.remove(at));
        } else {
            int sectionAt = version.getSections().indexOf(section);
            int otherAt = sectionAt + delta;
            if (otherAt < 0 || otherAt >= version.getSections().size()) {
                throw new SurveyDesignRejectedException("question", "survey.error.move");
            }
            SurveySection other = version.getSections().get(otherAt);
            list.remove(at);
            question.moveToSection(other);
            if (delta < 0) {
                other.getQuestions().add(question);
            } else {
                other.getQuestions().addFirst(question);
            }
        }
        return finish(survey, version);
    }

    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public SurveyStructure removeQuestion(long surveyId, String code) {
        Survey survey = require(surveyId);
        SurveyVersion version = editableVersion(survey);
        SurveyQuestion question = question(version, code);
        List<String> dependents = dependents(version, code);
        if (!dependents.isEmpty()) {
            throw new SurveyDesignRejectedException("question", "survey.error.question-used", code,
                    String.join(", ", dependents));
        }
        question.getSection().getQuestions().remove(question);
        entityManager.remove(question);
        return finish(survey, version);
    }

    // --- internals ----------------------------------------------------------------------------------

    private Survey require(long surveyId) {
        return surveys.findById(surveyId).orElseThrow(() -> new SurveyDesignRejectedException("survey", "survey.error.not-found"));
    }

    private SurveyVersion currentVersion(Survey survey) {
        return versions.findBySurveyIdAndNumber(survey.getId(), survey.getCurrentVersion()).orElseThrow();
    }

    /** The version changes go to: the current one, or a fresh copy of it once it has responses. */
    private SurveyVersion editableVersion(Survey survey) {
        if (!survey.getStatus().isEditable()) {
            throw new SurveyDesignRejectedException("status", "survey.error.archived");
        }
        SurveyVersion current = currentVersion(survey);
        if (responses.countOfVersion(current.getId()) == 0) {
            return current;
        }
        SurveyVersion next = versions.save(new SurveyVersion(survey.getId(), current.getNumber() + 1));
        copyStructure(current, next);
        survey.advanceVersion(next.getNumber());
        audit.record("SURVEY_NEW_VERSION", "survey:" + survey.getId(), "version " + next.getNumber());
        return next;
    }

    private void copyStructure(SurveyVersion from, SurveyVersion to) {
        for (SurveySection s : from.getSections()) {
            SurveySection copy = new SurveySection(to, s.getTitle(), s.getIntro());
            for (SurveyQuestion q : s.getQuestions()) {
                copy.getQuestions().add(q.copyInto(copy, to.getId()));
            }
            to.getSections().add(copy);
        }
        to.renumber();
    }

    private SurveyStructure finish(Survey survey, SurveyVersion version) {
        version.renumber();
        checkStructure(version);
        versions.flush();
        return survey.structureOf(version);
    }

    private static SurveySection section(SurveyVersion version, int index) {
        if (index < 0 || index >= version.getSections().size()) {
            throw new SurveyDesignRejectedException("section", "survey.error.not-found");
        }
        return version.getSections().get(index);
    }

    private static SurveyQuestion question(SurveyVersion version, String code) {
        return version.questionsInOrder().stream().filter(q -> q.getCode().equals(code)).findFirst()
                .orElseThrow(() -> new SurveyDesignRejectedException("question", "survey.error.not-found"));
    }

    private <T> void check(T form) {
        Validation.requireValid(validator, form, broken -> new SurveyDesignRejectedException(Validation.field(broken),
                broken.getConstraintDescriptor().getAnnotation() instanceof Size && broken.getInvalidValue() instanceof String
                        ? "survey.error.too-long" : "survey.error.invalid"));
        if (form instanceof SurveySettingsForm s) {
            if (s.getOpensAt() != null && s.getClosesAt() != null && !s.getClosesAt().isAfter(s.getOpensAt())) {
                throw new SurveyDesignRejectedException("closesAt", "survey.error.dates");
            }
            if (s.getAnonymity() == SurveyAnonymity.IDENTIFIED && s.getAudience() != SurveyAudience.SIGNED_IN) {
                throw new SurveyDesignRejectedException("anonymity", "survey.error.identified-needs-sign-in");
            }
        }
        if (form instanceof QuestionForm q) {
            checkQuestion(q);
        }
    }

    private static void checkSection(String title, String intro) {
        if (title == null || title.isBlank()) {
            throw new SurveyDesignRejectedException("title", "survey.error.section-title");
        }
        if (title.strip().length() > SECTION_TITLE_MAX) {
            throw new SurveyDesignRejectedException("title", "survey.error.too-long");
        }
        if (intro != null && intro.strip().length() > SECTION_INTRO_MAX) {
            throw new SurveyDesignRejectedException("intro", "survey.error.too-long");
        }
    }

    /** Rules of one question on its own. */
    static void checkQuestion(QuestionForm q) {
        if (q.getType() == QuestionType.RANKING && q.getOptions().size() < 2) {
            throw new SurveyDesignRejectedException("options", "survey.error.ranking-options");
        }
        if (q.getType().hasOptions()) {
            if (q.getOptions().isEmpty()) {
                throw new SurveyDesignRejectedException("options", "survey.error.options-missing");
            }
            Set<String> codes = new HashSet<>();
            for (QuestionForm.OptionInput o : q.getOptions()) {
                String c = o.code() == null ? "" : o.code().strip();
                if (!CODE.matcher(c).matches() || (q.getType().allowsOther() && q.isAllowOther() && SurveyStructure.OTHER.equals(c))) {
                    throw new SurveyDesignRejectedException("options", "survey.error.option-code");
                }
                if (!codes.add(c)) {
                    throw new SurveyDesignRejectedException("options", "survey.error.option-duplicate");
                }
                if (o.label() == null || o.label().isBlank() || o.label().strip().length() > QuestionForm.OPTION_LABEL_MAX) {
                    throw new SurveyDesignRejectedException("options", "survey.error.option-label");
                }
            }
        }
        if (q.getType() == QuestionType.MATRIX) {
            checkRows(q.getRows());
        }
        if (q.getType() == QuestionType.NUMBER && q.getMin() != null && q.getMax() != null
                && q.getMin().compareTo(q.getMax()) > 0) {
            throw new SurveyDesignRejectedException("max", "survey.error.min-max");
        }
        if (q.getType() == QuestionType.SCALE && (q.getScaleMin() == null || q.getScaleMax() == null
                || q.getScaleMin() >= q.getScaleMax())) {
            throw new SurveyDesignRejectedException("scaleMax", "survey.error.scale");
        }
        checkCondition(q.getCode(), q.getCondition());
    }

    /** A condition's own shape; what it refers to is checked with the whole structure ({@link SurveyConditions#check}). */
    private static void checkCondition(String code, SurveyStructure.Condition condition) {
        if (condition == null || condition.clauses().isEmpty()) {
            return;
        }
        if (condition.clauses().size() > SurveyConditions.CLAUSES_MAX) {
            throw new SurveyDesignRejectedException("condition", "survey.error.condition-clauses", SurveyConditions.CLAUSES_MAX);
        }
        for (SurveyStructure.Clause c : condition.clauses()) {
            if (c == null || c.questionCode() == null || !CODE.matcher(c.questionCode()).matches()) {
                throw new SurveyDesignRejectedException("condition", "survey.error.condition-question");
            }
            if (c.operator() == null || (c.operator() != SurveyStructure.Clause.Operator.ONE_OF && c.value() == null)) {
                throw new SurveyDesignRejectedException("condition", "survey.error.condition-value-missing", code, c.questionCode());
            }
            if (c.optionCodes().size() > QuestionForm.OPTIONS_MAX + 1
                    || c.optionCodes().stream().anyMatch(o -> o == null || !CODE.matcher(o).matches())) {
                throw new SurveyDesignRejectedException("condition", "survey.error.condition-options", code, c.questionCode());
            }
        }
        String json = ConditionJson.write(condition);
        if (json != null && json.length() > ConditionJson.MAX) {
            throw new SurveyDesignRejectedException("condition", "survey.error.condition-too-many");
        }
    }

    /** A matrix's rows: at least one, each with a plain code (unique in the question) and a label. */
    private static void checkRows(List<QuestionForm.OptionInput> rows) {
        if (rows.isEmpty()) {
            throw new SurveyDesignRejectedException("rows", "survey.error.rows-missing");
        }
        Set<String> codes = new HashSet<>();
        for (QuestionForm.OptionInput r : rows) {
            String c = r.code() == null ? "" : r.code().strip();
            if (!CODE.matcher(c).matches()) {
                throw new SurveyDesignRejectedException("rows", "survey.error.row-code");
            }
            if (!codes.add(c)) {
                throw new SurveyDesignRejectedException("rows", "survey.error.row-duplicate");
            }
            if (r.label() == null || r.label().isBlank() || r.label().strip().length() > QuestionForm.OPTION_LABEL_MAX) {
                throw new SurveyDesignRejectedException("rows", "survey.error.row-label");
            }
        }
    }

    private static List<String> dependents(SurveyVersion version, String code) {
        return SurveyConditions.dependents(version.questionsInOrder().stream().map(Survey::question).toList(), code);
    }

    /**
     * Rules across questions: unique codes, and every condition on earlier questions of a type it can test, with
     * options they offer and values in their range ({@link SurveyConditions#check}); a move or removal that breaks a
     * condition is refused whole, naming both questions.
     */
    private static void checkStructure(SurveyVersion version) {
        Set<String> codes = new HashSet<>();
        for (SurveyQuestion q : version.questionsInOrder()) {
            if (!codes.add(q.getCode())) {
                throw new SurveyDesignRejectedException("code", "survey.error.code-taken");
            }
        }
        SurveyConditions.check(version.questionsInOrder().stream().map(Survey::question).toList()).ifPresent(p -> {
            throw new SurveyDesignRejectedException("condition", p.key(), p.params().toArray());
        });
    }

    private String newPublicKey() {
        String key;
        do {
            var sb = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                sb.append(KEY_CHARS[RANDOM.nextInt(KEY_CHARS.length)]);
            }
            key = sb.toString();
        } while (surveys.existsByPublicKey(key));
        return key;
    }

    private static String like(String filter) {
        return filter == null || filter.isBlank() ? null : "%" + filter.strip().toLowerCase(Locale.ROOT) + "%";
    }
}
