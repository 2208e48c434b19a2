package org.ngoplatform.survey.design;

import org.ngoplatform.survey.SurveyLanguages;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyTexts;
import org.ngoplatform.survey.SurveyTexts.Progress;
import org.ngoplatform.survey.SurveyTexts.Stored;
import org.ngoplatform.survey.respond.ResponseStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A survey's languages: its base language (the language its own texts are written in) and any number of further
 * languages, each a translation of those texts, edited text by text beside the base text. Translations are kept apart
 * from the versioned structure ({@link SurveyTranslations}), so changing one never makes a new structure version; a
 * structural change keeps working as before ({@link SurveyBuilderService}), and a translation whose base text changed
 * counts as outdated until it is saved again.
 */
@Service
public class SurveyTranslationService {

    /** One language of a survey as the translations page lists it; the base language is always complete. */
    public record SurveyLanguageSummary(String code, boolean base, boolean fallback, Progress progress) {
        /** Respondents may choose it and the survey may open with it ({@link SurveyTexts#offerable}). */
        public boolean ready() {
            return base || SurveyTexts.offerable(fallback, progress);
        }
    }

    /** One text of the current structure beside its translation; {@code current} false: missing or outdated. */
    public record TranslationSummary(String key, String base, String translation, boolean current, int max) {
    }

    private final SurveyRepository surveys;
    private final SurveyVersionRepository versions;
    private final SurveyTranslations translations;
    private final ResponseStore responses;

    SurveyTranslationService(SurveyRepository surveys, SurveyVersionRepository versions,
                             SurveyTranslations translations, ResponseStore responses) {
        this.surveys = surveys;
        this.versions = versions;
        this.translations = translations;
        this.responses = responses;
    }

    /** The base language first, then the further languages with how complete each is. */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public List<SurveyLanguageSummary> languages(long surveyId) {
        Survey survey = require(surveyId);
        SurveyStructure structure = structure(survey);
        int total = SurveyTexts.of(structure).size();
        List<SurveyLanguageSummary> all = new ArrayList<>();
        all.add(new SurveyLanguageSummary(survey.getBaseLanguage(), true, false, new Progress(total, 0, total)));
        for (SurveyTranslations.Language l : translations.languages(surveyId)) {
            all.add(new SurveyLanguageSummary(l.code(), false, l.fallback(),
                    SurveyTexts.progress(structure, translations.stored(surveyId, l.code()))));
        }
        return all;
    }

    /** The language the survey's own texts are in; fixed once responses exist (they were given in it). */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public void setBaseLanguage(long surveyId, String code) {
        String language = known(code);
        Survey survey = editable(surveyId);
        if (language.equals(survey.getBaseLanguage())) {
            return;
        }
        if (isFurther(surveyId, language)) {
            throw new SurveyDesignRejectedException("language", "survey.error.language-present");
        }
        if (responses.count(surveyId, null) > 0) {
            throw new SurveyDesignRejectedException("language", "survey.error.language-base-frozen");
        }
        survey.changeBaseLanguage(language);
    }

    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public void addLanguage(long surveyId, String code) {
        String language = known(code);
        Survey survey = editable(surveyId);
        if (language.equals(survey.getBaseLanguage())) {
            throw new SurveyDesignRejectedException("language", "survey.error.language-base");
        }
        if (isFurther(surveyId, language)) {
            throw new SurveyDesignRejectedException("language", "survey.error.language-present");
        }
        translations.addLanguage(surveyId, language);
    }

    /** Removes a further language and its translations (responses given in it keep their answers and language). */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public void removeLanguage(long surveyId, String code) {
        String language = further(editable(surveyId), code);
        translations.removeLanguage(surveyId, language);
    }

    /** Whether the survey may open (and respondents may choose this language) while texts are missing. */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public void setFallback(long surveyId, String code, boolean fallback) {
        String language = further(editable(surveyId), code);
        translations.setFallback(surveyId, language, fallback);
    }

    /** Every text of the current structure beside its translation into {@code code}, in respondent order. */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public List<TranslationSummary> texts(long surveyId, String code) {
        Survey survey = require(surveyId);
        String language = further(survey, code);
        Map<String, Stored> stored = translations.stored(surveyId, language);
        return SurveyTexts.of(structure(survey)).stream().map(t -> {
            Stored s = stored.get(t.key());
            return new TranslationSummary(t.key(), t.base(), s == null ? null : s.text(),
                    s != null && SurveyTexts.isCurrent(t.base(), s), t.max());
        }).toList();
    }

    /**
     * Saves the translation of one text (blank: removes it). Refused, with nothing changed: an unknown language or
     * text key, a text longer than its base field allows. Returns the language's progress after the change.
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public Progress saveText(long surveyId, String code, String key, String text) {
        Survey survey = editable(surveyId);
        String language = further(survey, code);
        SurveyStructure structure = structure(survey);
        SurveyTexts.Text base = SurveyTexts.of(structure).stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new SurveyDesignRejectedException("text", "survey.error.text-unknown"));
        if (text != null && text.length() > base.max() + 200) {  // far too long: refused before any work on it
            throw new SurveyDesignRejectedException("text", "survey.error.too-long");
        }
        String value = text == null || text.isBlank() ? null : text.strip();
        if (value != null && value.length() > base.max()) {
            throw new SurveyDesignRejectedException("text", "survey.error.too-long");
        }
        translations.put(surveyId, language, key, value, SurveyTexts.hash(base.base()));
        return SurveyTexts.progress(structure, translations.stored(surveyId, language));
    }

    // --- internals ----------------------------------------------------------------------------------

    private Survey require(long surveyId) {
        return surveys.findById(surveyId).orElseThrow(() -> new SurveyDesignRejectedException("survey", "survey.error.not-found"));
    }

    private Survey editable(long surveyId) {
        Survey survey = require(surveyId);
        if (!survey.getStatus().isEditable()) {
            throw new SurveyDesignRejectedException("status", "survey.error.archived");
        }
        return survey;
    }

    private SurveyStructure structure(Survey survey) {
        return survey.structureOf(versions.findBySurveyIdAndNumber(survey.getId(), survey.getCurrentVersion()).orElseThrow());
    }

    private static String known(String code) {
        String language = SurveyLanguages.normalise(code);
        if (language == null) {
            throw new SurveyDesignRejectedException("language", "survey.error.language-unknown");
        }
        return language;
    }

    private boolean isFurther(long surveyId, String language) {
        return translations.languages(surveyId).stream().anyMatch(l -> l.code().equals(language));
    }

    /** A further language of the survey, or the refusal a form shows. */
    private String further(Survey survey, String code) {
        String language = known(code);
        if (!isFurther(survey.getId(), language)) {
            throw new SurveyDesignRejectedException("language", "survey.error.language-not-added");
        }
        return language;
    }
}
