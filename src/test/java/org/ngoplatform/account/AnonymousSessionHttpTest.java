package org.ngoplatform.account;

import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.ngoplatform.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous visitors cannot hold unbounded server memory: a session that never signed in lives a few idle
 * minutes, and one client address holds a bounded number of them. Signed-in sessions keep the configured 30 minutes
 * and are never evicted.
 */
@WebIntegrationTest
class AnonymousSessionHttpTest {

    @LocalServerPort int port;
    @Autowired AccountFixtures fixtures;
    @Autowired ServletWebServerApplicationContext context;
    @Value("${ngo.sessions.anonymous-per-address}") int perAddress;

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpClient browser(String localAddress) throws Exception {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .localAddress(InetAddress.getByName(localAddress)).build();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionId(HttpClient client) {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(c -> c.getValue()).findFirst().orElseThrow();
    }

    private Manager sessions() {
        Context app = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        return app.getManager();
    }

    private Session live(String id) throws Exception {
        Session session = sessions().findSession(id);
        return session != null && session.isValid() ? session : null;
    }

    private long liveSessionsOf(List<String> ids) throws Exception {
        long n = 0;
        for (String id : ids) {
            n += live(id) == null ? 0 : 1;
        }
        return n;
    }

    private String signIn(HttpClient client, AccountPrincipal account) throws Exception {
        get(client, "/login");
        HttpResponse<Void> response = HttpSignIn.post(client, port, account);
        assertThat(response.headers().firstValue("Location")).get().asString().doesNotContain("error");
        get(client, "/");
        return sessionId(client);
    }

    @Test
    void a_session_that_never_signed_in_lives_a_few_idle_minutes_and_signing_in_gives_it_thirty() throws Exception {
        HttpClient client = browser("127.0.0.1");
        get(client, "/");
        Session anonymous = live(sessionId(client));
        assertThat(anonymous).isNotNull();
        assertThat(anonymous.getMaxInactiveInterval()).as("seconds an anonymous session lives idle").isBetween(60, 300);

        String signedIn = signIn(client, fixtures.create(Role.PARTICIPANT));
        assertThat(live(signedIn).getMaxInactiveInterval()).isEqualTo(30 * 60);
        get(client, "/privacy");
        assertThat(live(signedIn).getMaxInactiveInterval()).as("after another page").isEqualTo(30 * 60);
    }

    @Test
    void one_address_holds_at_most_the_cap_of_anonymous_sessions_while_others_and_signed_in_people_are_unaffected() throws Exception {
        // A signed-in person and a visitor from another address, before the flood.
        HttpClient member = browser("127.0.0.1");
        String memberSession = signIn(member, fixtures.create(Role.PARTICIPANT));
        HttpClient neighbour = browser("127.0.0.2");
        get(neighbour, "/");
        String neighbourSession = sessionId(neighbour);

        List<String> flood = new ArrayList<>();
        for (int i = 0; i < perAddress + 5; i++) {
            HttpClient visitor = browser("127.0.0.1");
            get(visitor, "/privacy");
            flood.add(sessionId(visitor));
        }

        assertThat(liveSessionsOf(flood)).as("live anonymous sessions of one address").isLessThanOrEqualTo(perAddress);
        assertThat(live(flood.getLast())).as("the newest visitor keeps their session").isNotNull();
        assertThat(live(neighbourSession)).as("another address's visitor").isNotNull();
        assertThat(live(memberSession)).as("the signed-in person").isNotNull();
        assertThat(get(member, "/").headers().allValues("Set-Cookie")).as("the member is not given a new session")
                .noneMatch(c -> c.startsWith("JSESSIONID="));
    }
}
