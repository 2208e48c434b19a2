package org.ngoplatform.base.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Whether someone has signed in: an authentication that is authenticated and not Spring Security's anonymous one.
 * The one place this is decided (session limits, open tabs, the menu, the saved language).
 */
public final class SignedIn {

    private SignedIn() {
    }

    public static boolean is(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** Whether the person on this thread has signed in. */
    public static boolean now() {
        return is(SecurityContextHolder.getContext().getAuthentication());
    }
}
