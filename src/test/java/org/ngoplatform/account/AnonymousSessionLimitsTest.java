package org.ngoplatform.account;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The caps on anonymous sessions, without a server: per client address and over all addresses. */
class AnonymousSessionLimitsTest {

    private final AnonymousSessionLimits limits = new AnonymousSessionLimits(Duration.ofMinutes(3), 3, 5,
            Duration.ofMinutes(30), true);

    private MockHttpSession visit(String address) {
        return visit(address, new MockHttpSession());
    }

    private MockHttpSession visit(String address, MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setRemoteAddr(address);
        request.setSession(session);
        limits.afterRequest(request);
        return session;
    }

    private static void signIn(MockHttpSession session) {
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated("maria@example.org", null, AuthorityUtils.createAuthorityList("ROLE_PARTICIPANT"))));
    }

    @Test
    void a_flood_spread_over_many_addresses_each_under_its_cap_ends_the_oldest_anonymous_sessions_beyond_the_global_cap() {
        MockHttpSession member = visit("10.0.0.100");
        signIn(member);
        visit("10.0.0.100", member);

        List<MockHttpSession> flood = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            flood.add(visit("10.0.0." + i)); // one session per address: far under the per-address cap of 3
        }

        assertThat(flood.subList(0, 3)).as("the three oldest anonymous sessions").allMatch(MockHttpSession::isInvalid);
        assertThat(flood.subList(3, 8)).as("the five newest").noneMatch(MockHttpSession::isInvalid);
        assertThat(limits.anonymousSessions()).isEqualTo(5);
        assertThat(member.isInvalid()).as("the signed-in session").isFalse();
        assertThat(member.getMaxInactiveInterval()).isEqualTo(30 * 60);
    }

    @Test
    void one_address_beyond_its_cap_ends_its_own_oldest_session_only() {
        MockHttpSession neighbour = visit("10.0.0.2");
        List<MockHttpSession> flood = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            flood.add(visit("10.0.0.1"));
        }
        assertThat(flood.getFirst().isInvalid()).isTrue();
        assertThat(flood.subList(1, 4)).noneMatch(MockHttpSession::isInvalid);
        assertThat(neighbour.isInvalid()).isFalse();
        assertThat(limits.anonymousSessions()).isEqualTo(4);
    }

    @Test
    void an_expired_or_signed_in_session_frees_its_place_under_the_global_cap() {
        List<MockHttpSession> sessions = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sessions.add(visit("10.0.0." + i));
        }
        sessions.getFirst().invalidate();
        limits.sessionDestroyed(new jakarta.servlet.http.HttpSessionEvent(sessions.getFirst()));
        signIn(sessions.get(1));
        visit("10.0.0.2", sessions.get(1));

        MockHttpSession newcomer = visit("10.0.0.9");
        MockHttpSession another = visit("10.0.0.10");
        assertThat(sessions.subList(1, 5)).noneMatch(MockHttpSession::isInvalid);
        assertThat(newcomer.isInvalid()).isFalse();
        assertThat(another.isInvalid()).isFalse();
        assertThat(limits.anonymousSessions()).isEqualTo(5);
    }

    @Test
    void the_global_cap_never_lets_anonymous_sessions_take_more_than_their_share_of_the_heap() {
        DataSize session = DataSize.ofKilobytes(120);
        assertThat(AnonymousSessionLimits.heapBoundTotal(5000, DataSize.ofMegabytes(256).toBytes(), 0.3, session))
                .as("a 256 MB heap: 30 % of it at 120 KB a session").isEqualTo(655);
        assertThat(AnonymousSessionLimits.heapBoundTotal(5000, DataSize.ofGigabytes(4).toBytes(), 0.3, session))
                .as("a large heap keeps the configured cap").isEqualTo(5000);
        assertThat(new AnonymousSessionLimits(Duration.ofMinutes(3), 100, 5000, 0.3, session, 1, Duration.ofMinutes(30), true).totalCap())
                .as("the application's limits, bounded by this JVM's heap")
                .isEqualTo(AnonymousSessionLimits.heapBoundTotal(5000, Runtime.getRuntime().maxMemory(), 0.3, session));
    }

    @Test
    void the_heap_bound_counts_every_anonymous_session_at_its_most_tabs() {
        DataSize tab = DataSize.ofKilobytes(120);
        assertThat(AnonymousSessionLimits.worstSession(tab, 3)).isEqualTo(DataSize.ofKilobytes(360));
        assertThat(AnonymousSessionLimits.heapBoundTotal(5000, DataSize.ofMegabytes(256).toBytes(), 0.3,
                AnonymousSessionLimits.worstSession(tab, 3)))
                .as("a 256 MB heap: 30 % of it at three tabs of 120 KB a session").isEqualTo(218);
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertThat(new AnonymousSessionLimits(Duration.ofMinutes(3), 100, 1_000_000, 0.3, tab, 3, Duration.ofMinutes(30), true).totalCap())
                .as("this JVM's heap, three tabs a session")
                .isEqualTo(AnonymousSessionLimits.heapBoundTotal(1_000_000, maxHeap, 0.3, DataSize.ofKilobytes(360)))
                .isLessThan(AnonymousSessionLimits.heapBoundTotal(1_000_000, maxHeap, 0.3, tab));
    }
}
