package org.ngoplatform.attendance;

import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checking people in at the door. Organisers check in; an organiser may let the edition's workshop facilitators
 * check in too (delegation per edition), and then a facilitator of a group of that edition may, no one else.
 * Marking and unmarking are idempotent (the unique key per person and point decides between two phones), audited
 * when they change something, and announced live to every open list of the point after commit.
 */
@Service
public class AttendanceService {

    private final AttendanceMarks marks;
    private final EditionPoints editions;
    private final RegistrationService registrations;
    private final WorkshopService workshops;
    private final AccountService accounts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AttendanceService(AttendanceMarks marks, EditionPoints editions,
                      RegistrationService registrations, WorkshopService workshops, AccountService accounts,
                      AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.marks = marks;
        this.editions = editions;
        this.registrations = registrations;
        this.workshops = workshops;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the caller may check people in at the edition: an organiser, or a facilitator of it when delegated. */
    @PreAuthorize("hasAnyRole('ORGANISER', 'FACILITATOR')")
    @Transactional(readOnly = true)
    public boolean mayCheckIn(long editionId) {
        return CurrentAccount.hasRole(Role.ORGANISER)
                || (marks.isDelegated(editionId) && workshops.facilitatedByMe().stream().anyMatch(g -> g.editionId() == editionId));
    }

    /** The edition's check-in points in order: its programme's sessions, or its days (see {@link CheckInPoints}). */
    @PreAuthorize("hasAnyRole('ORGANISER', 'FACILITATOR')")
    @Transactional(readOnly = true)
    public List<CheckInPointSummary> points(long editionId) {
        requireCheckIn(editionId);
        return editions.of(editionId);
    }

    /** Everyone with a confirmed seat, by name, and whether, when and by whom they were marked present at the point. */
    @PreAuthorize("hasAnyRole('ORGANISER', 'FACILITATOR')")
    @Transactional(readOnly = true)
    public List<AttendeeSummary> checkInList(long editionId, CheckInPoint point) {
        requireCheckIn(editionId);
        requirePoint(editionId, point);
        Map<Long, AttendanceMarks.Mark> at = marks.at(editionId, point).stream()
                .collect(Collectors.toMap(AttendanceMarks.Mark::accountId, Function.identity()));
        Map<Long, String> markers = accounts.displayNames(at.values().stream().map(AttendanceMarks.Mark::markedBy)
                .filter(Objects::nonNull).distinct().toList());
        return registrations.confirmedParticipants(editionId).stream().map(p -> {
            AttendanceMarks.Mark m = at.get(p.accountId());
            return new AttendeeSummary(p.accountId(), p.name(), p.organisation(), p.countryCode(), m != null,
                    m == null ? null : m.markedAt(), m == null || m.markedBy() == null ? null : markers.get(m.markedBy()));
        }).toList();
    }

    /**
     * Marks a confirmed participant present at the point. Idempotent: true when this call marked them, false when
     * they already were (by anyone). Refused for a point the edition does not have or someone without a confirmed seat.
     */
    @PreAuthorize("hasAnyRole('ORGANISER', 'FACILITATOR')")
    @Transactional
    public boolean mark(long editionId, CheckInPoint point, long accountId) {
        requireCheckIn(editionId);
        requirePoint(editionId, point);
        if (!registrations.isConfirmed(editionId, accountId)) {
            throw new AttendanceRejectedException("participant", "attendance.rejected.not-confirmed");
        }
        boolean changed = marks.insert(editionId, point, accountId, CurrentAccount.requireId(), clock.instant());
        if (changed) {
            audit.record("ATTENDANCE_MARKED", "account:" + accountId, details(editionId, point));
            events.publishEvent(new AttendanceChanged(editionId, point.key()));
        }
        return changed;
    }

    /** Takes a mark back (a wrong tap). Idempotent: true when this call removed it, false when there was none. */
    @PreAuthorize("hasAnyRole('ORGANISER', 'FACILITATOR')")
    @Transactional
    public boolean unmark(long editionId, CheckInPoint point, long accountId) {
        requireCheckIn(editionId);
        requirePoint(editionId, point);
        boolean changed = marks.delete(editionId, point, accountId);
        if (changed) {
            audit.record("ATTENDANCE_UNMARKED", "account:" + accountId, details(editionId, point));
            events.publishEvent(new AttendanceChanged(editionId, point.key()));
        }
        return changed;
    }

    /** Whether the edition's facilitators may check people in. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public boolean facilitatorsMayCheckIn(long editionId) {
        return marks.isDelegated(editionId);
    }

    /** Lets the edition's workshop facilitators check people in, or stops them; audited when it changes. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public void letFacilitatorsCheckIn(long editionId, boolean allowed) {
        editions.require(editionId);
        boolean changed = allowed ? marks.delegate(editionId, CurrentAccount.requireId(), clock.instant())
                : marks.withdraw(editionId);
        if (changed) {
            audit.record(allowed ? "CHECK_IN_DELEGATED" : "CHECK_IN_DELEGATION_WITHDRAWN", "edition:" + editionId, "facilitators");
        }
    }

    private void requirePoint(long editionId, CheckInPoint point) {
        if (point == null || editions.of(editionId).stream().noneMatch(p -> p.point().equals(point))) {
            throw new AttendanceRejectedException("point", "attendance.rejected.no-point");
        }
    }

    private void requireCheckIn(long editionId) {
        if (!mayCheckIn(editionId)) {
            throw new AccessDeniedException("Check-in at edition " + editionId + " is not delegated to this facilitator");
        }
    }

    private static String details(long editionId, CheckInPoint point) {
        return "edition:" + editionId + ", point:" + point.key();
    }

    /** The point's summary, for a view that was given a key. */
    @PreAuthorize("hasAnyRole('ORGANISER', 'FACILITATOR')")
    @Transactional(readOnly = true)
    public Optional<CheckInPointSummary> point(long editionId, String key) {
        requireCheckIn(editionId);
        return CheckInPoint.parse(key).flatMap(p -> editions.of(editionId).stream().filter(s -> s.point().equals(p)).findFirst());
    }
}
