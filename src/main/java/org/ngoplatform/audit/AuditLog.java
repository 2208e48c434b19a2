package org.ngoplatform.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.ngoplatform.base.OffsetPageable;
import org.ngoplatform.base.security.AuditActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/** Append-only record of exports, role changes, purges and other acts on personal data. */
@Service
public class AuditLog {

    private final AuditEventRepository events;
    private final Clock clock;

    AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Joins the caller's transaction: the record exists exactly when the act it describes does. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String subject, String details) {
        events.save(new AuditEvent(clock.instant(), AuditActor.current(), action, subject, details));
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<AuditEvent> recent(String action, int offset, int limit) {
        if (action != null && action.length() > AuditEvent.ACTION_MAX) {
            return List.of(); // no recorded action is that long
        }
        return events.findRecent(action, OffsetPageable.of(offset, limit));
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public long count(String action) {
        if (action != null && action.length() > AuditEvent.ACTION_MAX) {
            return 0;
        }
        return events.countByActionOrAll(action);
    }

    /** A page of the events the filter matches, newest first. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<AuditEvent> search(AuditFilter filter, int offset, int limit) {
        AuditFilter f = filter == null ? AuditFilter.NONE : filter;
        return events.search(f.action(), f.exactSubject(), f.subjectPattern(), f.fromInstant(), f.toInstantExclusive(),
                OffsetPageable.of(offset, limit));
    }

    /** How many events the filter matches. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public long countMatching(AuditFilter filter) {
        AuditFilter f = filter == null ? AuditFilter.NONE : filter;
        return events.countMatching(f.action(), f.exactSubject(), f.subjectPattern(), f.fromInstant(), f.toInstantExclusive());
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<AuditEvent> forSubject(String subject) {
        return events.findBySubjectOrderByIdAsc(subject);
    }
}
