package org.ngoplatform.account;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;
import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.ngoplatform.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One session cannot fill the server with Vaadin UIs by asking for new ones ({@code ?v-r=init}, what every page load
 * does) faster than Vaadin's heartbeat expiry drops them: an anonymous session keeps its last few tabs, a signed-in
 * one more, and nobody else's session loses a tab.
 */
@WebIntegrationTest
class OpenTabsLimitHttpTest {

    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");

    @LocalServerPort int port;
    @Autowired AccountFixtures fixtures;
    @Autowired ServletWebServerApplicationContext context;
    @Value("${ngo.sessions.anonymous-tabs}") int anonymousTabs;
    @Value("${ngo.sessions.signed-in-tabs}") int signedInTabs;

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a tab the way the browser's bootstrap does; returns the new UI's id. */
    private int openTab(HttpClient client) throws Exception {
        HttpResponse<String> init = get(client, "/?v-r=init&location=&query=");
        assertThat(init.statusCode()).isEqualTo(200);
        Matcher id = UI_ID.matcher(init.body());
        assertThat(id.find()).as("the init answer names its UI: %s", init.body()).isTrue();
        return Integer.parseInt(id.group(1));
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private static String sessionId(HttpClient client) {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(c -> c.getValue()).findFirst().orElseThrow();
    }

    /** The ids of the UIs the server keeps for this client's session. */
    private List<Integer> openUiIds(HttpClient client) {
        Context app = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        org.apache.catalina.Session tomcat;
        try {
            tomcat = app.getManager().findSession(sessionId(client));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        HttpSession http = tomcat.getSession();
        for (String name : Collections.list(http.getAttributeNames())) {
            if (http.getAttribute(name) instanceof VaadinSession vaadin) {
                vaadin.lock();
                try {
                    return vaadin.getUIs().stream().filter(ui -> !ui.isClosing()).map(UI::getUIId).sorted().toList();
                } finally {
                    vaadin.unlock();
                }
            }
        }
        throw new AssertionError("no Vaadin session in " + sessionId(client));
    }

    private void signIn(HttpClient client, AccountPrincipal account) throws Exception {
        get(client, "/login");
        HttpResponse<Void> response = HttpSignIn.post(client, port, account);
        assertThat(response.headers().firstValue("Location")).get().asString().doesNotContain("error");
        get(client, "/");
    }

    @Test
    void an_anonymous_session_asking_for_ever_new_tabs_keeps_only_its_newest_few() throws Exception {
        HttpClient neighbour = browser();
        get(neighbour, "/");
        int neighbourTab = openTab(neighbour);

        HttpClient visitor = browser();
        get(visitor, "/");
        int newest = 0;
        for (int i = 0; i < anonymousTabs + 30; i++) {
            newest = openTab(visitor);
        }

        List<Integer> kept = openUiIds(visitor);
        assertThat(kept).as("tabs the visitor's session keeps").hasSize(anonymousTabs).contains(newest);
        assertThat(kept.getFirst()).as("the oldest kept tab is one of the last few opened").isGreaterThan(newest - anonymousTabs);
        assertThat(openUiIds(neighbour)).as("another visitor's tab").containsExactly(neighbourTab);
    }

    @Test
    void a_signed_in_session_keeps_many_tabs_but_not_without_end() throws Exception {
        HttpClient member = browser();
        signIn(member, fixtures.create(Role.PARTICIPANT));
        for (int i = 0; i < anonymousTabs + 1; i++) {
            openTab(member);
        }
        assertThat(openUiIds(member)).as("a few tabs of a signed-in person stay open")
                .hasSizeGreaterThanOrEqualTo(Math.min(signedInTabs, anonymousTabs + 1));

        int newest = 0;
        for (int i = 0; i < signedInTabs + 10; i++) {
            newest = openTab(member);
        }
        assertThat(openUiIds(member)).as("tabs the signed-in session keeps").hasSize(signedInTabs).contains(newest);
    }
}
