package org.ngoplatform.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.HostileInput;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.PasswordResetService;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.account.SignUpRequest;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.organisation.OrganisationService;
import org.ngoplatform.registration.RegistrationFilter;
import org.ngoplatform.registration.RegistrationRequest;
import org.ngoplatform.registration.RegistrationAdminService;
import org.ngoplatform.registration.RegistrationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile text in the service entry points behind the forms: empty, 100,000 characters, control characters,
 * right-to-left and emoji, markup. Each is either refused with the form's own clear rejection, or stored
 * exactly as typed (shown literally later); nothing else escapes and a refusal writes nothing.
 */
@IntegrationTest
class BadInputTest {

    static Stream<String> hostile() {
        return HostileInput.texts();
    }

    @Autowired AccountService accounts;
    @Autowired PasswordResetService resets;
    @Autowired OrganisationService organisations;
    @Autowired RegistrationService registrations;
    @Autowired RegistrationAdminService registrationAdmin;
    @Autowired AccountFixtures fixtures;
    @Autowired EditionFixtures editions;
    @Autowired AuditLog auditLog;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private boolean acceptedOrClearlyRefused(Supplier<?> action, String... tables) {
        return new HostileInput(jdbc).acceptedOrClearlyRefused(action, tables);
    }

    private static SignUpRequest signUp(String email) {
        var r = new SignUpRequest();
        r.setEmail(email);
        r.setDisplayName("Anna Novak");
        r.setOrganisationName("La Strada Poland");
        r.setCountryCode("PL");
        r.setPassword("Warsaw 2005 platform!");
        r.setPrivacyConsent(true);
        return r;
    }

    private static String uniqueEmail() {
        return "bad-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void sign_up_name_organisation_email_and_password(String text) {
        String email = uniqueEmail();
        var name = signUp(email);
        name.setDisplayName(text);
        if (acceptedOrClearlyRefused(() -> accounts.signUp(name), "account", "organisation", "mail_outbox")) {
            assertThat(jdbc.queryForObject("select display_name from account where email = ?", String.class, email))
                    .isEqualTo(text.strip());
        }
        String email2 = uniqueEmail();
        var org = signUp(email2);
        org.setOrganisationName(text);
        if (acceptedOrClearlyRefused(() -> accounts.signUp(org), "account", "organisation", "mail_outbox")) {
            assertThat(jdbc.queryForObject("select o.name from account a join organisation o on o.id = a.organisation_id where a.email = ?",
                    String.class, email2)).isEqualTo(text.strip());
        }
        var mail = signUp(text + "@example.org");
        mail.setEmail(text);
        acceptedOrClearlyRefused(() -> accounts.signUp(mail), "account", "organisation", "mail_outbox");
        var password = signUp(uniqueEmail());
        password.setPassword(text);
        acceptedOrClearlyRefused(() -> accounts.signUp(password), "account", "organisation", "mail_outbox");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void password_reset_request_answers_the_same(String text) {
        assertThat(acceptedOrClearlyRefused(() -> resets.requestReset(text, "10.9.9." + UUID.randomUUID()),
                "password_reset_token", "mail_outbox")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void organisation_added_by_an_organiser(String text) {
        fixtures.signIn(Role.ORGANISER);
        String name = text.isEmpty() ? text : text + " " + UUID.randomUUID();
        if (acceptedOrClearlyRefused(() -> organisations.create(name, "DE"), "organisation", "audit_event")) {
            assertThat(jdbc.queryForObject("select count(*) from organisation where name = ?", Integer.class, name.strip())).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void registration_job_title_and_needs(String text) {
        EditionSummary edition = editions.open(50);
        fixtures.signIn(Role.PARTICIPANT);
        RegistrationRequest title = EditionFixtures.request("La Strada Poland", text);
        boolean accepted = acceptedOrClearlyRefused(() -> registrations.register(edition.id(), title),
                "registration", "mail_outbox", "organisation");
        if (accepted) {
            assertThat(jdbc.queryForObject("select job_title from registration where edition_id = ?", String.class, edition.id()))
                    .isEqualTo(text.strip());
        }
        fixtures.signIn(Role.PARTICIPANT);
        RegistrationRequest needs = EditionFixtures.request("La Strada Poland", "Advisor");
        needs.setDietaryNeeds(text);
        needs.setAccessibilityNeeds(text);
        acceptedOrClearlyRefused(() -> registrations.register(edition.id(), needs), "registration", "mail_outbox", "organisation");
        fixtures.signIn(Role.PARTICIPANT);
        RegistrationRequest organisation = EditionFixtures.request(text, "Advisor");
        acceptedOrClearlyRefused(() -> registrations.register(edition.id(), organisation), "registration", "mail_outbox", "organisation");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void organiser_search_filters_answer_and_overlong_ones_match_nothing(String text) {
        EditionSummary edition = editions.open(50);
        fixtures.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("La Strada Poland", "Advisor"));
        fixtures.signIn(Role.ORGANISER);
        var filter = new RegistrationFilter(null, text);

        assertThat(accounts.page(text, 0, 10)).hasSizeLessThanOrEqualTo(10);
        assertThat(registrationAdmin.page(edition.id(), filter, 0, 10)).hasSizeLessThanOrEqualTo(1);
        assertThat(auditLog.recent(text, 0, 10)).hasSizeLessThanOrEqualTo(10);
        if (text.length() > 254) {
            assertThat(accounts.page(text, 0, 10)).isEmpty();
            assertThat(accounts.count(text)).isZero();
            assertThat(registrationAdmin.page(edition.id(), filter, 0, 10)).isEmpty();
            assertThat(registrationAdmin.count(edition.id(), filter)).isZero();
            assertThat(auditLog.recent(text, 0, 10)).isEmpty();
            assertThat(auditLog.count(text)).isZero();
        }
        assertThat(registrationAdmin.count(edition.id(), new RegistrationFilter(null, null))).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void organiser_cancel_reason(String text) {
        EditionSummary edition = editions.open(50);
        fixtures.signIn(Role.PARTICIPANT);
        long id = registrations.register(edition.id(), EditionFixtures.request("La Strada Poland", "Advisor")).id();
        fixtures.signIn(Role.ORGANISER);
        if (acceptedOrClearlyRefused(() -> {
            registrationAdmin.cancelByOrganiser(id, text);
            return id;
        }, "audit_event")) {
            assertThat(jdbc.queryForObject("select cancel_reason from registration where id = ?", String.class, id))
                    .isEqualTo(text.strip());
        } else {
            assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, id))
                    .isEqualTo("CONFIRMED");
        }
    }
}
