package org.ngoplatform.registration;

/** A label (status, country code, organisation) and how many registrations carry it. */
public record CountEntry(String key, long count) {
}
