package org.ngoplatform.audit;

import org.ngoplatform.export.ExportEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every export (started, finished, failed, cancelled, downloaded, abandoned by an earlier run) that export
 * publishes.
 *
 * <p>A plain {@link EventListener}, not an after-commit one: it runs in the publishing thread, inside its
 * transaction if there is one ({@link AuditLog#record} joins it), so the row exists exactly when the act does, is
 * rolled back with it, and an export running in the background (no transaction) is still recorded at once. An
 * after-commit listener would silently drop events published outside a transaction and would let an act commit
 * without its audit row.
 */
@Component
class ExportAuditing {

    private final AuditLog auditLog;

    ExportAuditing(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void on(ExportEvent event) {
        auditLog.record(event.action(), event.subject(), event.details());
    }
}
