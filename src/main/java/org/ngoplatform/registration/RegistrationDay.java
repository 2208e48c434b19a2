package org.ngoplatform.registration;

import java.time.LocalDate;

/** How many registrations arrived on one day (in the edition's zone). */
public record RegistrationDay(LocalDate day, long count) {
}
