package org.ngoplatform.privacy;

import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.attendance.CheckInPoint;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditEvent;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationCount;
import org.ngoplatform.registration.RegistrationRequest;
import org.ngoplatform.registration.RegistrationAdminService;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.ngoplatform.mail.MailRequested;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.base.i18n.Translator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Notice versions, retention with an injected clock, anonymising after fieldwork: on MariaDB. */
@IntegrationTest
class PrivacyServicesTest {

    @Autowired PrivacyNoticeService notices;
    @Autowired RetentionService retention;
    @Autowired FieldworkService fieldwork;
    @Autowired AccountService accounts;
    @Autowired RegistrationService registrations;
    @Autowired RegistrationAdminService registrationAdmin;
    @Autowired SurveyBuilderService builder;
    @Autowired SurveyTestData surveys;
    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures fixtures;
    @Autowired AuditLog audit;
    @Autowired Validator validator;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired Translator translator;
    @Autowired PlatformTransactionManager transactions;
    @Autowired EditionEnds editionEnds;
    @Autowired List<EditionRetentionPurger> purgers;
    @Autowired org.ngoplatform.attendance.AttendanceService attendance;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private static String label() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static PrivacyNoticeForm notice(String label, String body) {
        var form = new PrivacyNoticeForm();
        form.setVersionLabel(label);
        form.setBody(body);
        return form;
    }

    @Test
    void a_published_notice_becomes_the_version_that_consent_records() {
        assertThat(notices.versions()).extracting(PrivacyNotice::versionLabel).contains("2026-11");
        fixtures.signIn(Role.ORGANISER);
        String label = label();
        PrivacyNotice published = notices.publish(notice("  " + label + " ", "## Who\nUs.\n\n<b>not bold</b>"));
        assertThat(published.versionLabel()).isEqualTo(label);
        assertThat(notices.currentVersion()).isEqualTo(label);
        assertThat(accounts.privacyNoticeVersion()).isEqualTo(label);
        assertThat(notices.version(label).orElseThrow().body()).isEqualTo("## Who\nUs.\n\n<b>not bold</b>");
        assertThat(audit.forSubject("privacy-notice:" + label)).extracting(AuditEvent::getAction)
                .containsExactly("PRIVACY_NOTICE_PUBLISHED");

        var participant = fixtures.signIn(Role.PARTICIPANT);
        EditionSummary edition = editions.open(5);
        registrations.register(edition.id(), EditionFixtures.request("La Strada Czech Republic", "Lawyer"));
        assertThat(jdbc.sql("SELECT consent_version FROM registration WHERE account_id = ?").param(participant.accountId())
                .query(String.class).single()).isEqualTo(label);
    }

