package org.ngoplatform.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.ngoplatform.base.OffsetPageable;
import org.ngoplatform.base.security.AuditActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
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

    /**
     * The events the filter matches that come after {@code last} in the newest-first order (older, or as old with a
     * smaller id), up to {@code upperId}: keyset paging, so every page costs the same and no row is skipped or
     * repeated when ids and times disagree. {@code last} null starts at the newest.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<AuditEvent> searchAfter(AuditFilter filter, long upperId, AuditEvent last, int limit) {
        AuditFilter f = filter == null ? AuditFilter.NONE : filter;
        Instant time = last == null ? f.toInstantExclusive() : last.getOccurredAt();
        long id = last == null ? Long.MAX_VALUE : last.getId();
        return events.searchOlder(f.action(), f.exactSubject(), f.subjectPattern(), f.fromInstant(), f.toInstantExclusive(),
                upperId, time, id, OffsetPageable.of(0, limit));
    }

    /** The id of the latest recorded event (0 when none): events recorded later have larger ids. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public long latestId() {
        return events.maxId();
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
