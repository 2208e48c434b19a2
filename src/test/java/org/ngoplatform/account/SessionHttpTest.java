package org.ngoplatform.account;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.ngoplatform.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Logout ends the server session, and sessions time out: as a browser meets it over HTTP. */
@WebIntegrationTest
class SessionHttpTest {

    @LocalServerPort int port;
    @Autowired AccountFixtures fixtures;
    @Autowired ServletContext servletContext;

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final HttpClient bare = HttpClient.newHttpClient();

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the server still knows the session behind this id (it would start a new one otherwise). */
    private boolean serverKnows(String sessionId) throws Exception {
        HttpResponse<String> response = bare.send(HttpRequest.newBuilder(uri("/privacy"))
                .header("Cookie", "JSESSIONID=" + sessionId).build(), HttpResponse.BodyHandlers.ofString());
        return response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID="));
    }

    private String sessionId() {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(c -> c.getValue()).findFirst().orElseThrow();
    }

    @Test
    void logout_invalidates_the_server_session() throws Exception {
        AccountPrincipal account = fixtures.create(Role.PARTICIPANT);
        get("/login");
        HttpResponse<String> signedIn = post("/login", "username=" + URLEncoder.encode(account.getUsername(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(AccountFixtures.PASSWORD, StandardCharsets.UTF_8));
        assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
        String session = sessionId();
        HttpResponse<String> page = get("/");
        assertThat(serverKnows(session)).as("a live session is recognised").isTrue();

        String csrf = csrfToken(page.body()).orElse("");
        HttpResponse<String> loggedOut = post("/logout", "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));

        assertThat(loggedOut.statusCode()).isEqualTo(302);
        assertThat(serverKnows(session)).as("the old session id after logout").isFalse();
    }

    @Test
    void sessions_time_out_after_thirty_idle_minutes() {
        assertThat(servletContext.getSessionTimeout()).isEqualTo(30);
    }

    private static Optional<String> csrfToken(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
