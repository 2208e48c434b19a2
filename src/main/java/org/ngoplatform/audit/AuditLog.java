package org.ngoplatform.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.ngoplatform.base.OffsetPageable;
import org.ngoplatform.base.security.AuditActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Append-only record of exports, role changes, purges and other acts on personal data. */
@Service
public class AuditLog {

    /** Longer than any name or email a person can have: such a search finds nobody. */
    static final int PEOPLE_SEARCH_MAX = 254;

    private final AuditEventRepository events;
    private final Clock clock;
    private final List<AuditPeople> people;

    AuditLog(AuditEventRepository events, Clock clock, List<AuditPeople> people) {
        this.events = events;
        this.clock = clock;
        this.people = people;
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
        return events.search(f.action(), f.exactSubject(), f.subjectPattern(), f.actor(), f.fromInstant(), f.toInstantExclusive(),
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
        return events.searchOlder(f.action(), f.exactSubject(), f.subjectPattern(), f.actor(), f.fromInstant(), f.toInstantExclusive(),
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
        return events.countMatching(f.action(), f.exactSubject(), f.subjectPattern(), f.actor(), f.fromInstant(), f.toInstantExclusive());
    }

    /**
     * The people who appear in the log as actors and whose name or email contains {@code text} (all when blank),
     * by name, a page of them: for the person filter. The log hands its own actors' ids to whoever names them
     * ({@link AuditPeople}); it never reads their tables.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<AuditActorRef> actors(String text, int offset, int limit) {
        if (text != null && text.strip().length() > PEOPLE_SEARCH_MAX) {
            return List.of();
        }
        List<AuditActorRef> found = new ArrayList<>();
        for (AuditPeople finder : people) {
            String prefix = finder.kind() + ":";
            List<Long> ids = new ArrayList<>();
            for (String actor : events.findActorsLike(prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")) {
                String id = actor.substring(prefix.length());
                if (!id.isEmpty() && id.length() < 19 && id.chars().allMatch(Character::isDigit)) {
                    ids.add(Long.valueOf(id));
                }
            }
            if (!ids.isEmpty()) {
                found.addAll(finder.find(ids, text == null ? null : text.strip(), offset, limit));
            }
        }
        return found;
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<AuditEvent> forSubject(String subject) {
        return events.findBySubjectOrderByIdAsc(subject);
    }
}
