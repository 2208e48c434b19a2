package org.ngoplatform.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.ngoplatform.base.security.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds what visitors who never signed in can hold in server memory (a Vaadin session costs about 100 KB).
 * A session that has not signed in lives {@code ngo.sessions.anonymous-timeout} idle (an open tab keeps it alive
 * through Vaadin's heartbeat); at sign-in it gets {@code server.servlet.session.timeout}. One client address holds at
 * most {@code ngo.sessions.anonymous-per-address} anonymous sessions: a further one ends that address's oldest. All
 * addresses together hold at most {@code ngo.sessions.anonymous-total} (a flood spread over many addresses): a
 * further one ends the oldest anonymous session of any address. That global cap is also bounded by the heap: at most
 * {@code ngo.sessions.anonymous-heap-share} of the maximum heap, at {@code ngo.sessions.anonymous-session-size} a
 * tab (what a visit to the home page keeps, measured in docs/performance.md) times the tabs an anonymous session may
 * hold ({@code ngo.sessions.anonymous-tabs}, {@link OpenTabsLimit}), so a flood from many addresses cannot fill a small
 * heap whatever {@code anonymous-total} says, even with every session at its most tabs. Signed-in sessions are never
 * counted nor ended here. The client address is the connection's ({@code getRemoteAddr()}).
 */
@Component
class AnonymousSessionLimits implements HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(AnonymousSessionLimits.class);
    /** Session attribute: the client address an anonymous session is counted under. */
    private static final String COUNTED_UNDER = AnonymousSessionLimits.class.getName() + ".address";

    private final int anonymousSeconds;
    private final int signedInSeconds;
    private final int perAddress;
    private final int total;
    private final boolean enabled;
    /** Per client address, its anonymous sessions, oldest first. Guarded by {@code this}. */
    private final Map<String, Deque<HttpSession>> byAddress = new HashMap<>();
    /** Every anonymous session counted, oldest first, with the address it is counted under. Guarded by {@code this}. */
    private final Map<HttpSession, String> oldestFirst = new LinkedHashMap<>();

    @Autowired
    AnonymousSessionLimits(@Value("${ngo.sessions.anonymous-timeout}") Duration anonymousTimeout,
                           @Value("${ngo.sessions.anonymous-per-address}") int perAddress,
                           @Value("${ngo.sessions.anonymous-total}") int total,
                           @Value("${ngo.sessions.anonymous-heap-share}") double heapShare,
                           @Value("${ngo.sessions.anonymous-session-size}") DataSize tabSize,
                           @Value("${ngo.sessions.anonymous-tabs}") int tabsPerSession,
                           @Value("${server.servlet.session.timeout:30m}") Duration signedInTimeout,
                           @Value("${ngo.sessions.limit-anonymous:true}") boolean enabled) {
        this(anonymousTimeout, perAddress,
                heapBoundTotal(total, Runtime.getRuntime().maxMemory(), heapShare, worstSession(tabSize, tabsPerSession)),
                signedInTimeout, enabled);
        if (enabled && this.total < total) {
            log.info("At most {} anonymous sessions in all ({} of the {} MB heap at {} KB each; ngo.sessions.anonymous-total is {})",
                    this.total, heapShare, Runtime.getRuntime().maxMemory() >> 20,
                    worstSession(tabSize, tabsPerSession).toKilobytes(), total);
        }
    }

    AnonymousSessionLimits(Duration anonymousTimeout, int perAddress, int total, Duration signedInTimeout, boolean enabled) {
        this.anonymousSeconds = (int) anonymousTimeout.toSeconds();
        this.signedInSeconds = (int) signedInTimeout.toSeconds();
        this.perAddress = perAddress;
        this.total = total;
        this.enabled = enabled;
    }

    /** What an anonymous session can keep at most: its most tabs at a visit's size each. */
    static DataSize worstSession(DataSize tabSize, int tabsPerSession) {
        return DataSize.ofBytes(tabSize.toBytes() * Math.max(1, tabsPerSession));
    }

    /** The global cap: {@code total}, or fewer where that many sessions would take more than the heap's share. */
    static int heapBoundTotal(int total, long maxHeapBytes, double heapShare, DataSize sessionSize) {
        long fits = (long) (maxHeapBytes * heapShare) / Math.max(1, sessionSize.toBytes());
        return (int) Math.max(1, Math.min(total, fits));
    }

    /** The global cap in force. */
    int totalCap() {
        return total;
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
        return context instanceof SecurityContext c && SignedIn.is(c.getAuthentication());
    }

    private void count(String address, HttpSession session) {
        List<HttpSession> evicted = new ArrayList<>(2);
        synchronized (this) {
            Deque<HttpSession> ofAddress = byAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
            ofAddress.addLast(session);
            oldestFirst.put(session, address);
            if (ofAddress.size() > perAddress) {
                HttpSession oldest = ofAddress.peekFirst();
                uncount(oldest, address);
                evicted.add(oldest);
            }
            if (oldestFirst.size() > total) {
                Map.Entry<HttpSession, String> oldest = oldestFirst.entrySet().iterator().next();
                uncount(oldest.getKey(), oldest.getValue());
                evicted.add(oldest.getKey());
            }
        }
        for (HttpSession oldest : evicted) {
            log.debug("More than {} anonymous sessions from {} or {} in all: ending the oldest", perAddress, address, total);
            try {
                oldest.invalidate();
            } catch (IllegalStateException alreadyGone) {
                // expired meanwhile
            }
        }
    }

    private void uncount(HttpSession session, String address) {
        oldestFirst.remove(session);
        Deque<HttpSession> ofAddress = byAddress.get(address);
        if (ofAddress != null) {
            ofAddress.remove(session);
            if (ofAddress.isEmpty()) {
                byAddress.remove(address);
            }
        }
    }

    private void forget(HttpSession session) {
        Object address;
        try {
            address = session.getAttribute(COUNTED_UNDER);
        } catch (IllegalStateException gone) {
            address = null;
        }
        synchronized (this) {
            String countedUnder = address != null ? address.toString() : oldestFirst.get(session);
            if (countedUnder != null) {
                uncount(session, countedUnder);
            }
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        forget(event.getSession());
    }

    /** Anonymous sessions counted now, over all addresses. */
    synchronized int anonymousSessions() {
        return oldestFirst.size();
    }
}
