package org.ngoplatform.audit;

import java.util.Collection;
import java.util.List;

/**
 * Finds the people among the audit log's actors by name or email, for the log's person filter. The audit log knows
 * no feature and never reads another module's tables: the module that owns the people ({@code account}) implements
 * this; the audit log hands it the ids its own table holds.
 */
public interface AuditPeople {

    /** The kind of actor, the part before the colon of a recorded actor ({@code account} in {@code account:42}). */
    String kind();

    /**
     * Those of {@code ids} whose name or email, or their label, contains {@code text} (any case; all when blank),
     * ordered by name, from {@code offset}, at most {@code limit}.
     */
    List<AuditActorRef> find(Collection<Long> ids, String text, int offset, int limit);
}
