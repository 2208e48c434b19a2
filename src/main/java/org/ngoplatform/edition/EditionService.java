package org.ngoplatform.edition;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** Reading editions; organisers' editing arrives with the registration feature. */
@Service
public class EditionService {

    private static final EnumSet<EditionStatus> PUBLIC = EnumSet.of(EditionStatus.OPEN, EditionStatus.CLOSED, EditionStatus.ARCHIVED);

    private final EditionRepository editions;
    private final Clock clock;

    EditionService(EditionRepository editions, Clock clock) {
        this.editions = editions;
        this.clock = clock;
    }

    /** Open and upcoming editions, soonest first. Public. */
    @Transactional(readOnly = true)
    public List<EditionSummary> upcoming() {
        LocalDate today = LocalDate.now(clock);
        return editions.findByStatusInOrderByYearDescIdDesc(EnumSet.of(EditionStatus.OPEN, EditionStatus.CLOSED)).stream()
                .map(EditionSummary::of)
                .filter(e -> !e.isPast(today))
                .sorted(Comparator.comparing(EditionSummary::startsOn, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** Editions that took place, newest first. Public. */
    @Transactional(readOnly = true)
    public List<EditionSummary> past() {
        LocalDate today = LocalDate.now(clock);
        return editions.findByStatusInOrderByYearDescIdDesc(PUBLIC).stream()
                .map(EditionSummary::of)
                .filter(e -> e.isPast(today))
                .toList();
    }

    /** One edition; drafts only for organisers. */
    @Transactional(readOnly = true)
    public Optional<EditionSummary> find(long id) {
        return editions.findById(id).map(EditionSummary::of)
                .filter(e -> e.status() != EditionStatus.DRAFT || isOrganiser());
    }

    /** Throws unless the edition exists and the caller may see it. */
    @Transactional(readOnly = true)
    public EditionSummary require(long id) {
        return find(id).orElseThrow(() -> new AccessDeniedException("No such edition"));
    }

    static boolean isOrganiser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ORGANISER".equals(a.getAuthority()));
    }
}
