package org.ngoplatform.registration;

/** CONFIRMED holds a seat; WAITLISTED waits at a position; CANCELLED by the person or an organiser. */
public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED
}
