package org.ngoplatform.registration;

/**
 * A participant holding a confirmed seat, as a check-in list and a sign-in sheet show them: the account, the name,
 * organisation and country the registration keeps (blank name once the person's details were erased).
 */
public record ConfirmedParticipantSummary(long accountId, String name, String organisation, String countryCode) {
}
