package org.ngoplatform.privacy;

import java.util.List;

/**
 * What "anonymise after fieldwork" needs from the survey feature, which implements it through its own entities
 * (state and anonymity enums, optimistic versions). {@link FieldworkService} checks the role, calls it in its
 * transaction and records the audit.
 */
public interface FieldworkSurveys {

    /** Closed or archived identified surveys, newest first, with how many responses are still linked to people. */
    List<IdentifiedSurvey> closedIdentified();

    /**
     * Deletes every link between the survey's responses and people (and signed-in drafts) and makes the survey
     * anonymous for good; returns how many responses were unlinked. Throws {@link PrivacyRejectedException}
     * ({@code privacy.fieldwork.no-survey}, {@code .not-identified}, {@code .not-closed}) when it may not.
     */
    int anonymise(long surveyId);
}
