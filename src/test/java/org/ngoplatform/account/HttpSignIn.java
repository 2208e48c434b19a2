package org.ngoplatform.account;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The login form posted over plain HTTP, as a browser sends it, for the account module's HTTP tests. */
final class HttpSignIn {

    private HttpSignIn() {
    }

    /** Posts the login form with this account's email and the fixtures' password; the answer is the form's redirect. */
    static HttpResponse<Void> post(HttpClient client, int port, AccountPrincipal account) throws Exception {
        String form = "username=" + URLEncoder.encode(account.getUsername(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(AccountFixtures.PASSWORD, StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
