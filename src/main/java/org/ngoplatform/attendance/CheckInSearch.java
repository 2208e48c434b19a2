package org.ngoplatform.attendance;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The check-in list's search, in one place: the typed text matches a participant whose name or organisation
 * contains it, ignoring case and accents ("lopez" finds "López", "strada" finds "La Strada"); blank text matches
 * everyone; text longer than {@link #MAX_LENGTH} (longer than any name or organisation) matches nobody. Pure.
 */
public final class CheckInSearch {

    /** Longest searched value: a registration's organisation name. */
    public static final int MAX_LENGTH = 200;

    private final String folded;

    private CheckInSearch(String folded) {
        this.folded = folded;
    }

    public static CheckInSearch of(String text) {
        if (text == null || text.isBlank()) {
            return new CheckInSearch("");
        }
        return new CheckInSearch(text.strip().length() > MAX_LENGTH ? null : fold(text.strip()));
    }

    public boolean matches(AttendeeSummary attendee) {
        if (folded == null) {
            return false;
        }
        return folded.isEmpty() || contains(attendee.name()) || contains(attendee.organisation());
    }

    private boolean contains(String value) {
        return value != null && fold(value).contains(folded);
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