    @Test
    void a_notice_is_published_per_language_and_falls_back_to_english() {
        fixtures.signIn(Role.ORGANISER);
        String label = label();
        PrivacyNoticeForm form = notice(label, "## Who\nUs, in English.");
        form.setBodyDe("## Wer\nWir, auf Deutsch.");
        form.setBodyRu("   ");
        PrivacyNotice published = notices.publish(form);
        assertThat(published.translations()).containsOnlyKeys("de");
        assertThat(published.text(java.util.Locale.GERMAN)).isEqualTo("## Wer\nWir, auf Deutsch.");
        assertThat(published.hasText(java.util.Locale.forLanguageTag("ru"))).isFalse();
        assertThat(published.text(java.util.Locale.forLanguageTag("ru"))).isEqualTo("## Who\nUs, in English.");
        assertThat(published.text(java.util.Locale.ENGLISH)).isEqualTo("## Who\nUs, in English.");
        assertThat(notices.version(label).orElseThrow().translations()).containsEntry("de", "## Wer\nWir, auf Deutsch.");
        assertThat(notices.versions()).filteredOn(n -> n.versionLabel().equals(label)).singleElement()
                .satisfies(n -> assertThat(n.translations()).containsOnlyKeys("de"));
        AccountFixtures.signOut();
        assertThat(notices.current().text(java.util.Locale.GERMAN)).isEqualTo("## Wer\nWir, auf Deutsch.");
        assertThat(accounts.privacyNoticeVersion()).as("consent records the version, whatever the language").isEqualTo(label);

        fixtures.signIn(Role.ORGANISER);
        long rows = jdbc.sql("SELECT COUNT(*) FROM privacy_notice_translation").query(Long.class).single();
        PrivacyNoticeForm bad = notice(label(), "fine");
        bad.setBodyRu("x".repeat(PrivacyNoticeForm.BODY_MAX + 1));
        assertThatThrownBy(() -> notices.publish(bad)).isInstanceOfSatisfying(PrivacyRejectedException.class,
                e -> assertThat(e.field()).isEqualTo("bodyRu"));
        PrivacyNoticeForm control = notice(label(), "fine");
        control.setBodyDe("a\u0000b");
        assertThatThrownBy(() -> notices.publish(control)).isInstanceOf(PrivacyRejectedException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM privacy_notice_translation").query(Long.class).single()).isEqualTo(rows);
        assertThat(notices.currentVersion()).isEqualTo(label);
    }

    @Test
    void bad_notices_are_rejected_without_a_partial_write_and_only_organisers_publish() {
        fixtures.signIn(Role.PARTICIPANT);
        assertThatThrownBy(() -> notices.publish(notice(label(), "text"))).isInstanceOf(AccessDeniedException.class);

        fixtures.signIn(Role.ORGANISER);
        int before = notices.versions().size();
        for (var bad : List.of(notice("", "text"), notice(label(), ""), notice(label(), "x".repeat(100_000)),
                notice("<script>", "text"), notice("x".repeat(21), "text"), notice("a\u0000b", "text"),
                notice("2026-11", "taken"))) {
            assertThatThrownBy(() -> notices.publish(bad)).isInstanceOf(PrivacyRejectedException.class);
        }
        assertThat(notices.versions()).hasSize(before);
        String rtl = "שלום 👋 " + label();
        assertThat(notices.publish(notice(label(), rtl)).body()).isEqualTo(rtl);
    }

    @Test
    void the_retention_job_warns_then_purges_special_fields_then_details_and_keeps_counts() {
        EditionSummary edition = editions.open(10);
        for (int i = 0; i < 2; i++) {
            fixtures.signIn(Role.PARTICIPANT);
            RegistrationRequest r = EditionFixtures.request("La Strada Czech Republic", "Social worker " + i);
            r.setDietaryNeeds("vegan " + i);
            r.setAccessibilityNeeds("step-free " + i);
            registrations.register(edition.id(), r);
        }
        fixtures.signIn(Role.PARTICIPANT);
        assertThatThrownBy(() -> retention.set(edition.id(), new RetentionForm(30, 90))).isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(Role.ORGANISER);
        assertThatThrownBy(() -> retention.set(edition.id(), new RetentionForm(90, 30)))
                .isInstanceOfSatisfying(PrivacyRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("privacy.retention.order"));
        assertThatThrownBy(() -> retention.set(edition.id(), new RetentionForm(-1, 30))).isInstanceOf(PrivacyRejectedException.class);
        assertThatThrownBy(() -> retention.set(edition.id(), new RetentionForm(30, 99_999))).isInstanceOf(PrivacyRejectedException.class);
        assertThatThrownBy(() -> retention.set(edition.id(), new RetentionForm(null, 30))).isInstanceOf(PrivacyRejectedException.class);
        retention.set(edition.id(), new RetentionForm(30, 90));
        List<RegistrationCount> counts = registrationAdmin.countsByCountry(edition.id());

        // Special fields are kept for 30 full days after the last day, in the edition's zone.
        Instant specialDue = edition.endsOn().plusDays(31).atStartOfDay(ZoneId.of("Europe/Tallinn")).toInstant();
        Instant detailsDue = edition.endsOn().plusDays(91).atStartOfDay(ZoneId.of("Europe/Tallinn")).toInstant();
        EditionRetention shown = retention.overview().stream().filter(e -> e.editionId() == edition.id()).findFirst().orElseThrow();
        assertThat(shown.specialDueAt()).isEqualTo(specialDue);
        assertThat(shown.warning()).isFalse();
        AccountFixtures.signOut();

        runAt(specialDue.minus(Duration.ofDays(20)), edition);
        assertThat(actions(edition)).doesNotContain("RETENTION_WARNING");

        runAt(specialDue.minus(Duration.ofDays(10)), edition);
        runAt(specialDue.minus(Duration.ofDays(9)), edition);
        assertThat(actions(edition)).containsOnlyOnce("RETENTION_WARNING");
        assertThat(specialFieldsLeft(edition)).isEqualTo(2);

        runAt(specialDue.minusSeconds(1), edition);
        assertThat(specialFieldsLeft(edition)).isEqualTo(2);
        runAt(specialDue, edition);
        assertThat(specialFieldsLeft(edition)).isZero();
        assertThat(jobTitles(edition)).containsExactlyInAnyOrder("Social worker 0", "Social worker 1");

        runAt(detailsDue.minusSeconds(1), edition);
        assertThat(jobTitles(edition)).containsExactlyInAnyOrder("Social worker 0", "Social worker 1");
        runAt(detailsDue, edition);
        runAt(detailsDue.plus(Duration.ofDays(1)), edition);
        assertThat(jobTitles(edition)).containsOnly("");

        fixtures.signIn(Role.ORGANISER);
        assertThat(registrationAdmin.countsByCountry(edition.id())).isEqualTo(counts);
        List<AuditEvent> log = audit.forSubject("edition:" + edition.id());
        assertThat(log).extracting(AuditEvent::getAction).containsSubsequence("RETENTION_SET", "RETENTION_WARNING",
                "RETENTION_PURGE_SPECIAL", "RETENTION_WARNING", "RETENTION_PURGE_DETAILS");
        assertThat(log).filteredOn(e -> e.getAction().startsWith("RETENTION_PURGE")).extracting(AuditEvent::getActor)
                .containsOnly("system");
        assertThat(log).filteredOn(e -> e.getAction().equals("RETENTION_PURGE_SPECIAL")).singleElement()
                .satisfies(e -> assertThat(e.getDetails()).contains("2 registrations"));
        assertThat(log).filteredOn(e -> e.getAction().startsWith("RETENTION_PURGE")).hasSize(2);
    }

    @Test
    void the_purge_records_each_modules_figure_in_its_own_words_attendance_marks_not_counted_as_registrations() {
        EditionSummary edition = editions.open(10);
        List<AccountPrincipal> people = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            people.add(fixtures.signIn(Role.PARTICIPANT));
            RegistrationRequest r = EditionFixtures.request("La Strada Czech Republic", "Lawyer");
            r.setDietaryNeeds("vegetarian");
            registrations.register(edition.id(), r);
        }
        // three marks of two people: both on the first day, one on the last
        fixtures.signIn(Role.ORGANISER);
        for (AccountPrincipal p : people) {
            attendance.mark(edition.id(), CheckInPoint.ofDay(edition.startsOn()), p.accountId());
        }
        attendance.mark(edition.id(), CheckInPoint.ofDay(edition.endsOn()), people.getFirst().accountId());
        AccountFixtures.signOut();

        Instant due = edition.endsOn().plusDays(1).plusYears(2).atStartOfDay(ZoneId.of("Europe/Tallinn")).toInstant();
        runAt(due, edition);

        fixtures.signIn(Role.ORGANISER);
        List<AuditEvent> log = audit.forSubject("edition:" + edition.id());
        assertThat(log).filteredOn(e -> e.getAction().equals("RETENTION_PURGE_SPECIAL")).singleElement()
                .satisfies(e -> assertThat(figures(e.getDetails(), "dietary and accessibility needs erased in "))
                        .containsExactlyInAnyOrder("2 registrations", "0 attendance marks", "0 visa letter requests"));
        assertThat(log).filteredOn(e -> e.getAction().equals("RETENTION_PURGE_DETAILS")).singleElement()
                .satisfies(e -> assertThat(figures(e.getDetails(), "personal details erased in "))
                        .containsExactlyInAnyOrder("2 registrations", "3 attendance marks", "0 visa letter requests"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attendance_mark WHERE edition_id = ?").param(edition.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void an_edition_without_a_retention_period_is_purged_after_the_default_period() {
        EditionSummary edition = editions.open(10);
        fixtures.signIn(Role.PARTICIPANT);
        RegistrationRequest r = EditionFixtures.request("La Strada Czech Republic", "Outreach worker");
        r.setDietaryNeeds("halal");
        registrations.register(edition.id(), r);
        edition = editions.moveToPast(edition.id());
        AccountFixtures.signOut();

        // No period set: both steps fall under ngo.privacy.default-retention (P2Y after the last day, edition's zone).
        Instant due = edition.endsOn().plusDays(1).plusYears(2).atStartOfDay(ZoneId.of("Europe/Tallinn")).toInstant();
        fixtures.signIn(Role.ORGANISER);
        long id = edition.id();
        EditionRetention shown = retention.overview().stream().filter(e -> e.editionId() == id).findFirst().orElseThrow();
        assertThat(shown.specialDays()).isNull();
        assertThat(shown.specialDueAt()).isEqualTo(due);
        assertThat(shown.detailsDueAt()).isEqualTo(due);
        AccountFixtures.signOut();

        runAt(due.minusSeconds(1), edition);
        assertThat(specialFieldsLeft(edition)).isEqualTo(1);
        assertThat(jobTitles(edition)).containsExactly("Outreach worker");
        runAt(due, edition);
        assertThat(specialFieldsLeft(edition)).isZero();
        assertThat(jobTitles(edition)).containsExactly("");
        assertThat(actions(edition)).contains("RETENTION_PURGE_DETAILS");
    }

    @Test
    void each_advance_warning_mails_every_enabled_organiser_once_in_their_language() {
        EditionSummary edition = editions.open(10);
        AccountPrincipal english = fixtures.create(Role.ORGANISER);
        AccountPrincipal german = fixtures.create(Role.ORGANISER);
        AccountPrincipal disabled = fixtures.create(Role.ORGANISER);
        AccountPrincipal participant = fixtures.create(Role.PARTICIPANT);
        jdbc.sql("UPDATE account SET preferred_language = 'de' WHERE id = ?").param(german.accountId()).update();
        jdbc.sql("UPDATE account SET enabled = FALSE WHERE id = ?").param(disabled.accountId()).update();
        fixtures.signIn(Role.ORGANISER);
        retention.set(edition.id(), new RetentionForm(30, 90));
        AccountFixtures.signOut();
        Instant specialDue = edition.endsOn().plusDays(31).atStartOfDay(ZoneId.of("Europe/Tallinn")).toInstant();
        Instant detailsDue = edition.endsOn().plusDays(91).atStartOfDay(ZoneId.of("Europe/Tallinn")).toInstant();

        runAt(specialDue.minus(Duration.ofDays(15)), edition, english, german, disabled, participant);
        assertThat(mails(english, edition)).isEmpty();

        runAt(specialDue.minus(Duration.ofDays(14)), edition, english, german, disabled, participant);
        runAt(specialDue.minus(Duration.ofDays(13)), edition, english, german, disabled, participant);
        assertThat(mails(english, edition)).singleElement().satisfies(m -> {
            assertThat(m.subject()).contains("dietary and accessibility needs of " + edition.title())
                    .contains(edition.endsOn().plusDays(31).getYear() + "");
            assertThat(m.body()).contains("https://platform.example.org/admin/privacy");
        });
        assertThat(mails(german, edition)).singleElement()
                .satisfies(m -> assertThat(m.subject()).contains("Ernährungs- und Barrierefreiheitsbedürfnisse von " + edition.title()));
        assertThat(mails(disabled, edition)).isEmpty();
        assertThat(mails(participant, edition)).isEmpty();

        runAt(specialDue, edition, english, german, disabled, participant);
        runAt(detailsDue.minus(Duration.ofDays(15)), edition, english, german, disabled, participant);
        assertThat(mails(english, edition)).hasSize(1);
        runAt(detailsDue.minus(Duration.ofDays(14)), edition, english, german, disabled, participant);
        runAt(detailsDue.minusSeconds(1), edition, english, german, disabled, participant);
        runAt(detailsDue, edition, english, german, disabled, participant);
        runAt(detailsDue.plus(Duration.ofDays(3)), edition, english, german, disabled, participant);
        assertThat(mails(english, edition)).extracting(Mail::subject).containsExactly(
                translator.translate("mail.privacy.retention-special.subject", java.util.Locale.ENGLISH, "", edition.title(),
                        java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                                .withLocale(java.util.Locale.ENGLISH).format(edition.endsOn().plusDays(31))),
                translator.translate("mail.privacy.retention-details.subject", java.util.Locale.ENGLISH, "", edition.title(),
                        java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                                .withLocale(java.util.Locale.ENGLISH).format(edition.endsOn().plusDays(91))));
        assertThat(mails(german, edition)).hasSize(2);
    }

    @Test
    void a_warning_whose_mail_cannot_be_queued_is_not_recorded_either() {
        EditionSummary edition = editions.open(10);
        fixtures.create(Role.ORGANISER);
        fixtures.signIn(Role.ORGANISER);
        retention.set(edition.id(), new RetentionForm(30, 90));
        AccountFixtures.signOut();
        Instant specialDue = edition.endsOn().plusDays(31).atStartOfDay(ZoneId.of("Europe/Tallinn")).toInstant();
        ApplicationEventPublisher failing = event -> {
            if (event instanceof MailRequested) {
                throw new IllegalStateException("outbox down");
            }
            events.publishEvent(event);
        };

        assertThatThrownBy(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(s -> at(specialDue.minus(Duration.ofDays(10)), edition, failing).runDue()))
                .hasMessageContaining("outbox down");
        assertThat(actions(edition)).doesNotContain("RETENTION_WARNING");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM edition_retention WHERE edition_id = ? AND warned_special_at IS NOT NULL")
                .param(edition.id()).query(Long.class).single()).isZero();

        runAt(specialDue.minus(Duration.ofDays(10)), edition);
        assertThat(actions(edition)).containsOnlyOnce("RETENTION_WARNING");
    }

    @Test
    void organiser_addresses_are_for_system_jobs_and_organisers_only() {
        AccountPrincipal organiser = fixtures.create(Role.ORGANISER);
        AccountFixtures.signOut();
        assertThat(accounts.activeOrganisers()).anySatisfy(c -> assertThat(c.email()).isEqualTo(organiser.getUsername()));
        var visitor = new org.springframework.security.authentication.AnonymousAuthenticationToken("key", "anonymousUser",
                List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ANONYMOUS")));
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(visitor);
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        assertThatThrownBy(() -> accounts.activeOrganisers()).isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(Role.PARTICIPANT);
        assertThatThrownBy(() -> accounts.activeOrganisers()).isInstanceOf(AccessDeniedException.class);
    }

    private record Mail(String recipient, String subject, String body) {
    }

    private List<Mail> mails(AccountPrincipal to, EditionSummary edition) {
        String email = jdbc.sql("SELECT email FROM account WHERE id = ?").param(to.accountId()).query(String.class).single();
        return jdbc.sql("SELECT recipient, subject, body FROM mail_outbox WHERE recipient = ? AND subject LIKE ? ORDER BY id")
                .params(email, "%" + edition.city() + "%")
                .query((rs, i) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    @Test
    void anonymising_a_closed_identified_survey_removes_every_identity_link_for_good() {
        var settings = SurveyTestData.settings("Fieldwork");
        settings.setAudience(SurveyAudience.SIGNED_IN);
        settings.setAnonymity(SurveyAnonymity.IDENTIFIED);
        var survey = surveys.openSurvey(settings);
        for (int i = 0; i < 3; i++) {
            fixtures.signIn(Role.PARTICIPANT);
            surveys.submit(survey, SurveyTestData.complete("ngo", 2 + i, false));
        }
        long answers = answers(survey.id());

        fixtures.signIn(Role.ORGANISER);
        assertThatThrownBy(() -> fieldwork.anonymise(survey.id()))
                .isInstanceOfSatisfying(PrivacyRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("privacy.fieldwork.not-closed"));
        AccountFixtures.signIn(survey.analyst());
        builder.changeStatus(survey.id(), SurveyStatus.CLOSED);
        assertThatThrownBy(() -> fieldwork.anonymise(survey.id())).isInstanceOf(AccessDeniedException.class);

        fixtures.signIn(Role.ORGANISER);
        assertThat(fieldwork.closedIdentified()).anySatisfy(s -> {
            assertThat(s.surveyId()).isEqualTo(survey.id());
            assertThat(s.linkedResponses()).isEqualTo(3);
        });
        assertThat(fieldwork.anonymise(survey.id())).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_response_identity WHERE survey_id = ?").param(survey.id())
                .query(Long.class).single()).isZero();
        assertThat(answers(survey.id())).isEqualTo(answers);
        assertThat(jdbc.sql("SELECT anonymity FROM survey WHERE id = ?").param(survey.id()).query(String.class).single())
                .isEqualTo("ANONYMOUS");
        assertThat(fieldwork.closedIdentified()).noneMatch(s -> s.surveyId() == survey.id());
        assertThatThrownBy(() -> fieldwork.anonymise(survey.id()))
                .isInstanceOfSatisfying(PrivacyRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("privacy.fieldwork.not-identified"));
        assertThat(audit.forSubject("survey:" + survey.id())).extracting(AuditEvent::getAction).containsOnlyOnce("SURVEY_ANONYMISED");
    }

    /**
     * The retention job as the scheduler runs it (one transaction, nobody signed in), at {@code now}, over this test's
     * edition alone and mailing only the given accounts. The shared database holds every test's editions and the whole
     * run's organiser fixtures: the job over all of them at a clock months or years ahead purged other tests' data and
     * queued a warning about each of their editions to each organiser (~1,500 mails a test JVM per run), which the JVM's
     * sender then delivered for minutes and a test calling {@code MailOutbox.sendDue()} waited for.
     */
    private void runAt(Instant now, EditionSummary edition, AccountPrincipal... mailedOnlyTo) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> at(now, edition, mailingOnly(mailedOnlyTo)).runDue());
    }

    private RetentionService at(Instant now, EditionSummary edition, ApplicationEventPublisher publisher) {
        EditionEnds onlyThis = new EditionEnds() {
            public List<EditionEnd> all() {
                return editionEnds.all().stream().filter(e -> e.editionId() == edition.id()).toList();
            }

            public List<EditionEnd> page(long offset, int limit) {
                return all();
            }

            public long count() {
                return all().size();
            }
        };
        return new RetentionService(jdbc, validator, audit, Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(14),
                Period.ofYears(2), onlyThis, purgers, accounts, publisher, "https://platform.example.org/");
    }

    /** The application's publisher, except that mails to anyone but these accounts are not queued. */
    private ApplicationEventPublisher mailingOnly(AccountPrincipal... recipients) {
        Set<String> addresses = Arrays.stream(recipients).map(AccountPrincipal::getUsername).collect(Collectors.toSet());
        return event -> {
            if (!(event instanceof MailRequested mail) || addresses.contains(mail.recipient())) {
                events.publishEvent(event);
            }
        };
    }

    private List<String> actions(EditionSummary edition) {
        return editions.asOrganiser(() -> audit.forSubject("edition:" + edition.id()).stream().map(AuditEvent::getAction).toList());
    }

    private long specialFieldsLeft(EditionSummary edition) {
        return jdbc.sql("SELECT COUNT(*) FROM registration WHERE edition_id = ? AND (dietary_needs IS NOT NULL OR accessibility_needs IS NOT NULL)")
                .param(edition.id()).query(Long.class).single();
    }

    private List<String> jobTitles(EditionSummary edition) {
        return jdbc.sql("SELECT job_title FROM registration WHERE edition_id = ?").param(edition.id()).query(String.class).list();
    }

    private long answers(long surveyId) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id WHERE r.survey_id = ?")
                .param(surveyId).query(Long.class).single();
    }

    /** The figures of a purge's audit details after their words ("2 registrations", "3 attendance marks"), one per module. */
    private static List<String> figures(String details, String words) {
        assertThat(details).startsWith(words);
        return List.of(details.substring(words.length()).split(", "));
    }
}
