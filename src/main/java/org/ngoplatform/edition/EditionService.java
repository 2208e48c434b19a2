package org.ngoplatform.edition;

import jakarta.validation.Validator;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.OffsetPageable;
import org.ngoplatform.base.Validation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reading editions (public) and managing them (organisers). */
@Service
public class EditionService {

    private static final EnumSet<EditionStatus> PUBLIC = EnumSet.of(EditionStatus.OPEN, EditionStatus.CLOSED, EditionStatus.ARCHIVED);
    private static final String PUBLIC_IN = String.join(", ", PUBLIC.stream().map(s -> "'" + s.name() + "'").toList());

    private final EditionRepository editions;
    private final Clock clock;
    private final Validator validator;
    private final AuditLog audit;
    private final ObjectProvider<EditionSeatPolicy> seatPolicy;
    private final JdbcClient jdbc;
    private final PublicEditionsCache publicCache;

    EditionService(EditionRepository editions, Clock clock, Validator validator, AuditLog audit,
                   ObjectProvider<EditionSeatPolicy> seatPolicy, JdbcClient jdbc,
                   @Value("${ngo.editions.public-cache:PT5S}") Duration publicCacheFor) {
        this.editions = editions;
        this.jdbc = jdbc;
        this.publicCache = new PublicEditionsCache(publicCacheFor);
        this.clock = clock;
        this.validator = validator;
        this.audit = audit;
        this.seatPolicy = seatPolicy;
    }

    /** Open and upcoming editions, soonest first, read fresh from the database. Public. */
    @Transactional(readOnly = true)
    public List<EditionSummary> upcoming() {
        return split(readPublic()).upcoming();
    }

    /** Editions that took place, newest first, read fresh from the database. Public. */
    @Transactional(readOnly = true)
    public List<EditionSummary> past() {
        return split(readPublic()).past();
    }

