package org.ngoplatform.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ngoplatform.HostileInput;
import org.springframework.jdbc.core.JdbcTemplate;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in, headers and throttling as a browser meets them over HTTP. */
@WebIntegrationTest
class SignInHttpTest {

    @LocalServerPort int port;
    @Autowired AccountFixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accountService;

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String email, String password) throws Exception {
        get("/login");
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_response_carries_the_security_headers() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'none'", "default-src 'self'", "object-src 'none'");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(home.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(home.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(get("/styles/ngo-platform.css").headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void the_login_page_is_the_app_s_own_and_not_spring_security_s_generated_one() throws Exception {
        HttpResponse<String> page = get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("window.Vaadin").doesNotContain("Please sign in");
    }

    @Test
    void a_wrong_password_and_an_unknown_email_get_the_same_answer() throws Exception {
        AccountPrincipal account = fixtures.create(Role.PARTICIPANT);
        HttpResponse<String> wrongPassword = login(account.getUsername(), "not-the-password-1");
        HttpResponse<String> unknown = login("nobody-" + UUID.randomUUID() + "@example.org", "not-the-password-1");

        assertThat(wrongPassword.statusCode()).isEqualTo(302);
        assertThat(wrongPassword.headers().firstValue("Location")).get().asString().endsWith("/login?error");
        assertThat(unknown.statusCode()).isEqualTo(wrongPassword.statusCode());
        assertThat(unknown.headers().firstValue("Location")).isEqualTo(wrongPassword.headers().firstValue("Location"));
    }

    @Test
    void the_right_password_signs_in_and_changes_the_session_id() throws Exception {
        AccountPrincipal account = fixtures.create(Role.PARTICIPANT);
        get("/login");
        String before = sessionCookie();
        HttpResponse<String> ok = login(account.getUsername(), AccountFixtures.PASSWORD);

        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location")).get().asString().doesNotContain("error");
        assertThat(sessionCookie()).isNotEqualTo(before);
    }

    @Test
    void repeated_failures_pause_sign_in_with_a_clear_message_even_for_the_right_password() throws Exception {
        AccountPrincipal account = fixtures.create(Role.PARTICIPANT);
        for (int i = 0; i < 5; i++) {
            login(account.getUsername(), "wrong-password-" + i);
        }
        HttpResponse<String> paused = login(account.getUsername(), AccountFixtures.PASSWORD);

        assertThat(paused.statusCode()).isEqualTo(302);
        // From the same address the right password waits too (or the pause would tell a guesser the password is right).
        assertThat(paused.headers().firstValue("Location")).get().asString().matches(".*/login\\?throttled=\\d+$");
    }

    @Test
    void ten_simultaneous_sign_ins_to_one_account_all_succeed() throws Exception {
        AccountPrincipal account = fixtures.create(Role.PARTICIPANT);
        String form = "username=" + URLEncoder.encode(account.getUsername(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(AccountFixtures.PASSWORD, StandardCharsets.UTF_8);
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(10)) {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    HttpClient own = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
                    start.await();
                    return own.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                            HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            for (var answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).isEqualTo(302);
                assertThat(response.headers().firstValue("Location")).get().asString().doesNotContain("error");
            }
        }
        assertThat(jdbc.queryForObject("select last_login_at from account where id = ?", java.sql.Timestamp.class,
                account.accountId())).isNotNull();
    }

    @Test
    void a_sign_in_posted_from_another_origin_without_a_session_does_not_sign_in() throws Exception {
        AccountPrincipal account = fixtures.create(Role.PARTICIPANT);
        String form = "username=" + URLEncoder.encode(account.getUsername(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(AccountFixtures.PASSWORD, StandardCharsets.UTF_8);
        for (String[] header : new String[][]{{"Origin", "https://evil.example"}, {"Origin", "null"},
                {"Referer", "https://evil.example/page.html"}}) {
            HttpClient fresh = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            HttpResponse<String> answer = fresh.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header(header[0], header[1])
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(header[0] + ": " + header[1]).isEqualTo(403);
        }
        assertThat(jdbc.queryForObject("select last_login_at from account where id = ?", java.sql.Timestamp.class,
                account.accountId())).as("never signed in").isNull();
        // The same post from the app's own origin signs in.
        HttpResponse<String> own = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "http://localhost:" + port)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(own.headers().firstValue("Location")).get().asString().doesNotContain("error");
    }

    @Test
    void a_one_time_password_signs_in_once_and_never_after_a_day() throws Exception {
        String once = "one-time-" + UUID.randomUUID() + "@example.org";
        String password = FirstOrganiserBootstrap.generatePassword();
        accountService.createSystemAccount(once, "First", password, java.util.EnumSet.of(Role.PARTICIPANT), null,
                java.time.Duration.ofDays(1));

        assertThat(login(once, password).headers().firstValue("Location")).get().asString().doesNotContain("error");
        HttpClient other = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> again = other.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(once, StandardCharsets.UTF_8)
                                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.headers().firstValue("Location")).as("used once").get().asString().endsWith("/login?error");

        String stale = "one-time-" + UUID.randomUUID() + "@example.org";
        accountService.createSystemAccount(stale, "First", password, java.util.EnumSet.of(Role.PARTICIPANT), null,
                java.time.Duration.ofDays(1));
        jdbc.update("update account set one_time_password_until = ? where email = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), stale);
        HttpClient third = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> late = third.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(stale, StandardCharsets.UTF_8)
                                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(late.headers().firstValue("Location")).as("after a day").get().asString().endsWith("/login?error");
    }

    static java.util.stream.Stream<String> hostile() {
        return HostileInput.texts();
    }

    /** One attempt per text (the address limit of 20 failures is shared with the other tests here). */
    @ParameterizedTest
    @MethodSource("hostile")
    void hostile_text_as_email_and_password_is_an_ordinary_failed_sign_in(String text) throws Exception {
        int accounts = jdbc.queryForObject("select count(*) from account", Integer.class);
        HttpResponse<String> answer = login(text, text);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).get().asString().matches(".*/login\\?(error|throttled=\\d+)$");
        assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(accounts);
    }

    private String sessionCookie() {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(Object::toString).findFirst().orElse("");
    }
}
