package org.ngoplatform.registration;

import java.time.Instant;
import java.time.LocalDate;

/** A registration as organisers see it in the grid and the export (needs are special-category data). */
public record RegistrationSummary(long id, RegistrationStatus status, Integer waitlistPosition, String name, String email,
                             String organisation, String countryCode, String jobTitle, LocalDate arrivalOn,
                             LocalDate departureOn, boolean visaLetter, String dietaryNeeds, String accessibilityNeeds,
                             boolean listOptIn, Instant createdAt) {
}
