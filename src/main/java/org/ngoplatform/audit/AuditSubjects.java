package org.ngoplatform.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Names the audit log's subjects of one kind ({@code account} in {@code account:4}) for organisers reading the log.
 * The audit log knows no feature: a feature that records such subjects implements this (model:
 * {@code privacy.EditionEnds}); a kind nobody names is shown as recorded.
 */
public interface AuditSubjects {

    /** The kind named, the part before the colon in a subject ({@code account}). */
    String kind();

    /** The names of those of {@code ids} that still exist, by id (erased or deleted ones are left out). */
    Map<Long, String> names(Collection<Long> ids);

    /** The route that shows the subject, or null if there is none. */
    String link(long id);
}
