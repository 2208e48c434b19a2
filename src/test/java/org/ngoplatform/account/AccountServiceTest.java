package org.ngoplatform.account;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.organisation.OrganisationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AccountServiceTest {

    @Autowired AccountService accounts;
    @Autowired AccountRepository repository;
    @Autowired OrganisationService organisations;
    @Autowired PasswordEncoder encoder;
    @Autowired AccountFixtures fixtures;
    @Autowired AuditLog audit;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private static SignUpRequest request(String email) {
        var r = new SignUpRequest();
        r.setEmail(email);
        r.setDisplayName("Maria Kovač");
        r.setOrganisationName("La Strada Poland");
        r.setCountryCode("PL");
        r.setPassword("Warsaw 2005 platform!");
        r.setPrivacyConsent(true);
        return r;
    }

    private static String uniqueEmail() {
        return "maria-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    @Test
    void sign_up_creates_a_participant_with_hashed_password_and_recorded_consent() {
        String email = uniqueEmail();
        long id = accounts.signUp(request(email)).orElseThrow();

        Account stored = repository.findById(id).orElseThrow();
        assertThat(stored.getEmail()).isEqualTo(email);
        assertThat(stored.getRoles()).containsExactly(Role.PARTICIPANT);
        assertThat(stored.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("Warsaw");
        assertThat(encoder.matches("Warsaw 2005 platform!", stored.getPasswordHash())).isTrue();
        assertThat(stored.getPrivacyConsentAt()).isNotNull();
        assertThat(stored.getPrivacyNoticeVersion()).isEqualTo(accounts.privacyNoticeVersion());
        assertThat(organisations.find(stored.getOrganisationId()).orElseThrow().name()).isEqualTo("La Strada Poland");
    }

    @Test
    void a_duplicate_email_whatever_its_case_creates_nothing_looks_the_same_and_warns_the_owner() {
        String email = uniqueEmail();
        long first = accounts.signUp(request(email)).orElseThrow();
        long before = repository.count();
        int mailsBefore = outboxMails(email);

        assertThat(accounts.signUp(request("  " + email.toUpperCase() + " "))).isEmpty();

        assertThat(repository.count()).isEqualTo(before);
        assertThat(repository.findByEmail(email).orElseThrow().getId()).isEqualTo(first);
        assertThat(jdbc.queryForList("select subject from mail_outbox where recipient = ? order by id", String.class, email))
                .hasSize(mailsBefore + 1)
                .last().isEqualTo("NGO Platform: someone tried to create an account with your email");
    }

    @Test
    void a_new_account_gets_a_welcome_mail_so_both_outcomes_send_one() {
        String email = uniqueEmail();
        accounts.signUp(request(email)).orElseThrow();
        assertThat(jdbc.queryForList("select subject from mail_outbox where recipient = ?", String.class, email))
                .containsExactly("NGO Platform: your account is ready");
    }

    @Test
    void trying_again_and_again_with_a_taken_email_mails_its_owner_once_a_day() {
        String email = uniqueEmail();
        accounts.signUp(request(email)).orElseThrow();
        int mailsBefore = outboxMails(email);
        for (int i = 0; i < 20; i++) {
            assertThat(accounts.signUp(request(email), "10.44.0." + i)).isEmpty();
        }
        assertThat(outboxMails(email)).isEqualTo(mailsBefore + 1);
    }

    @Test
    void sign_ups_from_one_address_are_limited() {
        String address = "10.45." + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            accounts.signUp(request(uniqueEmail()), address);
        }
        String refused = uniqueEmail();
        assertThatThrownBy(() -> accounts.signUp(request(refused), address))
                .isInstanceOfSatisfying(SignUpRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("signup.throttled"));
        assertThat(repository.findByEmail(refused)).isEmpty();
        assertThat(outboxMails(refused)).isZero();
        assertThat(accounts.signUp(request(refused), "10.46." + UUID.randomUUID())).isPresent();
    }

    @Test
    void the_welcome_mail_does_not_carry_text_the_sender_chose() {
        String email = uniqueEmail();
        var r = request(email);
        r.setDisplayName("Your bank: call +1 555 0100 now");
        accounts.signUp(r).orElseThrow();
        assertThat(jdbc.queryForList("select body from mail_outbox where recipient = ?", String.class, email))
                .hasSize(1).allSatisfy(body -> assertThat(body).doesNotContain("555 0100"));
    }

    @Test
    void names_with_control_or_text_direction_characters_are_refused_next_to_the_field() {
        var name = request(uniqueEmail());
        name.setDisplayName("Mallory \u202Egnp.exe");
        assertThatThrownBy(() -> accounts.signUp(name))
                .isInstanceOfSatisfying(SignUpRejectedException.class, e -> {
                    assertThat(e.field()).isEqualTo("displayName");
                    assertThat(e.messageKey()).isEqualTo("validation.control-characters");
                });
        var organisation = request(uniqueEmail());
        organisation.setOrganisationName("La Strada\u0000 Poland");
        assertThatThrownBy(() -> accounts.signUp(organisation))
                .isInstanceOfSatisfying(SignUpRejectedException.class, e -> assertThat(e.field()).isEqualTo("organisationName"));
        assertThat(repository.findByEmail(name.getEmail())).isEmpty();
        assertThat(repository.findByEmail(organisation.getEmail())).isEmpty();
        assertThatThrownBy(() -> new Account(uniqueEmail(), "Mallory \u202Egnp.exe", "hash", null, null,
                java.time.Instant.now(), "v", java.time.Instant.now())).isInstanceOf(IllegalArgumentException.class);
    }

    private int outboxMails(String email) {
        return jdbc.queryForObject("select count(*) from mail_outbox where recipient = ?", Integer.class, email);
    }

    @Test
    void weak_password_is_rejected() {
        var r = request(uniqueEmail());
        r.setPassword("short1");
        assertThatThrownBy(() -> accounts.signUp(r))
                .isInstanceOfSatisfying(SignUpRejectedException.class, e -> assertThat(e.field()).isEqualTo("password"));
        var letters = request(uniqueEmail());
        letters.setPassword("onlylettershere");
        assertThatThrownBy(() -> accounts.signUp(letters))
                .isInstanceOfSatisfying(SignUpRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("password.needs-mix"));
        assertThat(repository.findByEmail(r.getEmail())).isEmpty();
    }

    @Test
    void consent_is_required() {
        var r = request(uniqueEmail());
        r.setPrivacyConsent(false);
        assertThatThrownBy(() -> accounts.signUp(r)).isInstanceOf(SignUpRejectedException.class);
        assertThat(repository.findByEmail(r.getEmail())).isEmpty();
    }

    @Test
    void an_unknown_organisation_is_kept_for_review() {
        var r = request(uniqueEmail());
        String name = "Shelter Network " + UUID.randomUUID().toString().substring(0, 6);
        r.setOrganisationName(name);
        long id = accounts.signUp(r).orElseThrow();

        var org = organisations.find(repository.findById(id).orElseThrow().getOrganisationId()).orElseThrow();
        assertThat(org.name()).isEqualTo(name);
        assertThat(org.approved()).isFalse();
    }

    @Test
    void organisers_grant_roles_and_the_change_is_audited() {
        AccountPrincipal participant = fixtures.create(Role.PARTICIPANT);
        fixtures.signIn(Role.ORGANISER);

        AccountSummary changed = accounts.changeRoles(participant.accountId(), EnumSet.of(Role.PARTICIPANT, Role.ANALYST));

        assertThat(changed.roles()).containsExactlyInAnyOrder(Role.PARTICIPANT, Role.ANALYST);
        assertThat(repository.findById(participant.accountId()).orElseThrow().getRoles())
                .containsExactlyInAnyOrder(Role.PARTICIPANT, Role.ANALYST);
        assertThat(audit.forSubject("account:" + participant.accountId()))
                .anySatisfy(e -> {
                    assertThat(e.getAction()).isEqualTo("ROLES_CHANGED");
                    assertThat(e.getDetails()).contains("ANALYST");
                });
    }

    @Test
    void only_organisers_may_change_roles() {
        AccountPrincipal target = fixtures.create(Role.PARTICIPANT);

        assertThatThrownBy(() -> accounts.changeRoles(target.accountId(), EnumSet.of(Role.ORGANISER)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        for (Role role : new Role[]{Role.PARTICIPANT, Role.FACILITATOR, Role.ANALYST}) {
            fixtures.signIn(role);
            assertThatThrownBy(() -> accounts.changeRoles(target.accountId(), EnumSet.of(Role.ORGANISER)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(repository.findById(target.accountId()).orElseThrow().getRoles()).containsExactly(Role.PARTICIPANT);
    }

    @Test
    void an_account_keeps_at_least_one_role() {
        AccountPrincipal target = fixtures.create(Role.PARTICIPANT);
        fixtures.signIn(Role.ORGANISER);
        assertThatThrownBy(() -> accounts.changeRoles(target.accountId(), EnumSet.noneOf(Role.class)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_organiser_cannot_remove_the_last_enabled_organiser() {
        AccountPrincipal me = fixtures.signIn(Role.ORGANISER);
        // Disable every other organiser the shared database holds for this check, then restore them.
        var others = repository.findAll().stream()
                .filter(a -> a.isEnabled() && a.hasRole(Role.ORGANISER) && a.getId() != me.accountId()).toList();
        others.forEach(a -> accounts.setEnabled(a.getId(), false));
        try {
            assertThatThrownBy(() -> accounts.changeRoles(me.accountId(), EnumSet.of(Role.PARTICIPANT)))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            others.forEach(a -> accounts.setEnabled(a.getId(), true));
        }
    }
}
