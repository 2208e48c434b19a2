package org.ngoplatform.registration;

/** What other confirmed participants see of someone who opted in: name and organisation only. */
public record ParticipantSummary(String name, String organisation) {
}
