package org.ngoplatform.registration;

import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.validator.HibernateValidatorFactory;
import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.AccountSummary;
import org.ngoplatform.account.AccountWithContact;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.MailContact;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.Validation;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionStatus;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.organisation.OrganisationService;
import org.ngoplatform.programme.ProgrammeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.lang.annotation.ElementType;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Registrations for editions, the participant's side: registering, seats and the waiting list, one's own
 * registrations, cancellation, the calendar file and the participant list; plus the contract other features use.
 * Every seat change takes the edition's row lock first, so concurrent requests on any number of app instances
 * are serialised per edition by the database: never more confirmed than the capacity, no lost positions.
 * Organisers' side: {@link RegistrationAdminService}; participant workbook: {@link ParticipantExportService}.
 */
@Service
public class RegistrationService {

    /** Language of the files this module produces (calendar event, participant workbook): not the reader's. */
    static final Locale FILE_LOCALE = Locale.ENGLISH;

    private final RegistrationRepository registrations;
    private final EditionService editions;
    private final OrganisationService organisations;
    private final AccountService accounts;
    private final ProgrammeService programme;
    private final EntityManager entityManager;
    private final SeatAllocator seats;
    private final RegistrationCalendar calendars;
    private final RegistrationCancellation cancellation;
    private final Validator validator;
    /** For {@link #validator}: every property counts as loaded and cascadable (see the constructor). */
    private static final TraversableResolver EVERY_PROPERTY_LOADED = new TraversableResolver() {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToBean, ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToBean, ElementType elementType) {
            return true;
        }
    };
    private final Clock clock;
    private final NewRegistrations newRegistrations;
    /** Gates of features above registration (messaging's invitation-only editions); usually one, possibly none. */
    private final List<RegistrationAdmission> admissions;

    RegistrationService(RegistrationRepository registrations, EditionService editions, OrganisationService organisations,
                        AccountService accounts, ProgrammeService programme, SeatAllocator seats, RegistrationCalendar calendars, RegistrationCancellation cancellation,
                        ValidatorFactory validators, Clock clock, EntityManager entityManager, List<RegistrationAdmission> admissions,
                        NewRegistrations newRegistrations) {
        this.newRegistrations = newRegistrations;
        this.registrations = registrations;
        this.editions = editions;
        this.organisations = organisations;
        this.accounts = accounts;
        this.programme = programme;
        this.entityManager = entityManager;
        this.seats = seats;
        this.calendars = calendars;
        this.cancellation = cancellation;
        // Measured (docs/performance.md, "Registration", seventh step): with JPA on the class path Hibernate Validator asks
        // JPA, for every constrained property, whether it is loaded (JPATraversableResolver, PersistenceUtil.isLoaded by
        // reflection): half of the CPU samples of a registration's two validations. This service validates only objects
        // JPA would answer "loaded" for anyway: requests (no entities) and a registration built in the same call (new,
        // not managed, no lazy state); so the same validator (same constraints, messages, constraint validators)
        // without that question gives the same violations.
        // (Without the per-validation cache of the resolver's answers either: they are all "yes".)
        this.validator = validators.unwrap(HibernateValidatorFactory.class).usingContext()
                .traversableResolver(EVERY_PROPERTY_LOADED).enableTraversableResolverResultCache(false).getValidator();
        this.clock = clock;
        this.admissions = List.copyOf(admissions);
    }

    // ---- contract for other features --------------------------------------------------------------------

    /** Whether the account holds a confirmed seat at the edition. For other features' own checks. */
    @Transactional(readOnly = true)
    public boolean isConfirmed(long editionId, long accountId) {
        return registrations.existsByEditionIdAndAccountIdAndStatus(editionId, accountId, RegistrationStatus.CONFIRMED);
    }

    /** Accounts holding a confirmed seat at the edition, by id. For other features' own checks. */
    @Transactional(readOnly = true)
    public List<Long> confirmedAccountIds(long editionId) {
        return registrations.confirmedAccountIds(editionId);
    }

    /**
     * Everyone holding a confirmed seat at the edition, with name, organisation and country, by name. For
     * attendance's check-in list and sign-in sheet, which only organisers and the facilitators they let check
     * people in see (attendance checks the delegation itself).
     */
    @PreAuthorize("hasAnyRole('ORGANISER', 'FACILITATOR')")
    @Transactional(readOnly = true)
    public List<ConfirmedParticipantSummary> confirmedParticipants(long editionId) {
        return registrations.confirmedParticipants(editionId);
    }

    /**
     * The organisation each of the given accounts registered with for the edition (accounts without one are
     * left out). For rosters of workshop groups, which only organisers and facilitators see.
     */
    @PreAuthorize("hasAnyRole('ORGANISER', 'FACILITATOR')")
    @Transactional(readOnly = true)
    public Map<Long, String> organisationsOf(long editionId, Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        for (Object[] row : registrations.organisationNames(editionId, accountIds)) {
            if (row[1] != null) {
                names.put((Long) row[0], (String) row[1]);
            }
        }
        return names;
    }

    // ---- public page --------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public SeatCount seats(long editionId) {
        EditionSummary edition = editions.require(editionId);
        return new SeatCount(edition.capacity(),
                registrations.countByEditionIdAndStatus(editionId, RegistrationStatus.CONFIRMED),
                registrations.countByEditionIdAndStatus(editionId, RegistrationStatus.WAITLISTED),
                seats.openOffers(editionId));
    }

    // ---- participants ---------------------------------------------------------------------------------------

    /** A new registration's form for the signed-in person: the organisation they named at sign-up is filled in. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public RegistrationRequest newRequest() {
        var request = new RegistrationRequest();
        accounts.me().map(AccountSummary::organisationId).flatMap(organisations::find)
                .ifPresent(o -> request.setOrganisationName(o.name()));
        return request;
    }

    /**
     * Registers the signed-in person: CONFIRMED while seats are free, else WAITLISTED at the next position.
     * What does not depend on seats is read before the edition's row lock (the person, the privacy notice's
     * version, their organisation if it is known, whether the edition has a programme for the mail's calendar),
     * so that it overlaps with other registrations' locked part instead of lengthening it; under the lock: the
     * edition, then in one statement the person's earlier registration, the seats held and the last waiting position
     * ({@link SeatAllocator#seating}), a new organisation if one is proposed, the insert, the seat mail (the outbox insert), the commit.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public MyRegistration register(long editionId, RegistrationRequest request) {
        // Measured (docs/performance.md, "Registration"): in this transaction Hibernate checked every loaded entity
        // for changes before each query and at commit. Nothing loaded here is changed except an earlier, cancelled
        // registration of the person (made writable where it is read) and no query needs to see a pending change
        // (the inserts run at once: identity keys), so entities load read-only and writes are flushed at commit.
        // Both settings are put back for whatever else the caller's transaction does.
        Session session = entityManager.unwrap(Session.class);
        FlushMode flushMode = session.getHibernateFlushMode();
        boolean readOnly = session.isDefaultReadOnly();
        session.setHibernateFlushMode(FlushMode.COMMIT);
        session.setDefaultReadOnly(true);
        try {
            return registerReadOnly(session, editionId, request);
        } finally {
            session.setHibernateFlushMode(flushMode);
            session.setDefaultReadOnly(readOnly);
        }
    }

    private MyRegistration registerReadOnly(Session session, long editionId, RegistrationRequest request) {
        long accountId = CurrentAccount.requireId();
        validate(request);
        if (!request.isPrivacyConsent()) {
            throw new RegistrationRejectedException("privacyConsent", "validation.consent");
        }
        AccountWithContact signedIn = accounts.meWithContact().orElseThrow();
        AccountSummary me = signedIn.account();
        if (!admissions.stream().allMatch(a -> a.admits(editionId, me.email()))) {
            throw new RegistrationRejectedException("edition", "registration.not-invited");
        }
        String noticeVersion = accounts.privacyNoticeVersion();
        Optional<OrganisationRef> knownOrganisation = organisations.findByName(request.getOrganisationName());
        boolean hasSessions = programme.hasSessions(editionId);
        // The registration as far as it is known without the lock, checked as Hibernate's insert checked it.
        Registration fresh = new Registration(editionId, accountId, clock.instant());
        knownOrganisation.ifPresent(o -> describe(fresh, request, me, o));
        fresh.consent(clock.instant(), noticeVersion);
        if (knownOrganisation.isPresent()) {
            checkAsOnInsert(fresh);
        }
        MailContact contact = signedIn.contact();
        var ahead = newRegistrations.confirmationAhead(contact, editionId, hasSessions);

        EditionSummary edition = editions.lockForNewSeat(editionId);
        if (edition.status() == EditionStatus.DRAFT && !CurrentAccount.hasRole(Role.ORGANISER)) {
            throw new AccessDeniedException("No such edition");
        }
        if (!edition.isOpenForRegistration(clock.instant())) {
            throw new RegistrationRejectedException("edition", "registration.not-open");
        }
        checkDates(request, edition);
        var seating = seats.seating(editionId, accountId);
        var earlier = seating.earlier();
        if (earlier.isPresent() && earlier.get().getValue() != RegistrationStatus.CANCELLED) {
            throw new RegistrationRejectedException("edition", "registration.already");
        }
        Registration r;
        if (earlier.isEmpty()) {
            r = fresh;
        } else {
            // registering again after a cancellation: the same row
            r = registrations.findById(earlier.get().getKey()).orElseThrow();
            session.setReadOnly(r, false);
        }
        // A name nobody knows yet is proposed under the lock, as before: two people of one edition naming the same
        // new organisation at once find the first one's entry instead of colliding on its unique name.
        OrganisationRef organisation = knownOrganisation.orElseGet(() -> organisations.findOrPropose(
                request.getOrganisationName(), me.countryCode() == null ? edition.countryCode() : me.countryCode()));
        if (r != fresh || knownOrganisation.isEmpty()) {
            describe(r, request, me, organisation);
            r.consent(clock.instant(), noticeVersion);
        }
        seats.seatNew(r, edition, seating);
        try {
            if (r == fresh) {
                if (knownOrganisation.isEmpty()) {
                    checkAsOnInsert(r);
                }
                newRegistrations.insert(r);
            } else {
                // the earlier, cancelled row: Hibernate updates it at commit (it checks its version)
                r = registrations.save(r);
            }
        } catch (DataIntegrityViolationException raced) {
            throw new RegistrationRejectedException("edition", "registration.already");
        }
        newRegistrations.notifySeated(r, contact, edition, ahead, hasSessions);
        return toMine(r, edition);
    }

    /** Changes one's own details until registration closes; seats are not affected. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public MyRegistration update(long registrationId, RegistrationRequest request) {
        Registration r = own(registrationId);
        validate(request);
        EditionSummary edition = editions.require(r.getEditionId());
        if (r.getStatus() == RegistrationStatus.CANCELLED) {
            throw new RegistrationRejectedException("edition", "registration.cancelled");
        }
        if (!editable(edition)) {
            throw new RegistrationRejectedException("edition", "registration.closed");
        }
        if (r.getVersion() != request.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(Registration.class, registrationId);
        }
        checkDates(request, edition);
        describe(r, request, edition);
        registrations.flush();
        return toMine(r, edition);
    }

    /** Cancels one's own registration; a freed seat goes to the longest-waiting person. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void cancel(long registrationId) {
        long editionId = registrations.editionOf(registrationId, CurrentAccount.requireId())
                .orElseThrow(() -> new AccessDeniedException("No such registration"));
        cancellation.cancelLocked(registrationId, editionId, null);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<MyRegistration> mine() {
        long accountId = CurrentAccount.requireId();
        return registrations.findByAccountIdOrderByCreatedAtDesc(accountId).stream()
                .flatMap(r -> editions.find(r.getEditionId()).map(e -> toMine(r, e)).stream())
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<MyRegistration> mineFor(long editionId) {
        long accountId = CurrentAccount.requireId();
        return registrations.findByEditionIdAndAccountId(editionId, accountId)
                .flatMap(r -> editions.find(editionId).map(e -> toMine(r, e)));
    }

    /** The .ics file of one's own confirmed registration. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public CalendarFile calendar(long registrationId) {
        Registration r = own(registrationId);
        EditionSummary edition = editions.require(r.getEditionId());
        if (r.getStatus() != RegistrationStatus.CONFIRMED) {
            throw new RegistrationRejectedException("status", "registration.calendar.unavailable");
        }
        return calendars.event(r, edition, seats.editionUrl(edition.id()))
                .orElseThrow(() -> new RegistrationRejectedException("status", "registration.calendar.unavailable"));
    }

    /**
     * Names and organisations of confirmed participants who opted in, for another confirmed participant of the
     * same edition (or an organiser), and only when the edition shows the list ({@link ParticipantListVisibility}).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ParticipantSummary> participantList(long editionId) {
        EditionSummary edition = editions.require(editionId);
        boolean organiser = CurrentAccount.hasRole(Role.ORGANISER);
        if (!ParticipantListVisibility.maySee(edition, organiser, isConfirmed(editionId, CurrentAccount.requireId()))) {
            throw new AccessDeniedException("Participant list not available");
        }
        return registrations.participantList(editionId);
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private Registration own(long registrationId) {
        long accountId = CurrentAccount.requireId();
        return registrations.findById(registrationId).filter(r -> r.getAccountId() == accountId)
                .orElseThrow(() -> new AccessDeniedException("No such registration"));
    }

    private boolean editable(EditionSummary edition) {
        return edition.registrationClosesAt() != null && clock.instant().isBefore(edition.registrationClosesAt())
                && edition.status() != EditionStatus.ARCHIVED;
    }

    /**
     * Fills the registration from the request and copies the signed-in person's name, email and country (else the
     * organisation's) and the organisation's name into it, as the organisers' lists show them.
     */
    private void describe(Registration r, RegistrationRequest request, EditionSummary edition) {
        AccountSummary me = accounts.me().orElseThrow();
        describe(r, request, me, organisations.findOrPropose(request.getOrganisationName(),
                me.countryCode() == null ? edition.countryCode() : me.countryCode()));
    }

    private void describe(Registration r, RegistrationRequest request, AccountSummary me, OrganisationRef org) {
        r.fill(request, org.id(), clock.instant());
        r.describe(me.displayName(), me.email(), me.countryCode(), org.countryCode(), org.name());
    }

    /** The entity's bean validation, as Hibernate ran it before its insert (the insert is in plain SQL now). */
    private void checkAsOnInsert(Registration r) {
        var broken = validator.validate(r);
        if (!broken.isEmpty()) {
            throw new ConstraintViolationException(broken);
        }
    }

    private void validate(RegistrationRequest request) {
        Validation.requireValid(validator, request,
                broken -> new RegistrationRejectedException(Validation.field(broken), "validation.invalid"));
    }

    private static void checkDates(RegistrationRequest request, EditionSummary edition) {
        if (edition.startsOn() == null || edition.endsOn() == null) {
            return;
        }
        // Arrival may be the day before, departure the day after: people travel.
        var earliest = edition.startsOn().minusDays(1);
        var latest = edition.endsOn().plusDays(1);
        if (request.getArrivalOn() != null && (request.getArrivalOn().isBefore(earliest) || request.getArrivalOn().isAfter(latest))) {
            throw new RegistrationRejectedException("arrivalOn", "registration.dates.outside");
        }
        if (request.getDepartureOn() != null && (request.getDepartureOn().isBefore(earliest) || request.getDepartureOn().isAfter(latest))) {
            throw new RegistrationRejectedException("departureOn", "registration.dates.outside");
        }
    }

    private MyRegistration toMine(Registration r, EditionSummary edition) {
        return new MyRegistration(r.getId(), edition, r.getStatus(), r.getWaitlistPosition(), r.getOrganisationName(), r.getJobTitle(),
                r.getArrivalOn(), r.getDepartureOn(), r.getDietaryNeeds(), r.getAccessibilityNeeds(), r.isVisaLetter(),
                r.isListOptIn(), r.getStatus() != RegistrationStatus.CANCELLED && editable(edition), r.getVersion());
    }
}
