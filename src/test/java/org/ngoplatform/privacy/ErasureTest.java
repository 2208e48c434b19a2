package org.ngoplatform.privacy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.Role;
import org.ngoplatform.account.SignUpRequest;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.registration.RegistrationCount;
import org.ngoplatform.registration.RegistrationRequest;
import org.ngoplatform.registration.RegistrationAdminService;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.registration.RegistrationStatus;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.MembershipService;
import org.ngoplatform.workshop.WorkshopService;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.respond.SurveyRespondentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "My data": download and erasure, checked against every text column of every table on MariaDB. */
@IntegrationTest
class ErasureTest {

    @Autowired MyDataService myData;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;
    @Autowired RegistrationService registrations;
    @Autowired RegistrationAdminService registrationAdmin;
    @Autowired SurveyRespondentService respondent;
    @Autowired SurveyTestData surveys;
    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures fixtures;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired WorkshopService workshops;
    @Autowired MembershipService memberships;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private record Person(AccountPrincipal principal, String email, String name, String jobTitle, String dietary,
                          String accessibility, String draftText) {
    }

    private Person signUpAndSignIn() {
        String tag = UUID.randomUUID().toString().substring(0, 10);
        var request = new SignUpRequest();
        request.setEmail("erase-" + tag + "@example.org");
        request.setDisplayName("Zelda Erasable " + tag);
        request.setOrganisationName("La Strada Czech Republic");
        request.setCountryCode("CZ");
        request.setPassword("long enough passphrase " + tag);
        request.setPrivacyConsent(true);
        accounts.signUp(request);
        var principal = (AccountPrincipal) users.loadUserByUsername(request.getEmail());
        AccountFixtures.signIn(principal);
        return new Person(principal, request.getEmail(), request.getDisplayName(), "Job-" + tag, "Diet-" + tag,
                "Access-" + tag, "Draft-" + tag);
    }

