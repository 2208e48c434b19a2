package org.ngoplatform.workshop;

/**
 * How far choosing of one workshop slot has come: how many confirmed participants have {@code ranked} of the
 * {@code confirmed}, the deadline, and whether the allocation is published.
 */
public record ChoosingProgress(ChoosingSummary choosing, long ranked, long confirmed) {

    /** Share of confirmed participants who ranked, in percent (0 without confirmed participants), at most 100. */
    public int percent() {
        return confirmed <= 0 ? 0 : (int) Math.min(100, Math.round(100.0 * ranked / confirmed));
    }
}
