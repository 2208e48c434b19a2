package org.ngoplatform.mail;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.TestMail;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.PasswordResetService;
import org.ngoplatform.account.Role;
import org.ngoplatform.account.SignUpRequest;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.privacy.RetentionForm;
import org.ngoplatform.privacy.RetentionService;
import org.ngoplatform.registration.RegistrationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each mail is written in its recipient's language (the account's preferred one, English if unset): an account, a
 * registration and a privacy mail each reach a German- and a Russian-speaking account through SMTP in their language.
 */
@IntegrationTest
class MailLanguageTest {

    private static final Locale RUSSIAN = Locale.of("ru");

    @Autowired MailOutbox outbox;
    @Autowired AccountFixtures accounts;
    @Autowired AccountService accountService;
    @Autowired PasswordResetService resets;
    @Autowired EditionFixtures editions;
    @Autowired RegistrationService registrations;
    @Autowired RetentionService retention;
    @Autowired PlatformTransactionManager txManager;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void the_password_reset_mail_is_written_in_the_account_holders_language() throws Exception {
        AccountPrincipal german = speaking("de", Role.PARTICIPANT);
        AccountPrincipal russian = speaking("ru", Role.PARTICIPANT);
        AccountPrincipal english = accounts.create(Role.PARTICIPANT);
        AccountFixtures.signOut();
        for (AccountPrincipal p : List.of(german, russian, english)) {
            resets.requestReset(p.getUsername(), "192.0.2." + (1 + (int) (Math.random() * 250)));
        }
        OutboxTestSupport.deliverDueTo(outbox, jdbc, german.getUsername(), russian.getUsername(), english.getUsername());

        MimeMessage de = only(german);
        assertThat(de.getSubject()).isEqualTo("NGO Platform: neues Passwort wählen");
        assertThat(TestMail.text(de)).startsWith("Hallo " + name(german) + ",").contains("/reset-password/")
                .contains("Öffnen Sie diesen Link");
        MimeMessage ru = only(russian);
        assertThat(ru.getSubject()).isEqualTo("NGO Platform: выберите новый пароль");
        assertThat(TestMail.text(ru)).startsWith("Здравствуйте, " + name(russian) + "!").contains("/reset-password/");
        assertThat(only(english).getSubject()).as("no preference: English").isEqualTo("NGO Platform: choose a new password");
    }

    @Test
    void the_welcome_mail_is_written_in_the_language_of_the_sign_up_form_which_the_account_keeps() throws Exception {
        String germanEmail = unique("welcome-de");
        String russianEmail = unique("welcome-ru");
        assertThat(accountService.signUp(signUp(germanEmail, "Greta", "de"))).isPresent();
        assertThat(accountService.signUp(signUp(russianEmail, "Ольга", "ru"))).isPresent();
        OutboxTestSupport.deliverDueTo(outbox, jdbc, germanEmail, russianEmail);

        MimeMessage de = TestMail.onlyTo(germanEmail);
        assertThat(de.getSubject()).isEqualTo("NGO Platform: Ihr Konto ist bereit");
        // addressed by the typed email, never by the typed name (issue 12: no attacker-chosen text to others)
        assertThat(TestMail.text(de)).startsWith("Hallo " + germanEmail + ",").contains("Ihr NGO-Platform-Konto ist bereit")
                .doesNotContain("Greta");
        MimeMessage ru = TestMail.onlyTo(russianEmail);
        assertThat(ru.getSubject()).isEqualTo("NGO Platform: ваша учётная запись готова");
        assertThat(TestMail.text(ru)).startsWith("Здравствуйте, " + russianEmail + "!").contains("учётная запись NGO Platform готова")
                .doesNotContain("Ольга");
        assertThat(jdbc.queryForObject("select preferred_language from account where email = ?", String.class, russianEmail))
                .isEqualTo("ru");
    }

