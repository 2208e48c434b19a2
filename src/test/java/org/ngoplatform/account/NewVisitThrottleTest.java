package org.ngoplatform.account;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.ngoplatform.base.i18n.MessagesI18NProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new-visit throttle at the production settings of application.properties (the test profile widens them, because
 * every test visit comes from 127.0.0.1): what one address can make the server build, and who is never refused.
 */
class NewVisitThrottleTest {

    private final LoginThrottleTest.MutableClock clock = new LoginThrottleTest.MutableClock();
    private final Properties production = productionProperties();
    private final long burst = Long.parseLong(production.getProperty("ngo.sessions.new-per-address-burst"));
    private final long perMinute = Long.parseLong(production.getProperty("ngo.sessions.new-per-address-per-minute"));
    private final NewVisitThrottle throttle = new NewVisitThrottle(new MessagesI18NProvider(), clock, burst, perMinute,
            Long.parseLong(production.getProperty("ngo.sessions.new-per-address-keys")),
            Long.parseLong(production.getProperty("ngo.sessions.new-total-burst")),
            Long.parseLong(production.getProperty("ngo.sessions.new-total-per-minute")), true);
    /** Requests that got past the throttle into the application. */
    private final AtomicInteger reachedTheApp = new AtomicInteger();

    private static Properties productionProperties() {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockHttpServletRequest newVisit(String address, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        request.setRequestedSessionIdValid(false); // Tomcat's answer for a request without a session cookie
        return request;
    }

    /** The request carries a session cookie, of a live session or of one that has ended. */
    private static MockHttpServletRequest withSession(MockHttpServletRequest request, String id, boolean live) {
        request.setRequestedSessionId(id);
        request.setRequestedSessionIdValid(live);
        return request;
    }

    private MockHttpServletResponse send(HttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        throttle.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                reachedTheApp.incrementAndGet();
            }
        });
        return response;
    }

    @Test
    void production_settings_let_an_office_arrive_at_once_and_then_one_more_person_a_second() {
        assertThat(burst).as("new sessions one address may open at once").isBetween(30L, 200L);
        assertThat(perMinute).as("then new sessions a minute").isBetween(30L, 600L);
    }

    @Test
    void a_flood_of_new_visits_from_one_address_reaches_the_app_only_at_the_bucket_s_rate() throws Exception {
        int refused = 0;
        // 10,000 new visits within one minute (one every 6 ms), as the flood.
        for (int i = 0; i < 10_000; i++) {
            MockHttpServletResponse response = send(newVisit("203.0.113.7", "/"));
            if (response.getStatus() == 429) {
                refused++;
            }
            clock.now = clock.now.plusMillis(6);
        }
        long allowed = burst + perMinute; // the burst, then a minute's refill
        assertThat(reachedTheApp.get()).as("visits that reached the app").isBetween((int) allowed - 2, (int) allowed);
        assertThat(refused).isEqualTo(10_000 - reachedTheApp.get());
        assertThat(throttle.trackedAddresses()).isEqualTo(1);
    }

    @Test
    void a_flood_spread_over_many_addresses_each_under_its_rate_reaches_the_app_only_at_the_total_rate() throws Exception {
        long totalBurst = Long.parseLong(production.getProperty("ngo.sessions.new-total-burst"));
        long totalPerMinute = Long.parseLong(production.getProperty("ngo.sessions.new-total-per-minute"));
        int unavailable = 0;
        // 10,000 new visits within one minute from 1,000 addresses: 10 each, far under one address's rate.
        for (int i = 0; i < 10_000; i++) {
            MockHttpServletResponse response = send(newVisit("198.51.%d.%d".formatted(i % 1000 / 250, i % 250), "/"));
            if (response.getStatus() == 503) {
                unavailable++;
                assertThat(response.getHeader("Retry-After")).isNotNull();
                assertThat(response.getContentAsString()).contains("Very many people");
            }
            clock.now = clock.now.plusMillis(6);
        }
        long allowed = totalBurst + totalPerMinute;
        assertThat(reachedTheApp.get()).as("visits that reached the app").isBetween((int) allowed - 2, (int) allowed);
        assertThat(unavailable).isEqualTo(10_000 - reachedTheApp.get());

        MockHttpServletRequest signedIn = withSession(newVisit("198.51.0.1", "/my/registrations"), "live", true);
        assertThat(send(signedIn).getStatus()).as("a request with a live session during the flood").isEqualTo(200);
    }

    @Test
    void a_refused_visit_is_told_in_its_language_when_the_page_tries_again_and_creates_no_session() throws Exception {
        for (int i = 0; i < burst; i++) {
            assertThat(send(newVisit("203.0.113.8", "/")).getStatus()).isEqualTo(200);
        }
        MockHttpServletRequest request = newVisit("203.0.113.8", "/editions");
        request.addHeader("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5");
        MockHttpServletResponse response = send(request);

        assertThat(response.getStatus()).isEqualTo(429);
        long retryAfter = Long.parseLong(response.getHeader("Retry-After"));
        assertThat(retryAfter).as("seconds until one more new session is allowed")
                .isEqualTo(Math.ceilDiv(60L, perMinute));
        java.util.regex.Matcher refresh = java.util.regex.Pattern.compile("http-equiv=\"refresh\" content=\"(\\d+)\"")
                .matcher(response.getContentAsString());
        assertThat(refresh.find()).as("the page tries again by itself").isTrue();
        long retryIn = Long.parseLong(refresh.group(1));
        assertThat(retryIn).as("not before Retry-After, spread over as long again").isBetween(retryAfter, 2 * retryAfter);
        assertThat(response.getContentAsString())
                .contains("<html lang=\"ru\"", "через " + retryIn + " с", "из вашей сети")
                .doesNotContain("!visits");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getCharacterEncoding()).isEqualToIgnoringCase("UTF-8");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(request.getSession(false)).as("no session made for a refused visit").isNull();

        clock.now = clock.now.plusSeconds(retryAfter);
        assertThat(send(newVisit("203.0.113.8", "/")).getStatus()).as("after Retry-After").isEqualTo(200);
    }

    @Test
    void requests_with_a_live_session_static_files_and_other_addresses_are_never_refused() throws Exception {
        for (int i = 0; i < burst + 5; i++) {
            send(newVisit("203.0.113.9", "/"));
        }
        int before = reachedTheApp.get();

        MockHttpServletRequest signedIn = withSession(newVisit("203.0.113.9", "/my/registrations"), "live", true);
        assertThat(send(signedIn).getStatus()).as("a request with a live session").isEqualTo(200);
        for (String file : new String[]{"/VAADIN/build/indexhtml.js", "/styles/app.css", "/favicon.ico", "/sw.js",
                "/icons/icon.png", "/images/logo.svg"}) {
            assertThat(send(newVisit("203.0.113.9", file)).getStatus()).as(file).isEqualTo(200);
        }
        assertThat(send(newVisit("203.0.113.10", "/")).getStatus()).as("another address").isEqualTo(200);
        assertThat(reachedTheApp.get() - before).isEqualTo(1 + 6 + 1);

        MockHttpServletRequest expired = withSession(newVisit("203.0.113.9", "/"), "gone", false);
        assertThat(send(expired).getStatus()).as("a cookie of an ended session is a new visit").isEqualTo(429);
    }

    @Test
    void an_address_is_forgotten_once_its_bucket_would_be_full_again_and_the_addresses_kept_are_bounded() throws Exception {
        // The bound itself with a small number of keys (the production 20,000 would take a minute of mock requests).
        NewVisitThrottle small = new NewVisitThrottle(new MessagesI18NProvider(), clock, burst, perMinute, 100,
                1_000_000, 1_000_000, true);
        for (int i = 0; i < 1_000; i++) {
            small.doFilter(newVisit("10.0.%d.%d".formatted(i >> 8, i & 255), "/"), new MockHttpServletResponse(),
                    new MockFilterChain());
        }
        assertThat(small.trackedAddresses()).as("addresses kept").isLessThanOrEqualTo(100);

        send(newVisit("10.1.0.1", "/"));
        assertThat(throttle.trackedAddresses()).isEqualTo(1);
        clock.now = clock.now.plus(Duration.ofMillis(Math.ceilDiv(burst * 60_000L, perMinute)).plusSeconds(1));
        assertThat(throttle.trackedAddresses()).as("after a full refill").isZero();
    }

    @Test
    void the_visitor_s_language_comes_from_accept_language_among_the_app_s_languages() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        assertThat(NewVisitThrottle.languageOf(request).getLanguage()).isEqualTo("en");
        request.addHeader("Accept-Language", "de-AT,de;q=0.8");
        assertThat(NewVisitThrottle.languageOf(request).getLanguage()).isEqualTo("de");
        MockHttpServletRequest french = new MockHttpServletRequest();
        french.addHeader("Accept-Language", "fr-FR");
        assertThat(NewVisitThrottle.languageOf(french).getLanguage()).isEqualTo("en");
        MockHttpServletRequest malformed = new MockHttpServletRequest();
        malformed.addHeader("Accept-Language", ";;;q=x");
        assertThat(NewVisitThrottle.languageOf(malformed).getLanguage()).isEqualTo("en");
    }
}
