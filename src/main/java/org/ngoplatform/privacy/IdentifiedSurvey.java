package org.ngoplatform.privacy;

/** A closed identified survey whose responses are still linked to the people who gave them. */
public record IdentifiedSurvey(long surveyId, String title, String status, long linkedResponses) {
}
