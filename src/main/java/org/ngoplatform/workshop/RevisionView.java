package org.ngoplatform.workshop;

import java.time.Instant;

/** One revision for the organisers' history dialog. */
public record RevisionView(long id, long entryId, String kind, String authorName, Instant changedAt,
                           EntryType typeBefore, String textBefore, EntryType typeAfter, String textAfter) {

    static RevisionView of(OutcomeRevision r) {
        return new RevisionView(r.getId(), r.getEntryId(), r.getKind().name(), r.getAuthorName(), r.getChangedAt(),
                r.getTypeBefore(), r.getTextBefore(), r.getTypeAfter(), r.getTextAfter());
    }
}
