package org.ngoplatform.account;

import jakarta.servlet.http.HttpSession;
import org.ngoplatform.audit.AuditLog;
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

/** The signed-in person's own account: every method acts on the caller's account only. */
@Service
public class MyAccountService {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final SessionRegistry sessions;
    private final AuditLog audit;

    MyAccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle,
                     SessionRegistry sessions, AuditLog audit) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.sessions = sessions;
        this.audit = audit;
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
