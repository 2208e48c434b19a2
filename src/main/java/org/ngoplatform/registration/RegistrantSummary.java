package org.ngoplatform.registration;

/**
 * One registration of an edition as a feature that writes to registrants (messaging) filters them: status, waiting
 * position, name and address the registration keeps, country and organisation it counts the person for, and whether
 * they asked for a visa letter on the form. Never shown beyond organisers.
 */
public record RegistrantSummary(long accountId, RegistrationStatus status, Integer waitlistPosition, String name,
                                String email, String countryCode, String organisation, boolean visaLetter) {
}