    /**
     * The public editions as the home page shows them to every visitor, signed in or not: one plain-SQL read (the two
     * Hibernate queries it replaced were 14.5 % of an anonymous visit's CPU), kept in memory for
     * {@code ngo.editions.public-cache} (5 s) so that a flood of anonymous visits does not read the same rows for each
     * visit (docs/performance.md, "Anonymous visits: the next step"). Every change an organiser makes through this
     * service empties it after its commit, so this instance shows the change on the next visit; a change on another
     * instance of a cluster, or straight in the database, shows within those 5 s. Upcoming and past are split on each
     * call by today's date. Without a transaction of its own ({@code SUPPORTS}): a hit reads no connection, a miss is
     * one SELECT. {@link #upcoming()} and {@link #past()}, which other services use, always read fresh.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public PublicEditions publicEditions() {
        return split(publicCache.get(this::readPublic));
    }

    /** Every public edition, newest first. */
    private List<EditionSummary> readPublic() {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM edition WHERE status IN (" + PUBLIC_IN + ") "
                        + "ORDER BY edition_year DESC, id DESC")
                .query((rs, row) -> summary(rs))
                .list();
    }

    private PublicEditions split(List<EditionSummary> all) {
        LocalDate today = LocalDate.now(clock);
        List<EditionSummary> upcoming = all.stream()
                .filter(e -> e.status() != EditionStatus.ARCHIVED && !e.isPast(today))
                .sorted(Comparator.comparing(EditionSummary::startsOn, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<EditionSummary> past = all.stream().filter(e -> e.isPast(today)).toList();
        return new PublicEditions(upcoming, past);
    }

    /** One edition; drafts only for organisers. */
    @Transactional(readOnly = true)
    public Optional<EditionSummary> find(long id) {
        return editions.findById(id).map(EditionSummary::of)
                .filter(e -> e.status() != EditionStatus.DRAFT || isOrganiser());
    }

    /**
     * {@link #find} in plain SQL, for a transaction that has not changed the edition (a new registration reads it
     * before it takes the edition's lock, {@link #lockForNewSeat}): the same columns as that lock's statement, without
     * Hibernate building an entity (10 % of a registration's CPU samples, docs/performance.md "Registration").
     */
    @Transactional(readOnly = true)
    public Optional<EditionSummary> findForNewSeat(long id) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM edition WHERE id = ?")
                .param(id)
                .query((rs, row) -> summary(rs))
                .optional()
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

    /**
     * Locks the edition row (SELECT ... FOR UPDATE) for the rest of the caller's transaction, so that seat
     * counts read afterwards cannot change underneath: every registration, cancellation, promotion and
     * capacity change of one edition takes this lock first. Must be called inside a transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize("isAuthenticated()")
    public EditionSummary lockForSeatChange(long editionId) {
        return editions.findForUpdate(editionId).map(EditionSummary::of)
                .orElseThrow(() -> new AccessDeniedException("No such edition"));
    }

    /**
     * {@link #lockForSeatChange} for a transaction that has not loaded or changed the edition before (a new
     * registration), read in plain SQL: the same {@code SELECT ... FOR UPDATE}, without Hibernate building and
     * checking an entity while every other registration of the edition waits for this lock (13 % of a
     * registration's CPU time, docs/performance.md "Registration"). A caller that changed the edition in its
     * transaction must use {@link #lockForSeatChange}, which sees the change.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize("isAuthenticated()")
    public EditionSummary lockForNewSeat(long editionId) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM edition WHERE id = ? FOR UPDATE")
                .param(editionId)
                .query((rs, row) -> summary(rs))
                .optional()
                .orElseThrow(() -> new AccessDeniedException("No such edition"));
    }

    private static final String SUMMARY_COLUMNS = "id, city, country_code, edition_year, venue, starts_on, ends_on, time_zone, "
            + "description, capacity, registration_opens_at, registration_closes_at, status, participant_list_visible, version";

    /**
     * One edition of a plain-SQL read with {@link #SUMMARY_COLUMNS}, as {@link EditionSummary#of} makes it of the entity.
     * Columns by position, in the order of {@link #SUMMARY_COLUMNS}: by label the driver searched the columns for each of
     * the 15 (its {@code findColumn}), under the edition's lock for a registration (docs/performance.md, "Issue 15 §2,
     * fifth step").
     */
    private static EditionSummary summary(ResultSet rs) throws SQLException {
        return new EditionSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getInt(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9),
                rs.getObject(10, Integer.class), utc(rs, 11),
                utc(rs, 12), EditionStatus.valueOf(rs.getString(13)),
                rs.getBoolean(14), rs.getLong(15));
    }

    /** DATETIME(6) columns hold UTC wall-clock time, as Hibernate writes them. */
    private static Instant utc(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<EditionSummary> page(EditionStatus status, Integer year, int offset, int limit, Sort sort) {
        Sort effective = sort == null || sort.isUnsorted() ? Sort.by(Sort.Order.desc("year"), Sort.Order.desc("id")) : sort.and(Sort.by("id"));
        return editions.search(status, year, OffsetPageable.of(offset, limit, effective)).stream().map(EditionSummary::of).toList();
    }

    /** Confirmed seats and waiting-list length of a page of editions, in one query (see {@link EditionSeatPolicy}). */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public java.util.Map<Long, EditionSeatPolicy.SeatCounts> seatCounts(java.util.Collection<Long> editionIds) {
        EditionSeatPolicy policy = seatPolicy.getIfAvailable();
        return policy == null || editionIds.isEmpty() ? java.util.Map.of() : policy.seatCounts(editionIds);
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public long count(EditionStatus status, Integer year) {
        return editions.countSearch(status, year);
    }

    /** Creates a draft edition. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public EditionSummary create(EditionForm form) {
        ZoneId zone = check(form);
        Edition e = new Edition(form.getCity(), form.getCountryCode(), form.getStartsOn().getYear(), zone.getId(), clock.instant());
        apply(e, form, zone);
        e = editions.saveAndFlush(e);
        publicCache.evictAfterCommit();
        audit.record("EDITION_CREATED", "edition:" + e.getId(), e.getCity() + " " + e.getYear());
        return EditionSummary.of(e);
    }

    /**
     * Saves an organiser's changes. Capacity may never fall below the confirmed registrations; raising it
     * promotes waiting people at once, in the same transaction.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public EditionSummary update(long editionId, EditionForm form) {
        ZoneId zone = check(form);
        Edition e = editions.findForUpdate(editionId).orElseThrow(() -> new AccessDeniedException("No such edition"));
        if (e.getVersion() != form.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(Edition.class, editionId);
        }
        Integer before = e.getCapacity();
        EditionSeatPolicy policy = seatPolicy.getIfAvailable();
        long confirmed = policy == null ? 0 : policy.confirmedSeats(editionId);
        if (form.getCapacity() < confirmed) {
            throw new EditionRejectedException("capacity", "edition.capacity.below-confirmed");
        }
        apply(e, form, zone);
        editions.flush();
        publicCache.evictAfterCommit();
        audit.record("EDITION_UPDATED", "edition:" + editionId, "capacity " + before + " -> " + form.getCapacity());
        if (policy != null && (before == null || form.getCapacity() > before)) {
            policy.capacityChanged(editionId, form.getCapacity());
        }
        return EditionSummary.of(editions.findById(editionId).orElseThrow());
    }

    /**
     * Sets a new capacity inside a seat change that already holds the edition lock (e.g. an organiser seating
     * one waiting person out of turn). Never below the confirmed count.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(propagation = Propagation.MANDATORY)
    public void changeCapacityLocked(long editionId, int capacity, long confirmed) {
        Edition e = editions.findForUpdate(editionId).orElseThrow();
        if (capacity < confirmed || capacity < 1) {
            throw new EditionRejectedException("capacity", "edition.capacity.below-confirmed");
        }
        Integer before = e.getCapacity();
        e.setCapacity(capacity);
        publicCache.evictAfterCommit();
        audit.record("EDITION_CAPACITY", "edition:" + editionId, "capacity " + before + " -> " + capacity);
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public EditionSummary changeStatus(long editionId, EditionStatus next) {
        Edition e = editions.findForUpdate(editionId).orElseThrow(() -> new AccessDeniedException("No such edition"));
        if (!e.getStatus().canMoveTo(next)) {
            throw new EditionRejectedException("status", "edition.status.not-allowed");
        }
        if (next == EditionStatus.OPEN && (e.getCapacity() == null || e.getRegistrationOpensAt() == null
                || e.getRegistrationClosesAt() == null || e.getStartsOn() == null)) {
            throw new EditionRejectedException("status", "edition.status.incomplete");
        }
        EditionStatus before = e.getStatus();
        e.moveTo(next);
        publicCache.evictAfterCommit();
        audit.record("EDITION_STATUS", "edition:" + editionId, before + " -> " + next);
        return EditionSummary.of(e);
    }

    /** Messages of the form's constraints that the view can show as they are; others read "please check". */
    private static final Set<String> SHOWN_AS_IS = Set.of("validation.required", "validation.too-long",
            "validation.country", "edition.capacity.min", "edition.dates.order", "edition.window.order");

    /**
     * Validates again what the form validated (the browser can be bypassed): the first broken rule, by field
     * name, is refused with its own message before anything is read for update or written.
     */
    private ZoneId check(EditionForm form) {
        if (form == null) {
            throw new EditionRejectedException("form", "validation.invalid");
        }
        Validation.requireValid(validator, form, broken -> new EditionRejectedException(Validation.field(broken),
                SHOWN_AS_IS.contains(Validation.messageKey(broken)) ? Validation.messageKey(broken) : "validation.invalid"));
        if (!Countries.isValid(form.getCountryCode())) {
            throw new EditionRejectedException("countryCode", "validation.country");
        }
        try {
            return ZoneId.of(form.getTimeZone());
        } catch (DateTimeException bad) {
            throw new EditionRejectedException("timeZone", "edition.zone.invalid");
        }
    }

    private static void apply(Edition e, EditionForm form, ZoneId zone) {
        e.setCity(form.getCity());
        e.setCountryCode(form.getCountryCode());
        e.setVenue(blankToNull(form.getVenue()));
        e.setTimeZone(zone.getId());
        e.setDates(form.getStartsOn(), form.getEndsOn());
        e.setDescription(blankToNull(form.getDescription()));
        e.setCapacity(form.getCapacity());
        Instant opens = form.getRegistrationOpensAt().atZone(zone).toInstant();
        Instant closes = form.getRegistrationClosesAt().atZone(zone).toInstant();
        e.setRegistrationWindow(opens, closes);
        e.setParticipantListVisible(form.isParticipantListVisible());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
