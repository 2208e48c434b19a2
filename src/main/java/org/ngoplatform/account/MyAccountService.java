package org.ngoplatform.account;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.SingleLine;
import org.ngoplatform.base.SingleLineText;
import org.ngoplatform.base.i18n.MessagesI18NProvider;
import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.organisation.OrganisationService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The signed-in person's own account: every method acts on the caller's account only. */
@Service
public class MyAccountService {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final SessionRegistry sessions;
    private final AuditLog audit;
    private final OrganisationService organisations;
    private final Validator validator;

    MyAccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle,
                     SessionRegistry sessions, AuditLog audit, OrganisationService organisations, Validator validator) {
        this.organisations = organisations;
        this.validator = validator;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** The caller's name, organisation, country and language as the account page shows them. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ProfileChange profile() {
        Account account = accounts.findById(CurrentAccount.requireId()).orElseThrow();
        ProfileChange profile = new ProfileChange();
        profile.setDisplayName(account.getDisplayName());
        profile.setOrganisationName(account.getOrganisationId() == null ? ""
                : organisations.find(account.getOrganisationId()).map(OrganisationRef::name).orElse(""));
        profile.setCountryCode(account.getCountryCode());
        profile.setLanguage(account.getPreferredLanguage());
        return profile;
    }

    /**
     * Changes the caller's display name, organisation (an unknown name is proposed for review, as at sign-up),
     * country and language. Everything is checked here again, whatever the form did.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeProfile(ProfileChange change) {
        Account account = accounts.findById(CurrentAccount.requireId()).orElseThrow();
        if (change == null) {
            throw new ProfileChangeRejectedException("", "validation.invalid");
        }
        Set<ConstraintViolation<ProfileChange>> violations = validator.validate(change);
        if (!violations.isEmpty()) {
            ConstraintViolation<ProfileChange> first = violations.iterator().next();
            boolean direction = first.getConstraintDescriptor().getAnnotation() instanceof SingleLine;
            throw new ProfileChangeRejectedException(first.getPropertyPath().toString(),
                    direction ? SingleLineText.MESSAGE_KEY : "validation.invalid");
        }
        String country = change.getCountryCode() == null || change.getCountryCode().isBlank() ? null : change.getCountryCode();
        if (country != null && !Countries.isValid(country)) {
            throw new ProfileChangeRejectedException("countryCode", "validation.country");
        }
        String language = change.getLanguage();
        if (language != null && MessagesI18NProvider.LOCALES.stream().noneMatch(l -> l.getLanguage().equals(language))) {
            throw new ProfileChangeRejectedException("language", "validation.invalid");
        }
        String organisation = change.getOrganisationName() == null ? "" : change.getOrganisationName().strip();
        if (!organisation.isEmpty() && country == null) {
            throw new ProfileChangeRejectedException("countryCode", "validation.country");
        }
        account.rename(change.getDisplayName());
        account.changeCountry(country);
        account.changeOrganisation(organisation.isEmpty() ? null : organisations.findOrPropose(organisation, country).id());
        if (language != null) {
            account.changePreferredLanguage(language);
        }
        audit.record("PROFILE_CHANGED", "account:" + account.getId(), null);
    }

    /** True while the caller still holds a one-time password and must choose a new one first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean mustChangePassword() {
        return CurrentAccount.get().flatMap(p -> accounts.findById(p.accountId()))
                .map(Account::hasOneTimePassword).orElse(false);
    }

    /**
     * Replaces the caller's password. The current password is required, and wrong guesses are throttled like
     * failed sign-ins (per account and client {@code address}); the new one must satisfy {@link PasswordPolicy}.
     * A one-time password is no longer one. Every other session of the caller is signed out; this one stays.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changePassword(String currentPassword, String newPassword, String address) {
        AccountPrincipal me = CurrentAccount.require();
        Account account = accounts.findById(me.accountId()).filter(Account::isEnabled)
                .orElseThrow(() -> new PasswordChangeRejectedException("currentPassword", "account.password.wrong"));
        Duration wait = throttle.blockedFor(account.getEmail(), address);
        if (!wait.isZero()) {
            throw new PasswordChangeRejectedException("currentPassword", "account.password.throttled");
        }
        if (currentPassword == null || currentPassword.length() > PasswordPolicy.MAX_LENGTH
                || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throttle.recordFailure(account.getEmail(), address);
            throw new PasswordChangeRejectedException("currentPassword", "account.password.wrong");
        }
        Optional<String> weak = PasswordPolicy.problem(newPassword, account.getEmail());
        if (weak.isPresent()) {
            throw new PasswordChangeRejectedException("newPassword", weak.get());
        }
        if (passwordEncoder.matches(newPassword, account.getPasswordHash())) {
            throw new PasswordChangeRejectedException("newPassword", "account.password.same");
        }
        account.changePasswordHash(passwordEncoder.encode(newPassword));
        throttle.passwordChanged(account.getEmail());
        int signedOut = signOutOtherSessions(account.getId());
        refreshCurrentPrincipal(account);
        audit.record("PASSWORD_CHANGED", "account:" + account.getId(), "other sessions signed out=" + signedOut);
    }

    private int signOutOtherSessions(long accountId) {
        String current = currentSessionId();
        int count = 0;
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof AccountPrincipal p && p.accountId() == accountId) {
                for (SessionInformation session : sessions.getAllSessions(principal, false)) {
                    if (!session.getSessionId().equals(current)) {
                        session.expireNow();
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** The caller's HTTP session: through Vaadin (also over push, which has no servlet request), else the request. */
    private static String currentSessionId() {
        var vaadin = com.vaadin.flow.server.VaadinSession.getCurrent();
        if (vaadin != null && vaadin.getSession() != null) {
            return vaadin.getSession().getId();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }

    /** This session's principal no longer asks for a new password. */
    private static void refreshCurrentPrincipal(Account account) {
        AccountPrincipal fresh = new AccountPrincipal(account);
        var context = SecurityContextHolder.getContext();
        var old = context.getAuthentication();
        var auth = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
        auth.setDetails(old == null ? null : old.getDetails());
        context.setAuthentication(auth);
    }
}
