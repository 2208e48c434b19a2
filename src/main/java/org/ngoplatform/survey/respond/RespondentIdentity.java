package org.ngoplatform.survey.respond;

/** Who submitted a response to an identified survey. */
public record RespondentIdentity(long responseId, long accountId) {
}
