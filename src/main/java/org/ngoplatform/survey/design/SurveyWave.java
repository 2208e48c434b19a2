package org.ngoplatform.survey.design;

import org.ngoplatform.survey.SurveyStatus;

/**
 * One wave of a repeated survey as lists show it: the survey, its number in the series (1 for the first) and its
 * title and status. A survey that was never repeated is its series' only wave, number 1.
 */
public record SurveyWave(long surveyId, long seriesId, int number, String title, SurveyStatus status) {
}
