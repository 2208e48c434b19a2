package org.ngoplatform.account;

import org.springframework.security.access.prepost.PreAuthorize;
import jakarta.validation.Validator;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.OffsetPageable;
import org.ngoplatform.base.SingleLine;
import org.ngoplatform.base.SingleLineText;
import org.ngoplatform.base.Validation;
import org.ngoplatform.mail.MailLanguage;
import org.ngoplatform.mail.MailRequested;
import org.ngoplatform.mail.MailTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.organisation.OrganisationService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.function.BiFunction;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/** Accounts: sign-up, roles, enabling, and the data organisers need to manage them. */
@Service
public class AccountService {

    private final AccountRepository accounts;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final OrganisationService organisations;
    private final PasswordEncoder passwordEncoder;
    private final Validator validator;
    private final AuditLog audit;
    private final Clock clock;
    private final PrivacyNoticeVersions notices;
    private final ApplicationEventPublisher events;
    private final String publicUrl;
    private final RequestLimit signUpsPerAddress;
    private final RequestLimit existsMailsPerEmail;

    AccountService(AccountRepository accounts, org.springframework.jdbc.core.simple.JdbcClient jdbc, OrganisationService organisations, PasswordEncoder passwordEncoder,
                   Validator validator, AuditLog audit, Clock clock, PrivacyNoticeVersions notices,
                   ApplicationEventPublisher events, ObjectProvider<SharedThrottleStore> shared,
                   @Value("${ngo.public-url:http://localhost:8080}") String publicUrl,
                   @Value("${ngo.signup.max-per-address:10}") int signUpsPerAddress,
                   @Value("${ngo.signup.window:PT1H}") java.time.Duration signUpWindow,
                   @Value("${ngo.signup.exists-mail-every:P1D}") java.time.Duration existsMailEvery) {
        this.signUpsPerAddress = RequestLimit.of("sign-ups-per-address", shared.getIfAvailable(), clock, signUpsPerAddress, signUpWindow, 100_000);
        this.existsMailsPerEmail = RequestLimit.of("exists-mails-per-email", shared.getIfAvailable(), clock, 1, existsMailEvery, 100_000);
        this.events = events;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
        this.notices = notices;
    }

    /** The version of the privacy notice that consent given now records. */
    public String privacyNoticeVersion() {
        return notices.currentVersion();
    }

    /**
     * Creates a participant account. Everything is checked here again, whatever the form did: constraints,
     * password policy, consent, a unique email regardless of case. An email that already has an account gets
     * no second account, and the caller cannot tell: the answer is the same (empty instead of the new id is
     * for tests and internal callers only) and the owner is mailed that someone tried to sign up with it.
     */
    @Transactional
    public OptionalLong signUp(SignUpRequest request) {
        return signUp(request, null);
    }

