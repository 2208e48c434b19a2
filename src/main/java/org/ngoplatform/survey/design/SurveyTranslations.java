package org.ngoplatform.survey.design;

import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyTexts;
import org.ngoplatform.survey.SurveyTexts.Stored;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The further languages of surveys and their translations ({@code survey_language}, {@code survey_translation}), in
 * plain SQL. For the survey module's services only (the translation service writes, the respondent service, results
 * and the workbook read); the rules live in {@link SurveyTexts}.
 */
@Component
public class SurveyTranslations {

    /** A further language of a survey; {@code fallback}: open with it although texts are missing (shown in the base language). */
    public record Language(String code, boolean fallback) {
    }

    private final JdbcClient jdbc;

    SurveyTranslations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The survey's further languages (not the base language), by code. */
    public List<Language> languages(long surveyId) {
        return jdbc.sql("SELECT language, fallback FROM survey_language WHERE survey_id = ? ORDER BY language")
                .param(surveyId).query((rs, n) -> new Language(rs.getString(1), rs.getBoolean(2))).list();
    }

    public Map<String, Stored> stored(long surveyId, String language) {
        Map<String, Stored> found = new HashMap<>();
        jdbc.sql("SELECT text_key, text_value, source_hash FROM survey_translation WHERE survey_id = ? AND language = ?")
                .params(surveyId, language)
                .query(rs -> {
                    found.put(rs.getString(1), new Stored(rs.getString(2), rs.getString(3)));
                });
        return found;
    }

    /**
     * The languages a respondent may choose, base language first: the base and every further language that is
     * complete for this structure or marked to fall back ({@link SurveyTexts#offerable}).
     */
    public List<String> offered(long surveyId, String baseLanguage, SurveyStructure structure) {
        List<String> offered = new ArrayList<>(List.of(baseLanguage));
        for (Language l : languages(surveyId)) {
            if (SurveyTexts.offerable(l.fallback(), SurveyTexts.progress(structure, stored(surveyId, l.code())))) {
                offered.add(l.code());
            }
        }
        return offered;
    }

    /** The structure in {@code language}: unchanged for the base language (or null), else translated. */
    public SurveyTexts.Translated in(SurveyStructure structure, String baseLanguage, String language) {
        if (language == null || language.equals(baseLanguage)) {
            return new SurveyTexts.Translated(structure, java.util.Set.of());
        }
        return SurveyTexts.translate(structure, stored(structure.surveyId(), language));
    }

    /**
     * The structure in a further language of its survey, for analysts (results, workbook): every current
     * translation applied, other texts in the base language. Unchanged for the base language, null or a code that
     * is no further language of the survey.
     */
    public SurveyStructure forAnalysts(SurveyStructure structure, String language) {
        if (language == null || languages(structure.surveyId()).stream().noneMatch(l -> l.code().equals(language))) {
            return structure;
        }
        return SurveyTexts.translate(structure, stored(structure.surveyId(), language)).structure();
    }

    /** Every further language's stored translations, by language code. */
    public Map<String, Map<String, Stored>> all(long surveyId) {
        Map<String, Map<String, Stored>> all = new LinkedHashMap<>();
        for (Language l : languages(surveyId)) {
            all.put(l.code(), stored(surveyId, l.code()));
        }
        return all;
    }

    // --- writes (SurveyTranslationService, SurveyBuilderService) --------------------------------------

    void addLanguage(long surveyId, String language) {
        jdbc.sql("INSERT INTO survey_language (survey_id, language, fallback) VALUES (?, ?, ?)")
                .params(surveyId, language, false).update();
    }

    void removeLanguage(long surveyId, String language) {
        jdbc.sql("DELETE FROM survey_translation WHERE survey_id = ? AND language = ?").params(surveyId, language).update();
        jdbc.sql("DELETE FROM survey_language WHERE survey_id = ? AND language = ?").params(surveyId, language).update();
    }

    void setFallback(long surveyId, String language, boolean fallback) {
        jdbc.sql("UPDATE survey_language SET fallback = ? WHERE survey_id = ? AND language = ?")
                .params(fallback, surveyId, language).update();
    }

    /** Writes one translation (replacing any earlier one); {@code text} null deletes it. */
    void put(long surveyId, String language, String key, String text, String sourceHash) {
        jdbc.sql("DELETE FROM survey_translation WHERE survey_id = ? AND language = ? AND text_key = ?")
                .params(surveyId, language, key).update();
        if (text != null) {
            jdbc.sql("INSERT INTO survey_translation (survey_id, language, text_key, text_value, source_hash) VALUES (?, ?, ?, ?, ?)")
                    .params(surveyId, language, key, text, sourceHash).update();
        }
    }

    /** A duplicated survey gets the source's languages and translations. */
    void copy(long fromSurveyId, long toSurveyId) {
        jdbc.sql("INSERT INTO survey_language (survey_id, language, fallback) SELECT ?, language, fallback FROM survey_language WHERE survey_id = ?")
                .params(toSurveyId, fromSurveyId).update();
        jdbc.sql("INSERT INTO survey_translation (survey_id, language, text_key, text_value, source_hash)"
                        + " SELECT ?, language, text_key, text_value, source_hash FROM survey_translation WHERE survey_id = ?")
                .params(toSurveyId, fromSurveyId).update();
    }
}