    @Test
    void the_registration_confirmation_is_written_in_the_registrants_language_with_dates_in_that_language() throws Exception {
        EditionSummary edition = editions.open(10);
        AccountPrincipal german = speaking("de", Role.PARTICIPANT);
        AccountFixtures.signIn(german);
        registrations.register(edition.id(), EditionFixtures.request("KOK", "Beraterin"));
        AccountPrincipal russian = speaking("ru", Role.PARTICIPANT);
        AccountFixtures.signIn(russian);
        registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
        AccountFixtures.signOut();
        OutboxTestSupport.deliverDueTo(outbox, jdbc, german.getUsername(), russian.getUsername());

        MimeMessage de = only(german);
        assertThat(de.getSubject()).isEqualTo("NGO Platform " + edition.title() + ": Ihr Platz ist bestätigt");
        assertThat(TestMail.text(de)).startsWith("Guten Tag " + name(german) + ",")
                .contains("Ihre Anmeldung zur NGO Platform " + edition.title())
                .contains(longDate(edition.startsOn(), Locale.GERMAN))
                .contains("/editions/" + edition.id());
        MimeMessage ru = only(russian);
        assertThat(ru.getSubject()).isEqualTo("NGO Platform " + edition.title() + ": ваше место подтверждено");
        assertThat(TestMail.text(ru)).startsWith("Здравствуйте, " + name(russian) + "!")
                .contains("Ваша регистрация на NGO Platform " + edition.title())
                .contains(longDate(edition.startsOn(), RUSSIAN));
    }

    @Test
    void the_retention_warning_reaches_each_organiser_in_their_language() throws Exception {
        EditionSummary edition = editions.open(10);
        LocalDate endedOn = LocalDate.now().minusDays(20);
        jdbc.update("update edition set starts_on = ?, ends_on = ? where id = ?",
                Date.valueOf(endedOn.minusDays(2)), Date.valueOf(endedOn), edition.id());
        AccountPrincipal german = speaking("de", Role.ORGANISER);
        AccountPrincipal russian = speaking("ru", Role.ORGANISER);
        AccountFixtures.signIn(german);
        retention.set(edition.id(), new RetentionForm(30, 365));
        AccountFixtures.signOut();
        // the nightly job as the scheduler runs it: special needs are due in 11 days, inside the warning period
        new TransactionTemplate(txManager).executeWithoutResult(s -> retention.runDue());
        OutboxTestSupport.deliverDueTo(outbox, jdbc, german.getUsername(), russian.getUsername());

        String title = edition.city() + " " + edition.year();
        LocalDate purgeDay = endedOn.plusDays(31);
        MimeMessage de = about(german, title);
        assertThat(de.getSubject()).isEqualTo("NGO Platform: Ernährungs- und Barrierefreiheitsbedürfnisse von " + title
                + " werden am " + longDate(purgeDay, Locale.GERMAN) + " gelöscht");
        assertThat(TestMail.text(de)).startsWith("Hallo " + name(german) + ",").contains("die Aufbewahrungsfrist für " + title + " endet bald");
        MimeMessage ru = about(russian, title);
        assertThat(ru.getSubject()).isEqualTo("NGO Platform: потребности в питании и доступности для встречи «" + title
                + "» будут удалены " + longDate(purgeDay, RUSSIAN));
        assertThat(TestMail.text(ru)).startsWith("Здравствуйте, " + name(russian) + "!").contains("Срок хранения данных встречи «" + title + "»");
    }

    // ------------------------------------------------------------------ helpers

    private AccountPrincipal speaking(String language, Role role) {
        AccountPrincipal p = accounts.create(role);
        jdbc.update("update account set preferred_language = ? where id = ?", language, p.accountId());
        return p;
    }

    private String name(AccountPrincipal p) {
        return jdbc.queryForObject("select display_name from account where id = ?", String.class, p.accountId());
    }

    private static String longDate(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
    }

    private static MimeMessage only(AccountPrincipal p) {
        return TestMail.onlyTo(p.getUsername());
    }

    private static MimeMessage about(AccountPrincipal p, String title) {
        return TestMail.aboutTo(p.getUsername(), title);
    }

    private static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 12) + "@test.ngo-platform.local";
    }

    private static SignUpRequest signUp(String email, String name, String language) {
        var r = new SignUpRequest();
        r.setEmail(email);
        r.setDisplayName(name);
        r.setOrganisationName("La Strada Poland");
        r.setCountryCode("PL");
        r.setPassword(AccountFixtures.PASSWORD);
        r.setPrivacyConsent(true);
        r.setLanguage(language);
        return r;
    }
}
