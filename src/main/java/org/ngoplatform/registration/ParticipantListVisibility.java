package org.ngoplatform.registration;

import org.ngoplatform.edition.EditionSummary;

/**
 * Who may see an edition's participant list (names and organisations of confirmed participants who opted in):
 * only when the edition shows the list, and then to organisers and to confirmed participants of that edition.
 * The service enforces it; the edition page asks it before showing the list.
 */
public final class ParticipantListVisibility {

    private ParticipantListVisibility() {
    }

    /**
     * @param organiser whether the caller is an organiser
     * @param confirmed whether the caller holds a confirmed seat at the edition
     */
    public static boolean maySee(EditionSummary edition, boolean organiser, boolean confirmed) {
        return edition.participantListVisible() && (organiser || confirmed);
    }
}
