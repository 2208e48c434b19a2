package org.ngoplatform.registration;

/** A label (status, country code, organisation) and how many registrations carry it. */
public record RegistrationCount(String key, long count) {
}