    @Test
    void erasing_an_account_leaves_no_personal_text_in_any_table_and_keeps_country_counts() {
        var edition = editions.open(50);
        var identified = surveys.openSurvey(identifiedSettings());
        var draftSurvey = surveys.openSurvey(identifiedSettings());
        var anonymous = surveys.openSurvey();
        Person p = signUpAndSignIn();

        RegistrationRequest reg = EditionFixtures.request("La Strada Czech Republic", p.jobTitle());
        reg.setDietaryNeeds(p.dietary());
        reg.setAccessibilityNeeds(p.accessibility());
        registrations.register(edition.id(), reg);
        surveys.submit(identified, SurveyTestData.complete("ngo", 7, false));
        surveys.submit(anonymous, SurveyTestData.complete("lawyer", 3, false));
        respondent.saveDraft(draftSurvey.key(), null, Map.of("comment", AnswerValue.ofText(p.draftText())), 1);
        // The edition has taken place: its registration is kept (without details) and counts per country stay right.
        // (A seat in an edition still to come is given up instead: see the test below.)
        editions.moveToPast(edition.id());

        List<RegistrationCount> countsBefore = editions.asOrganiser(() -> registrationAdmin.countsByCountry(edition.id()));
        long anonymousAnswers = answersOf(anonymous.id());
        long identifiedAnswers = answersOf(identified.id());
        long id = p.principal().accountId();
        assertThat(linkedResponses(id)).isEqualTo(1);

        String file = new String(myData.exportMine(), StandardCharsets.UTF_8);
        assertThat(file).contains(p.email(), p.name(), p.jobTitle(), p.dietary(), p.accessibility(), p.draftText(),
                "\"notice_version\"", "\"identifiedSurveyResponses\"", "Question role");

        var summary = myData.eraseMine();
        assertThat(summary.registrations()).isEqualTo(1);
        assertThat(summary.identifiedResponses()).isEqualTo(1);

        List<String> leftovers = scanEveryTextColumn(List.of(p.email(), p.name(), p.jobTitle(), p.dietary(),
                p.accessibility(), p.draftText()));
        assertThat(leftovers).as("personal text left after erasure").isEmpty();

        assertThat(editions.asOrganiser(() -> registrationAdmin.countsByCountry(edition.id()))).isEqualTo(countsBefore);
        assertThat(answersOf(anonymous.id())).as("anonymous answers untouched").isEqualTo(anonymousAnswers);
        assertThat(answersOf(identified.id())).as("identified answers kept, only unlinked").isEqualTo(identifiedAnswers);
        assertThat(linkedResponses(id)).isZero();

        assertThatThrownBy(() -> users.loadUserByUsername(p.email())).isInstanceOf(UsernameNotFoundException.class);
        assertThat(jdbc.sql("SELECT enabled FROM account WHERE id = ?").param(id).query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account_role WHERE account_id = ?").param(id).query(Long.class).single()).isZero();

        var organiser = fixtures.signIn(Role.ORGANISER);
        assertThat(audit.forSubject("account:" + id)).extracting(e -> e.getAction())
                .contains("MY_DATA_DOWNLOADED", "ACCOUNT_ERASED");
        assertThat(organiser).isNotNull();

        AccountFixtures.signOut();
        var again = new SignUpRequest();
        again.setEmail(p.email());
        again.setDisplayName("Someone new");
        again.setOrganisationName("La Strada Czech Republic");
        again.setCountryCode("CZ");
        again.setPassword("another long passphrase 42");
        again.setPrivacyConsent(true);
        assertThat(accounts.signUp(again)).as("the email is free again").isNotEqualTo(id);
    }

    @Test
    void erasing_an_account_frees_its_seat_in_an_upcoming_edition_for_the_next_person_waiting_and_leaves_its_groups() {
        var edition = editions.open(1);
        long group = editions.asOrganiser(() -> {
            var form = new GroupForm();
            form.setTitle("Erasure group " + UUID.randomUUID().toString().substring(0, 6));
            form.setSessionSlot("Day 1 morning");
            form.setCapacity(5);
            return workshops.createGroup(edition.id(), form).id();
        });
        Person p = signUpAndSignIn();
        assertThat(registrations.register(edition.id(), EditionFixtures.request("La Strada Czech Republic", p.jobTitle())).status())
                .isEqualTo(RegistrationStatus.CONFIRMED);
        memberships.join(group);
        AccountPrincipal waiting = fixtures.signIn(Role.PARTICIPANT);
        assertThat(registrations.register(edition.id(), EditionFixtures.request("La Strada Poland", "Lawyer")).status())
                .isEqualTo(RegistrationStatus.WAITLISTED);

        AccountFixtures.signIn(p.principal());
        myData.eraseMine();

        AccountFixtures.signIn(waiting);
        assertThat(registrations.mineFor(edition.id()).orElseThrow().status()).as("the next person waiting has the seat")
                .isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(jdbc.sql("SELECT status FROM registration WHERE account_id = ?").param(p.principal().accountId())
                .query(String.class).single()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM workshop_membership WHERE account_id = ?").param(p.principal().accountId())
                .query(Long.class).single()).as("group places left").isZero();
        assertThat(editions.asOrganiser(() -> registrations.seats(edition.id()).confirmed())).isEqualTo(1);
    }

    @Test
    void my_data_needs_a_signed_in_person() {
        assertThatThrownBy(() -> myData.exportMine()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> myData.eraseMine()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void the_download_shows_literal_text_and_is_valid_for_json_readers() {
        Person p = signUpAndSignIn();
        var edition = editions.open(5);
        RegistrationRequest reg = EditionFixtures.request("La Strada Czech Republic", "<script>alert(1)</script> \"quoted\" \\ ✓");
        reg.setDietaryNeeds("line one\nline two\u0001");
        registrations.register(edition.id(), reg);
        String file = new String(myData.exportMine(), StandardCharsets.UTF_8);
        assertThat(file).doesNotContain("<script>").contains("\\u003cscript\\u003e", "\\\"quoted\\\"", "\\\\ ✓",
                "line one\\nline two\\u0001");
        assertThat(p).isNotNull();
    }

    private static org.ngoplatform.survey.design.SurveySettingsForm identifiedSettings() {
        var settings = SurveyTestData.settings("Identified erasure");
        settings.setAudience(SurveyAudience.SIGNED_IN);
        settings.setAnonymity(SurveyAnonymity.IDENTIFIED);
        return settings;
    }

    private long answersOf(long surveyId) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id WHERE r.survey_id = ?")
                .param(surveyId).query(Long.class).single();
    }

    private long linkedResponses(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_response_identity WHERE account_id = ?").param(accountId).query(Long.class).single();
    }

    /** Every char/varchar/text column of every table in this database, searched for each needle. */
    private List<String> scanEveryTextColumn(List<String> needles) {
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = DATABASE() AND data_type IN ('char', 'varchar', 'text', 'tinytext', 'mediumtext', 'longtext')
                ORDER BY table_name, column_name""").query().listOfRows();
        assertThat(columns).as("the scan sees the schema").hasSizeGreaterThan(50);
        List<String> found = new ArrayList<>();
        for (Map<String, Object> c : columns) {
            Map<String, Object> lower = new HashMap<>();
            c.forEach((k, v) -> lower.put(k.toLowerCase(), v));
            String table = (String) lower.get("table_name");
            String column = (String) lower.get("column_name");
            for (String needle : needles) {
                long hits = jdbc.sql("SELECT COUNT(*) FROM `" + table + "` WHERE LOWER(`" + column + "`) LIKE ?")
                        .param("%" + needle.toLowerCase() + "%").query(Long.class).single();
                if (hits > 0) {
                    found.add(table + "." + column + " contains " + needle);
                }
            }
        }
        return found;
    }
}
