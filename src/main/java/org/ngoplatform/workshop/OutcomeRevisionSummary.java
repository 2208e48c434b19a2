package org.ngoplatform.workshop;

import java.time.Instant;

/** One revision for the organisers' history dialog. */
public record OutcomeRevisionSummary(long id, long entryId, String kind, String authorName, Instant changedAt,
                                     EntryType typeBefore, String textBefore, EntryType typeAfter, String textAfter) {

    static OutcomeRevisionSummary of(OutcomeRevision r) {
        return new OutcomeRevisionSummary(r.getId(), r.getEntryId(), r.getKind().name(), r.getAuthorName(), r.getChangedAt(),
                r.getTypeBefore(), r.getTextBefore(), r.getTypeAfter(), r.getTextAfter());
    }
}
