package org.ngoplatform.registration;

import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.OffsetPageable;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;

/**
 * Organisers' side of registrations: the list of an edition with filters, counts, and cancelling or promoting
 * someone with a reason that goes to the audit log. Seat changes take the edition's row lock first, as in
 * {@link RegistrationService}.
 */
@Service
public class RegistrationAdminService {

    private final RegistrationRepository registrations;
    private final EditionService editions;
    private final SeatAllocator seats;
    private final RegistrationCancellation cancellation;
    private final AuditLog audit;
    private final Clock clock;

    RegistrationAdminService(RegistrationRepository registrations, EditionService editions, SeatAllocator seats,
                             RegistrationCancellation cancellation, AuditLog audit, Clock clock) {
        this.registrations = registrations;
        this.editions = editions;
        this.seats = seats;
        this.cancellation = cancellation;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<RegistrationSummary> page(long editionId, RegistrationFilter filter, int offset, int limit) {
        if (filter.matchesNothing()) {
            return List.of();
        }
        return registrations.rows(editionId, filter.status(), filter.like(), OffsetPageable.of(offset, limit));
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public long count(long editionId, RegistrationFilter filter) {
        if (filter.matchesNothing()) {
            return 0;
        }
        return registrations.countRows(editionId, filter.status(), filter.like());
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<RegistrationCount> countsByStatus(long editionId) {
        return registrations.countByStatus(editionId);
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<RegistrationCount> countsByCountry(long editionId) {
        return registrations.countByCountry(editionId);
    }

    /** The {@code top} organisations with most registrations (cancelled ones left out), most first. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<RegistrationCount> countsByOrganisation(long editionId, int top) {
        return registrations.countByOrganisation(editionId, OffsetPageable.of(0, Math.max(1, top)));
    }

    /**
     * Registrations received per day in the edition's zone (every status: a cancellation does not undo the
     * arrival), oldest day first; days without any are left out. The database counts per quarter hour of UTC,
     * which folds exactly into days of any zone.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<RegistrationDay> receivedPerDay(long editionId) {
        ZoneId zone = editions.find(editionId).map(e -> ZoneId.of(e.timeZone())).orElse(ZoneOffset.UTC);
        Map<LocalDate, Long> days = new TreeMap<>();
        for (Object[] row : registrations.receivedPerQuarterHour(editionId)) {
            LocalDateTime utc = ((LocalDate) row[0]).atTime(((Number) row[1]).intValue(), ((Number) row[2]).intValue() * 15);
            days.merge(utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate(), ((Number) row[3]).longValue(), Long::sum);
        }
        return days.entrySet().stream().map(e -> new RegistrationDay(e.getKey(), e.getValue())).toList();
    }

    /** Active registrations (confirmed or waiting) that ask for a visa invitation letter. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public long visaLettersRequested(long editionId) {
        return registrations.countVisaLetters(editionId);
    }

    /** Cancels someone's registration with a reason, which goes to the audit log. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void cancelByOrganiser(long registrationId, String reason) {
        String why = reason(reason);
        long editionId = registrations.editionOf(registrationId).orElseThrow(() -> new AccessDeniedException("No such registration"));
        cancellation.cancelLocked(registrationId, editionId, why);
        audit.record("REGISTRATION_CANCELLED", "registration:" + registrationId, why);
    }

    /**
     * Seats a waiting person out of turn. When no seat is free the capacity grows by one, so the edition is
     * never overbooked; the reason goes to the audit log.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void promoteByOrganiser(long registrationId, String reason) {
        String why = reason(reason);
        long editionId = registrations.editionOf(registrationId).orElseThrow(() -> new AccessDeniedException("No such registration"));
        // Lock first, then read: nothing about this edition's seats is loaded before the lock is held.
        EditionSummary edition = editions.lockForSeatChange(editionId);
        Registration r = registrations.findById(registrationId).orElseThrow();
        if (r.getStatus() != RegistrationStatus.WAITLISTED) {
            throw new RegistrationRejectedException("status", "registration.not-waiting");
        }
        // an open offer of this person gives way to the seat itself; any other open offer keeps holding its seat
        seats.closeOpenOffer(r.getId(), OfferStatus.WITHDRAWN);
        long confirmed = seats.held(edition.id());
        if (edition.capacity() == null || confirmed >= edition.capacity()) {
            editions.changeCapacityLocked(edition.id(), (int) confirmed + 1, confirmed);
            edition = editions.lockForSeatChange(edition.id());
        }
        r.confirm(clock.instant());
        registrations.flush();
        seats.renumber(edition.id());
        seats.notify(r, edition, "promoted");
        audit.record("REGISTRATION_PROMOTED", "registration:" + registrationId, why);
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RegistrationRejectedException("reason", "validation.required");
        }
        if (reason.strip().length() > Registration.REASON_MAX) {
            throw new RegistrationRejectedException("reason", "validation.too-long");
        }
        return reason.strip();
    }
}
