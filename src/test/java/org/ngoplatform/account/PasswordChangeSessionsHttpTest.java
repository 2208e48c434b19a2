package org.ngoplatform.account;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A password change signs the person out of their other browsers, as those browsers meet it over HTTP. */
@WebIntegrationTest
class PasswordChangeSessionsHttpTest {

    @LocalServerPort int port;
    @Autowired AccountFixtures fixtures;
    @Autowired MyAccountService myAccount;
    @Autowired SessionRegistry sessions;

    private final HttpClient bare = HttpClient.newHttpClient();

    @AfterEach
    void cleanUp() {
        AccountFixtures.signOut();
        RequestContextHolder.resetRequestAttributes();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Signs in from a browser of its own; returns that browser's session id. */
    private String signInFromNewBrowser(AccountPrincipal account) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(account.getUsername(), StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(AccountFixtures.PASSWORD, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
        return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(c -> c.getValue()).findFirst().orElseThrow();
    }

    /** Whether the server still knows the session behind this id (it would start a new one otherwise). */
    private boolean serverKnows(String sessionId) throws Exception {
        HttpResponse<String> response = bare.send(HttpRequest.newBuilder(uri("/privacy"))
                .header("Cookie", "JSESSIONID=" + sessionId).build(), HttpResponse.BodyHandlers.ofString());
        return response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID="));
    }

    @Test
    void a_password_change_signs_out_the_other_browsers_and_keeps_this_one() throws Exception {
        AccountPrincipal account = fixtures.create(Role.PARTICIPANT);
        String here = signInFromNewBrowser(account);
        String elsewhere = signInFromNewBrowser(account);
        assertThat(serverKnows(here)).isTrue();
        assertThat(serverKnows(elsewhere)).isTrue();

        // the change as the view makes it, in the first browser's session
        AccountFixtures.signIn(account);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(new MockHttpSession(null, here));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        myAccount.changePassword(AccountFixtures.PASSWORD, "a-much-better-secret-42", "10.77.0.1");

        assertThat(sessions.getSessionInformation(elsewhere).isExpired()).isTrue();
        serverKnows(elsewhere); // the next request of the other browser ends its session
        assertThat(serverKnows(elsewhere)).as("the other browser's session").isFalse();
        assertThat(serverKnows(here)).as("this browser's session").isTrue();
        assertThat(sessions.getSessionInformation(here).isExpired()).isFalse();
    }
}
