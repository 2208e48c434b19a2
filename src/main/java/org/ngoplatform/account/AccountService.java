package org.ngoplatform.account;

import org.springframework.security.access.prepost.PreAuthorize;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.OffsetPageable;
import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.organisation.OrganisationService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Accounts: sign-up, roles, enabling, and the data organisers need to manage them. */
@Service
public class AccountService {

    private final AccountRepository accounts;
    private final OrganisationService organisations;
    private final PasswordEncoder passwordEncoder;
    private final Validator validator;
    private final AuditLog audit;
    private final Clock clock;
    private final String noticeVersion;

    AccountService(AccountRepository accounts, OrganisationService organisations, PasswordEncoder passwordEncoder,
                   Validator validator, AuditLog audit, Clock clock,
                   @Value("${ngo.privacy.notice-version}") String noticeVersion) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
        this.noticeVersion = noticeVersion;
    }

    public String privacyNoticeVersion() {
        return noticeVersion;
    }

    /**
     * Creates a participant account. Everything is checked here again, whatever the form did: constraints,
     * password policy, consent, a unique email regardless of case.
     */
    @Transactional
    public long signUp(SignUpRequest request) {
        if (request.getEmail() != null) {
            request.setEmail(request.getEmail().strip());
        }
        Set<ConstraintViolation<SignUpRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            ConstraintViolation<SignUpRequest> first = violations.iterator().next();
            throw new SignUpRejectedException(first.getPropertyPath().toString(), "validation.invalid");
        }
        if (!request.isPrivacyConsent()) {
            throw new SignUpRejectedException("privacyConsent", "validation.consent");
        }
        if (!Countries.isValid(request.getCountryCode())) {
            throw new SignUpRejectedException("countryCode", "validation.country");
        }
        String email = Account.normaliseEmail(request.getEmail());
        Optional<String> weak = PasswordPolicy.problem(request.getPassword(), email);
        if (weak.isPresent()) {
            throw new SignUpRejectedException("password", weak.get());
        }
        if (accounts.existsByEmail(email)) {
            throw new SignUpRejectedException("email", "signup.email-taken");
        }
        OrganisationRef organisation = organisations.findOrPropose(request.getOrganisationName(), request.getCountryCode());
        Account account = new Account(email, request.getDisplayName(), passwordEncoder.encode(request.getPassword()),
                organisation.id(), request.getCountryCode(), clock.instant(), noticeVersion, clock.instant());
        try {
            return accounts.saveAndFlush(account).getId();
        } catch (DataIntegrityViolationException raced) {
            // Two sign-ups with one email at the same moment: the unique index decides.
            throw new SignUpRejectedException("email", "signup.email-taken");
        }
    }

    /** Creates an account with given roles; used by the first-organiser bootstrap and demo data. */
    @Transactional
    Account createSystemAccount(String email, String name, String rawPassword, Set<Role> roles, String countryCode) {
        Account account = new Account(email, name, passwordEncoder.encode(rawPassword), null, countryCode,
                clock.instant(), noticeVersion, clock.instant());
        account.replaceRoles(roles);
        account = accounts.save(account);
        audit.record("ACCOUNT_CREATED", "account:" + account.getId(), "roles=" + roles);
        return account;
    }

    @Transactional
    public void recordLogin(String email) {
        accounts.findByEmail(Account.normaliseEmail(email)).ifPresent(a -> a.recordLogin(clock.instant()));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<AccountSummary> me() {
        return CurrentAccount.get().flatMap(p -> accounts.findById(p.accountId())).map(AccountSummary::of);
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<AccountSummary> page(String filter, int offset, int limit) {
        return accounts.search(like(filter), OffsetPageable.of(offset, limit, Sort.by("email")))
                .stream().map(AccountSummary::of).toList();
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public long count(String filter) {
        return accounts.countSearch(like(filter));
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public Optional<AccountSummary> find(long id) {
        return accounts.findById(id).map(AccountSummary::of);
    }

    /** Several accounts at once, keyed by id (e.g. names and emails for an identified survey export). */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public java.util.Map<Long, AccountSummary> findAll(java.util.Collection<Long> ids) {
        java.util.Map<Long, AccountSummary> found = new java.util.HashMap<>();
        if (ids == null || ids.isEmpty()) {
            return found;
        }
        accounts.findAllById(ids).forEach(a -> found.put(a.getId(), AccountSummary.of(a)));
        return found;
    }

    /** Grants and revokes roles. The network must always keep at least one enabled organiser. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public AccountSummary changeRoles(long accountId, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("At least one role is required");
        }
        Account account = accounts.findById(accountId).orElseThrow();
        Set<Role> before = account.getRoles();
        if (before.contains(Role.ORGANISER) && !roles.contains(Role.ORGANISER) && lastOrganiser(account)) {
            throw new IllegalStateException("last-organiser");
        }
        account.replaceRoles(EnumSet.copyOf(roles));
        audit.record("ROLES_CHANGED", "account:" + accountId, names(before) + " -> " + names(roles));
        return AccountSummary.of(account);
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public AccountSummary setEnabled(long accountId, boolean enabled) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (!enabled && account.hasRole(Role.ORGANISER) && lastOrganiser(account)) {
            throw new IllegalStateException("last-organiser");
        }
        account.setEnabled(enabled);
        audit.record(enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", "account:" + accountId, null);
        return AccountSummary.of(account);
    }

    @Transactional(readOnly = true)
    public boolean organiserExists() {
        return accounts.existsWithRole(Role.ORGANISER);
    }

    Optional<Account> findByEmail(String email) {
        return accounts.findByEmail(Account.normaliseEmail(email));
    }

    private boolean lastOrganiser(Account account) {
        return accounts.findAll().stream()
                .filter(a -> a.isEnabled() && a.hasRole(Role.ORGANISER))
                .allMatch(a -> a.getId().equals(account.getId()));
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "[", "]"));
    }

    private static String like(String filter) {
        return filter == null || filter.isBlank() ? null : "%" + filter.strip().toLowerCase(Locale.ROOT) + "%";
    }
}
