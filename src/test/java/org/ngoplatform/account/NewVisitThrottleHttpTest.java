package org.ngoplatform.account;

import org.junit.jupiter.api.Test;
import org.ngoplatform.H2DefaultTest;
import org.springframework.beans.factory.annotation.Value;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new-visit throttle in the running app at the production settings (the H2 default context runs on
 * application.properties alone; the test profile widens the throttle): the first new visits of an address beyond its
 * burst are answered by the throttle's page through the whole filter chain, with the app's security headers and no
 * session, while the same address's live session goes on working.
 */
// Runs as a nested class of org.ngoplatform.H2DefaultGroupTest (one test JVM, one context start per suite).
@H2DefaultTest
public abstract class NewVisitThrottleHttpTest {

    @Value("${local.server.port}") int port;
    @Value("${ngo.sessions.new-per-address-burst}") int burst;
    @Value("${ngo.sessions.new-per-address-per-minute}") int perMinute;

    @Test
    public void an_address_beyond_its_burst_of_new_visits_gets_the_throttle_page_while_its_live_session_works() throws Exception {
        // An address of its own, so that no other test of this context shares its bucket.
        try (HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.3")).build()) {
            String liveSession = null;
            int admitted = 0;
            long start = System.nanoTime();
            HttpResponse<String> refused = null;
            // The bucket refills while the visits are made (one a second at the production rate), so the visit that is
            // refused is the first after the burst plus what refilled meanwhile.
            while (refused == null && admitted <= burst + 600) {
                HttpResponse<String> visit = get(client, "/privacy", null);
                if (visit.statusCode() == 429) {
                    refused = visit;
                } else {
                    assertThat(visit.statusCode()).as("new visit " + (admitted + 1)).isEqualTo(200);
                    admitted++;
                    liveSession = visit.headers().allValues("Set-Cookie").stream()
                            .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';')))
                            .findFirst().orElseThrow();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(refused).as("a new visit refused").isNotNull();
            assertThat(admitted).as("new visits admitted in %.1f s", seconds)
                    .isBetween(burst, burst + (int) Math.ceil(seconds * perMinute / 60) + 1);
            assertThat(refused.headers().firstValue("Retry-After")).get().matches(s -> Integer.parseInt(s) >= 1);
            assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
            assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(refused.body()).contains("http-equiv=\"refresh\"").doesNotContain("window.Vaadin");

            HttpResponse<String> inside = get(client, "/privacy", liveSession);
            assertThat(inside.statusCode()).as("the same address with a live session").isEqualTo(200);
            assertThat(inside.body()).contains("window.Vaadin");
        }
    }

    private HttpResponse<String> get(HttpClient client, String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
