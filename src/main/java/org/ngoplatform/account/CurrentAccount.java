package org.ngoplatform.account;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** Who is calling a service: read from the security context, never from UI state. */
public final class CurrentAccount {

    private CurrentAccount() {
    }

    public static Optional<AccountPrincipal> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    public static AccountPrincipal require() {
        return get().orElseThrow(() -> new AccessDeniedException("Sign-in required"));
    }

    public static long requireId() {
        return require().accountId();
    }

    public static boolean hasRole(Role role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
    }

    /**
     * True on a thread with no authentication at all: a scheduled job, not a request (web requests of people who
     * are not signed in carry an anonymous token).
     */
    public static boolean isSystemJob() {
        return SecurityContextHolder.getContext().getAuthentication() == null;
    }
}
