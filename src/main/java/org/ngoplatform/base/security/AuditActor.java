package org.ngoplatform.base.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * How audit records and exports name whoever is acting: the principal's pseudonymous {@link NamedPrincipal#auditName()}
 * (e.g. {@code account:42}), the authentication's name for any other principal, or {@code system} outside a request
 * (a scheduled job). The one place this name is worked out.
 */
public final class AuditActor {

    public static final String SYSTEM = "system";

    private AuditActor() {
    }

    /** The name of whoever is acting on this thread. */
    public static String current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static String of(Authentication auth) {
        if (auth == null || !auth.isAuthenticated()) {
            return SYSTEM;
        }
        if (auth.getPrincipal() instanceof NamedPrincipal named && named.auditName() != null) {
            return named.auditName();
        }
        return auth.getName();
    }
}
