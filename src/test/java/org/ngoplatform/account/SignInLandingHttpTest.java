package org.ngoplatform.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ngoplatform.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Where each role lands after signing in: its own start page, unless a page was asked for first. */
@WebIntegrationTest
class SignInLandingHttpTest {

    @LocalServerPort int port;
    @Autowired AccountFixtures fixtures;
    @Autowired org.ngoplatform.EditionFixtures editions;
    @Autowired org.ngoplatform.registration.RegistrationService registrations;

    @ParameterizedTest(name = "{0} lands on /{1}")
    @CsvSource(value = {"ORGANISER,dashboard", "FACILITATOR,my/groups", "ANALYST,''", "PARTICIPANT,''"})
    void each_role_lands_on_its_own_start_page(Role role, String start) throws Exception {
        AccountPrincipal account = fixtures.create(role);
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.discarding());

        HttpResponse<Void> signedIn = signIn(client, account);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(URI.create(signedIn.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/" + start);
    }

    @org.junit.jupiter.api.Test
    void a_participant_with_a_confirmed_seat_for_an_upcoming_edition_lands_on_their_own_programme() throws Exception {
        var edition = editions.open(20);
        AccountPrincipal account = fixtures.create(Role.PARTICIPANT);
        AccountFixtures.signIn(account);
        try {
            registrations.register(edition.id(), org.ngoplatform.EditionFixtures.request("KOK", "Counsellor"));
        } finally {
            AccountFixtures.signOut();
        }
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.discarding());

        HttpResponse<Void> signedIn = signIn(client, account);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(URI.create(signedIn.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/my/programme");
    }

    @ParameterizedTest(name = "{0} asked for /{1} first and lands there")
    @CsvSource({"ORGANISER,admin/accounts", "FACILITATOR,my/data", "PARTICIPANT,my/registrations"})
    void a_page_asked_for_before_signing_in_wins_over_the_start_page_of_the_role(Role role, String asked) throws Exception {
        AccountPrincipal account = fixtures.create(role);
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<Void> refused = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + asked)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(URI.create(refused.headers().firstValue("Location").orElseThrow()).getPath())
                .as("sent to sign in first").isEqualTo("/login");

        HttpResponse<Void> signedIn = signIn(client, account);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(URI.create(signedIn.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/" + asked);
    }

    private HttpResponse<Void> signIn(HttpClient client, AccountPrincipal account) throws Exception {
        return HttpSignIn.post(client, port, account);
    }
}
