package org.ngoplatform.survey;

/** Who may answer: anyone with the link, or only signed-in participants. */
public enum SurveyAudience {
    PUBLIC_LINK, SIGNED_IN
}