    /**
     * As {@link #signUp(SignUpRequest)}, throttled per client {@code address} (sign-ups per hour; see
     * {@link ClientAddress}); the "someone tried" mail reaches an existing account's owner at most once a day.
     */
    @Transactional
    public OptionalLong signUp(SignUpRequest request, String address) {
        if (request.getEmail() != null) {
            request.setEmail(request.getEmail().strip());
        }
        Validation.requireValid(validator, request, broken -> new SignUpRejectedException(Validation.field(broken),
                broken.getConstraintDescriptor().getAnnotation() instanceof SingleLine
                        ? SingleLineText.MESSAGE_KEY : "validation.invalid"));
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
        if (!signUpsPerAddress.tryAcquire(address)) {
            throw new SignUpRejectedException("", "signup.throttled");
        }
        // Hash before looking the email up, so both outcomes cost the same time.
        String hash = passwordEncoder.encode(request.getPassword());
        Optional<Account> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            Account owner = existing.get();
            if (!existsMailsPerEmail.tryAcquire(owner.getEmail())) {
                return OptionalLong.empty();
            }
            Locale locale = locale(owner);
            // Confidential: it tells who has an account and links to the password reset.
            events.publishEvent(new MailRequested(owner.getEmail(), locale, MailTemplate.ACCOUNT_EXISTS,
                    owner.getDisplayName(), publicUrl + "/login", publicUrl + "/reset-password"));
            return OptionalLong.empty();
        }
        OrganisationRef organisation = organisations.findOrPropose(request.getOrganisationName(), request.getCountryCode());
        Account account = new Account(email, request.getDisplayName(), hash,
                organisation.id(), request.getCountryCode(), clock.instant(), notices.currentVersion(), clock.instant());
        if (request.getLanguage() != null) {
            account.changePreferredLanguage(MailLanguage.of(request.getLanguage()).getLanguage());
        }
        long id;
        try {
            id = accounts.saveAndFlush(account).getId();
        } catch (DataIntegrityViolationException raced) {
            // Two sign-ups with one email at the same moment: the unique index decides.
            throw new SignUpRejectedException("email", "signup.email-taken");
        }
        // Addressed by email, not by the typed name: whoever signed up may not own the address.
        events.publishEvent(new MailRequested(account.getEmail(), locale(account), MailTemplate.ACCOUNT_WELCOME,
                account.getEmail(), publicUrl + "/login", publicUrl + "/reset-password"));
        return OptionalLong.of(id);
    }

    private static Locale locale(Account account) {
        return MailLanguage.of(account.getPreferredLanguage());
    }

    /** Creates an account with given roles; used by the first-organiser bootstrap and demo data. */
    @Transactional
    Account createSystemAccount(String email, String name, String rawPassword, Set<Role> roles, String countryCode) {
        return createSystemAccount(email, name, rawPassword, roles, countryCode, null);
    }

    /** As above; with {@code oneTimeFor} the password signs in once, within that time from now. */
    @Transactional
    Account createSystemAccount(String email, String name, String rawPassword, Set<Role> roles, String countryCode,
                                java.time.Duration oneTimeFor) {
        Account account = new Account(email, name, passwordEncoder.encode(rawPassword), null, countryCode,
                clock.instant(), notices.currentVersion(), clock.instant());
        if (oneTimeFor != null) {
            account.makePasswordOneTime(clock.instant().plus(oneTimeFor));
        }
        account.replaceRoles(roles);
        account = accounts.save(account);
        audit.record("ACCOUNT_CREATED", "account:" + account.getId(), "roles=" + roles);
        return account;
    }

    /** In its own transaction and without touching the optimistic version: simultaneous sign-ins never clash. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    void recordLogin(String email) {
        String normalised = Account.normaliseEmail(email);
        accounts.recordLogin(normalised, clock.instant());
        accounts.spendOneTimePassword(normalised, clock.instant());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<AccountSummary> me() {
        return CurrentAccount.get().flatMap(p -> read(p.accountId())).map(AccountWithContact::account);
    }

    /**
     * {@link #me} and where to mail the person ({@link MailContacts#of}), read by one statement: a registration needs
     * both before it takes the edition's lock, and reading the account a second time for the mail was one of the four
     * statements a registration ran beyond the plain-JDBC peer's (docs/performance.md, "Issue 15 §2, fifth step").
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<AccountWithContact> meWithContact() {
        return CurrentAccount.get().flatMap(p -> read(p.accountId()));
    }

    /**
     * The account as {@link AccountSummary#of} makes it of the entity, and its mail contact as {@link #mailContact}
     * does, in one plain-SQL statement (the account joined with its roles): {@link #me} is asked by every
     * registration, and loading the entity with its roles through Hibernate was 14 % of a registration's CPU samples
     * (docs/performance.md "Registration", issue 15 §2). Reads what is committed or written in the caller's
     * transaction; {@code me()} is never called after changing one's account in the same transaction.
     */
    private Optional<AccountWithContact> read(long accountId) {
        return jdbc.sql("SELECT a.id, a.email, a.display_name, a.organisation_id, a.country_code, a.enabled, a.created_at, "
                        + "a.last_login_at, a.preferred_language, r.role FROM account a "
                        + "LEFT JOIN account_role r ON r.account_id = a.id WHERE a.id = ?")
                .param(accountId)
                .query(rs -> {
                    AccountSummary found = null;
                    String language = null;
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    while (rs.next()) {
                        if (found == null) {
                            found = new AccountSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                                    rs.getObject(4, Long.class), rs.getString(5), roles, rs.getBoolean(6), utc(rs, 7), utc(rs, 8));
                            language = rs.getString(9);
                        }
                        String role = rs.getString(10);
                        if (role != null) {
                            roles.add(Role.valueOf(role));
                        }
                    }
                    return found == null ? Optional.<AccountWithContact>empty() : Optional.of(new AccountWithContact(found,
                            mailContact(found.email(), found.displayName(), language)));
                });
    }

    /** DATETIME(6) columns hold UTC wall-clock time, as Hibernate writes them ({@code hibernate.jdbc.time_zone=UTC}). */
    private static java.time.Instant utc(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.time.LocalDateTime value = rs.getObject(column, java.time.LocalDateTime.class);
        return value == null ? null : value.toInstant(java.time.ZoneOffset.UTC);
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<AccountSummary> page(String filter, int offset, int limit) {
        return page(accounts::search, filter, offset, limit);
    }

    /** A page of the accounts that can sign in, by email (e.g. to pick a facilitator from). */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<AccountSummary> pageEnabled(String filter, int offset, int limit) {
        return page(accounts::searchEnabled, filter, offset, limit);
    }

    private static List<AccountSummary> page(BiFunction<String, Pageable, List<Account>> search, String filter, int offset, int limit) {
        if (matchesNothing(filter)) {
            return List.of();
        }
        return search.apply(like(filter), OffsetPageable.of(offset, limit, Sort.by("email"))).stream().map(AccountSummary::of).toList();
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public long count(String filter) {
        if (matchesNothing(filter)) {
            return 0;
        }
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
    public Map<Long, AccountSummary> findAll(Collection<Long> ids) {
        Map<Long, AccountSummary> found = new HashMap<>();
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

    /**
     * Adds one role to an account (e.g. FACILITATOR when an organiser assigns someone to a group). Only an account
     * that can sign in takes a role: false, and nothing changed, when it is disabled, erased or gone.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public boolean grantRole(long accountId, Role role) {
        Account account = accounts.findById(accountId).orElse(null);
        if (account == null || !account.isEnabled()) {
            return false;
        }
        if (!account.hasRole(role)) {
            Set<Role> before = account.getRoles();
            Set<Role> after = EnumSet.copyOf(before);
            after.add(role);
            account.replaceRoles(after);
            audit.record("ROLES_CHANGED", "account:" + accountId, names(before) + " -> " + names(after));
        }
        return true;
    }

    /** Display names of the given accounts, e.g. a group's facilitators; for signed-in callers. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, String> displayNames(Collection<Long> ids) {
        return accounts.findAllById(ids).stream()
                .collect(Collectors.toMap(Account::getId, Account::getDisplayName));
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

    /**
     * Every enabled organiser's address, name and preferred language, for mails from scheduled jobs (e.g. the
     * retention warning). Callable by organisers and by system jobs, which run with no authentication at all;
     * a visitor of the web app who is not signed in carries an anonymous token and is refused.
     */
    @PreAuthorize("T(org.ngoplatform.account.CurrentAccount).isSystemJob() or hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<MailContact> activeOrganisers() {
        return accounts.findEnabledWithRole(Role.ORGANISER).stream()
                .map(AccountService::mailContact).toList();
    }

    static MailContact mailContact(Account a) {
        return mailContact(a.getEmail(), a.getDisplayName(), a.getPreferredLanguage());
    }

    /** Where to mail a person: their address, name and preferred language (English if unset). */
    private static MailContact mailContact(String email, String displayName, String preferredLanguage) {
        return new MailContact(email, displayName, MailLanguage.of(preferredLanguage));
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

    /** A filter longer than the longest searched column (the email) cannot match: answered without a query. */
    private static boolean matchesNothing(String filter) {
        return filter != null && filter.strip().length() > Account.EMAIL_MAX;
    }

    private static String like(String filter) {
        return filter == null || filter.isBlank() ? null : "%" + filter.strip().toLowerCase(Locale.ROOT) + "%";
    }
}
