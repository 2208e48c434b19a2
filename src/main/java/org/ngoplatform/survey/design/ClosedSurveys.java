package org.ngoplatform.survey.design;

import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyStructure;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * What the published results page ({@code results.PublishedResultsService}) reads of a survey, for anyone holding
 * its link: only a closed or archived survey (a survey opened again shows nothing until it closes), its current
 * structure in one of the languages respondents could choose, and those languages. No role check here: the caller
 * has found the survey through a publication, and this hands out only the structure and texts respondents see.
 * Internal to the survey module (a sub-package's public type is no API for other modules).
 */
@Component
public class ClosedSurveys {

    /** The structure in {@code language} (the base language when it is none of {@code languages}), base language first. */
    public record Shown(SurveyStructure structure, String language, List<String> languages) {
    }

    private final SurveyRepository surveys;
    private final SurveyVersionRepository versions;
    private final SurveyTranslations translations;

    ClosedSurveys(SurveyRepository surveys, SurveyVersionRepository versions, SurveyTranslations translations) {
        this.surveys = surveys;
        this.versions = versions;
        this.translations = translations;
    }

    /** Whether results of this survey may be published now: it is closed or archived. */
    public static boolean publishable(SurveyStatus status) {
        return status == SurveyStatus.CLOSED || status == SurveyStatus.ARCHIVED;
    }

    public Optional<Shown> find(long surveyId, String language) {
        return surveys.findById(surveyId).filter(s -> publishable(s.getStatus())).map(s -> {
            SurveyStructure structure = s.structureOf(versions.findBySurveyIdAndNumber(surveyId, s.getCurrentVersion()).orElseThrow());
            List<String> offered = translations.offered(surveyId, s.getBaseLanguage(), structure);
            String shown = offered.contains(language) ? language : s.getBaseLanguage();
            return new Shown(translations.forAnalysts(structure, shown), shown, offered);
        });
    }
}
