package org.ngoplatform.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds what visitors who never signed in can hold in server memory (a Vaadin session costs about 100 KB).
 * A session that has not signed in lives {@code ngo.sessions.anonymous-timeout} idle (an open tab keeps it alive
 * through Vaadin's heartbeat); at sign-in it gets {@code server.servlet.session.timeout}. One client address holds at
 * most {@code ngo.sessions.anonymous-per-address} anonymous sessions: a further one ends that address's oldest.
 * Signed-in sessions are never counted nor ended here. The client address is the connection's
 * ({@code getRemoteAddr()}).
 */
@Component
class AnonymousSessionLimits implements HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(AnonymousSessionLimits.class);
    /** Session attribute: the client address an anonymous session is counted under. */
    private static final String COUNTED_UNDER = AnonymousSessionLimits.class.getName() + ".address";

    private final int anonymousSeconds;
    private final int signedInSeconds;
    private final int perAddress;
    private final boolean enabled;
    /** Per client address, its anonymous sessions, oldest first; changed only inside the map's compute methods. */
    private final Map<String, Deque<HttpSession>> byAddress = new ConcurrentHashMap<>();

    AnonymousSessionLimits(@Value("${ngo.sessions.anonymous-timeout}") Duration anonymousTimeout,
                           @Value("${ngo.sessions.anonymous-per-address}") int perAddress,
                           @Value("${server.servlet.session.timeout:30m}") Duration signedInTimeout,
                           @Value("${ngo.sessions.limit-anonymous:true}") boolean enabled) {
        this.anonymousSeconds = (int) anonymousTimeout.toSeconds();
        this.signedInSeconds = (int) signedInTimeout.toSeconds();
        this.perAddress = perAddress;
        this.enabled = enabled;
    }

    /** Looks at the request's session once the request is done (sign-in and sign-out have happened by then). */
    @Component
    static class Filter extends OncePerRequestFilter {

        private final AnonymousSessionLimits limits;

        Filter(AnonymousSessionLimits limits) {
            this.limits = limits;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } finally {
                if (limits.enabled) {
                    limits.afterRequest(request);
                }
            }
        }
    }

    void afterRequest(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            boolean counted = session.getAttribute(COUNTED_UNDER) != null;
            if (signedIn(session)) {
                if (counted) {
                    forget(session);
                    session.removeAttribute(COUNTED_UNDER);
                    session.setMaxInactiveInterval(signedInSeconds);
                }
            } else if (!counted) {
                String address = request.getRemoteAddr();
                session.setMaxInactiveInterval(anonymousSeconds);
                session.setAttribute(COUNTED_UNDER, address);
                count(address, session);
            }
        } catch (IllegalStateException invalidated) {
            // the request ended its session (sign-out): nothing to count
        }
    }

    private static boolean signedIn(HttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        Authentication authentication = context instanceof SecurityContext c ? c.getAuthentication() : null;
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private void count(String address, HttpSession session) {
        HttpSession[] evicted = new HttpSession[1];
        byAddress.compute(address, (a, sessions) -> {
            Deque<HttpSession> all = sessions == null ? new ArrayDeque<>() : sessions;
            all.addLast(session);
            if (all.size() > perAddress) {
                evicted[0] = all.pollFirst();
            }
            return all;
        });
        if (evicted[0] != null) {
            log.debug("More than {} anonymous sessions from {}: ending the oldest", perAddress, address);
            try {
                evicted[0].invalidate();
            } catch (IllegalStateException alreadyGone) {
                // expired meanwhile
            }
        }
    }

    private void forget(HttpSession session) {
        Object address;
        try {
            address = session.getAttribute(COUNTED_UNDER);
        } catch (IllegalStateException gone) {
            return;
        }
        if (address != null) {
            byAddress.computeIfPresent(address.toString(), (a, sessions) -> {
                sessions.remove(session);
                return sessions.isEmpty() ? null : sessions;
            });
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        forget(event.getSession());
    }

    /** Anonymous sessions counted now, over all addresses. */
    int anonymousSessions() {
        return byAddress.values().stream().mapToInt(Deque::size).sum();
    }
}
