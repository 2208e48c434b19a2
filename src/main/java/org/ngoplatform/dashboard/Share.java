package org.ngoplatform.dashboard;

/** A label (country code, organisation name) and its active registrations; {@code other} sums the rest. */
public record Share(String label, long count, boolean other) {
}
