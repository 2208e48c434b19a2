package org.ngoplatform;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import org.junit.jupiter.api.Test;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README promises that the app runs without MariaDB on an embedded H2 in MariaDB mode. This boots it
 * exactly so (only the file moves to a temporary folder: {@link H2DefaultTest}), applies every migration, and loads
 * the home page.
 */
@H2DefaultTest
// Runs as a nested class of org.ngoplatform.H2DefaultGroupTest (one test JVM, one context start per suite).
public abstract class H2DefaultBootTest extends SpringBrowserlessTest {

    @Value("${local.server.port}") int port;
    @Autowired EditionService editions;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.ngoplatform.privacy.PrivacyNoticeService notices;

    @Test
    void app_starts_on_h2_with_all_migrations_and_serves_the_home_page() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success = false", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from account a join account_role r on r.account_id = a.id
                where r.role = 'ORGANISER' and a.email = 'organiser@ngo-platform.local'""", Integer.class))
                .as("first organiser created on an empty database").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from account where email like '%@demo.ngo-platform.local'", Integer.class))
                .as("no demo accounts without the demo profile").isZero();
        assertThat(editions.past()).extracting(EditionSummary::city)
                .containsExactly("Tallinn", "Rome", "Berlin", "Skopje", "Kyiv", "Warsaw");

        // The notice's texts per language live in a TEXT column (a CLOB on H2): written and read through plain JDBC.
        assertThat(notices.current().text(java.util.Locale.GERMAN)).startsWith("## Wer wir sind\nDie NGO Platform");
        jdbc.update("update privacy_notice_translation set body = ? where language = 'de' and notice_id ="
                + " (select id from privacy_notice where version_label = '2026-11')", "## Wer wir sind\nÄ 👋 " + "x".repeat(9_000));
        assertThat(notices.current().text(java.util.Locale.GERMAN)).isEqualTo("## Wer wir sind\nÄ 👋 " + "x".repeat(9_000));

        HttpResponse<String> home = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("window.Vaadin");

        HttpResponse<String> unknown = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/no-such-page")).build(),
                HttpResponse.BodyHandlers.ofString());
        // The app shell is served (200) and the router shows the not-found view; before the fix this was a 302 to /login.
        assertThat(unknown.statusCode()).as("unknown address is served, not redirected to sign-in").isEqualTo(200);

        navigate("", Component.class);
        Div past = find(Div.class).withId("past-editions").single();
        assertThat(find(H3.class, past).all()).extracting(H3::getText)
                .contains("Tallinn, Estonia", "Warsaw, Poland");
    }
}
