package org.ngoplatform.survey;

/** Anonymous responses store no identity at all; identified ones keep the account in a separate table. */
public enum SurveyAnonymity {
    ANONYMOUS, IDENTIFIED
}
