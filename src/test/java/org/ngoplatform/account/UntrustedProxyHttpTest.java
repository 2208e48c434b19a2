package org.ngoplatform.account;

import org.junit.jupiter.api.Test;
import org.ngoplatform.WebIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forwarded headers honoured ({@code server.forward-headers-strategy=native}) but only from the configured proxy
 * ({@code server.tomcat.remoteip.internal-proxies}, here 127.0.0.1: {@link WebIntegrationTest#TRUSTED_PROXY}): a
 * client that reaches the app directly from another address (127.0.0.2) cannot claim another address nor HTTPS with
 * its own {@code X-Forwarded-For} / {@code X-Forwarded-Proto}.
 */
@WebIntegrationTest
class UntrustedProxyHttpTest {

    @LocalServerPort int port;

    private final HttpClient client;

    UntrustedProxyHttpTest() throws java.net.UnknownHostException {
        client = HttpClient.newBuilder().localAddress(java.net.InetAddress.getByName(WebIntegrationTest.UNTRUSTED_CLIENT)).build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void x_forwarded_for_from_a_client_outside_the_trusted_proxies_does_not_escape_the_sign_in_throttle() throws Exception {
        // Ten wrong passwords, each claiming another address: honoured, they would be ten pairs under the account's
        // 20 free failures and never throttled; ignored, they are one pair (this client) throttled after five.
        boolean throttled = false;
        for (int i = 1; i <= 10 && !throttled; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Forwarded-For", "203.0.113." + i)
                    .POST(HttpRequest.BodyPublishers.ofString("username=spoofer%40example.org&password=wrong" + i)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(302);
            throttled = response.headers().firstValue("Location").orElse("").contains("throttled=");
        }
        assertThat(throttled).as("throttled by the connection's own address").isTrue();
    }

    @Test
    void x_forwarded_proto_from_a_client_outside_the_trusted_proxies_gives_no_hsts_and_no_secure_cookie() throws Exception {
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().asString().doesNotContainIgnoringCase("secure");
    }
}
