package org.ngoplatform.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Names the audit log's subjects of one kind ({@code account} in {@code account:4}) for organisers reading the log
 * and its workbook. The audit log knows no feature: each feature that records such subjects implements this (model:
 * {@code privacy.EditionEnds}); {@link AuditSubjectNames} asks once per kind for a whole page (never once per row).
 * The kind's own name ("Survey") is {@code audit.kind.<kind>} in messages-audit*, for subjects that no longer exist.
 */
public interface AuditSubjects {

    /** The kind named, the part before the colon in a subject ({@code account}). */
    String kind();

    /**
     * Name and page of those of {@code ids} that still exist, by id (erased or deleted ones are left out), in one
     * query. Names are the feature's own data (titles, names), the same in every language.
     */
    Map<Long, AuditSubjectRef> names(Collection<Long> ids);
}
