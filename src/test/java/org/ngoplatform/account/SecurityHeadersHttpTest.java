package org.ngoplatform.account;

import org.junit.jupiter.api.Test;
import org.ngoplatform.WebIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security headers as a browser meets them over HTTP: the CSP's own-origin connections, Tomcat's own error page, and
 * the app behind a TLS-terminating proxy that says so in {@code X-Forwarded-Proto} (forwarded headers honoured as
 * the operator configures with {@code server.forward-headers-strategy=native}; the test client on 127.0.0.1 is the
 * trusted proxy, {@link WebIntegrationTest#TRUSTED_PROXY}).
 */
@WebIntegrationTest
class SecurityHeadersHttpTest {

    private static final List<String> SECURITY_HEADERS = List.of("content-security-policy", "x-content-type-options",
            "x-frame-options", "referrer-policy");

    @LocalServerPort int port;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) request.headers(headers);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Status line and headers (names in lower case) of a request sent byte for byte, as no HTTP client would. */
    private Map<String, String> raw(String requestHead) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.write(buffer, 0, n);
                if (received.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) break;
            }
            String head = received.toString(StandardCharsets.ISO_8859_1).split("\r\n\r\n", 2)[0];
            Map<String, String> headers = new LinkedHashMap<>();
            String[] lines = head.split("\r\n");
            headers.put(":status", lines[0]);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return headers;
        }
    }

    @Test
    void the_content_security_policy_lets_pages_connect_to_their_own_origin_only() throws Exception {
        String csp = get("/").headers().firstValue("Content-Security-Policy").orElseThrow();

        assertThat(csp).contains("connect-src 'self'").doesNotContain("ws:", "wss:");
    }

    @Test
    void tomcats_own_400_page_for_a_malformed_address_carries_the_security_headers() throws Exception {
        HttpResponse<String> home = get("/");
        Map<String, String> badRequest = raw("GET /% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(badRequest.get(":status")).contains(" 400");
        for (String header : SECURITY_HEADERS) {
            assertThat(badRequest.get(header)).as(header).isEqualTo(home.headers().firstValue(header).orElseThrow());
        }
    }

    @Test
    void tomcats_own_400_page_for_an_illegal_header_carries_the_security_headers() throws Exception {
        HttpResponse<String> home = get("/");
        Map<String, String> badRequest = raw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\u0001b\r\nConnection: close\r\n\r\n");

        assertThat(badRequest.get(":status")).contains(" 400");
        for (String header : SECURITY_HEADERS) {
            assertThat(badRequest.get(header)).as(header).isEqualTo(home.headers().firstValue(header).orElseThrow());
        }
    }

    @Test
    void behind_a_tls_terminating_proxy_responses_carry_hsts_and_a_secure_session_cookie() throws Exception {
        HttpResponse<String> login = get("/login", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Strict-Transport-Security")).get().asString()
                .contains("max-age=31536000", "includeSubDomains");
        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().asString().containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
        Map<String, String> badRequest = raw("GET /% HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n");
        assertThat(badRequest.get(":status")).contains(" 400");
        assertThat(badRequest.get("strict-transport-security")).as("HSTS on Tomcat's own 400 page behind the proxy")
                .isEqualTo(login.headers().firstValue("Strict-Transport-Security").orElseThrow());
    }

    @Test
    void over_plain_http_there_is_no_hsts_and_the_session_cookie_is_not_secure_only() throws Exception {
        HttpResponse<String> login = get("/login");

        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().asString().doesNotContainIgnoringCase("secure");
    }
}
