package org.ngoplatform.registration;

/**
 * Published inside the cancelling transaction whenever a registration is cancelled, by the participant or
 * by an organiser. Other features (workshop groups) release what the person held.
 */
public record RegistrationCancelled(long registrationId, long editionId, long accountId) {
}
