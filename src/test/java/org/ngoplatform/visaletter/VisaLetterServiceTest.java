package org.ngoplatform.visaletter;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditEvent;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.privacy.MyDataService;
import org.ngoplatform.registration.MyRegistration;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.registration.RegistrationStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class VisaLetterServiceTest {

    /** Values that would break a document built by pasting text into XML, or a template filled in twice. */
    static final String HOSTILE_NAME = "Ana <w:t>x</w:t> ]]> & ${passport} {passport} \u0645\u0631\u064a\u0645";
    static final String HOSTILE_PASSPORT = "{name}<w:p/>";
    static final String TEMPLATE = "To the consulate in {consulateCity}\n\nWe invite {name} ({nationality}, passport {passport}, "
            + "born {birthDate}) to {edition} at {venue}, {city}, {startDate} to {endDate}.\n"
            + "Organisers' words: <w:body> ]]> ${name} \u202Edetrevni\u202C stay as written.";

    @Autowired VisaLetterService letters;
    @Autowired VisaLetterRequests whoAsked;
    @Autowired VisaLetterPersonalData personalData;
    @Autowired RegistrationService registrations;
    @Autowired MyDataService myData;
    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void only_a_participant_whose_registration_is_confirmed_or_waiting_may_ask_and_sees_only_their_own_request() {
        EditionSummary edition = editions.open(1);
        AccountPrincipal confirmed = registered(edition);
        AccountPrincipal waiting = registered(edition);
        AccountPrincipal unregistered = accounts.signIn(Role.PARTICIPANT);
        AccountFixtures.signIn(waiting);
        assertThat(registrations.mineFor(edition.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.WAITLISTED);

        AccountFixtures.signIn(unregistered);
        assertThat(letters.mayAsk(edition.id())).isFalse();
        assertRefused(() -> letters.saveMine(edition.id(), details("Nobody")), "registration", "visaletter.no-registration");
        assertThat(letters.mine(edition.id())).isEmpty();

        for (AccountPrincipal p : new AccountPrincipal[] {confirmed, waiting}) {
            AccountFixtures.signIn(p);
            assertThat(letters.mayAsk(edition.id())).isTrue();
            VisaLetterRequestSummary saved = letters.saveMine(edition.id(), details("Person " + p.accountId()));
            assertThat(saved.status()).isEqualTo(VisaLetterStatus.REQUESTED);
            assertThat(letters.mine(edition.id())).map(VisaLetterRequestSummary::fullName).contains("Person " + p.accountId());
            assertThat(letters.myLetter(edition.id())).as("not issued yet").isEmpty();
        }
        AccountFixtures.signIn(unregistered);
        assertThat(letters.mine(edition.id())).as("nobody sees another person's request").isEmpty();

        accounts.signIn(Role.ORGANISER);
        assertThat(letters.count(edition.id())).isEqualTo(2);
        assertThat(whoAsked.askedBy(edition.id())).containsExactlyInAnyOrder(confirmed.accountId(), waiting.accountId());
        assertThat(audit.forSubject("account:" + confirmed.accountId())).extracting(AuditEvent::getAction).contains("VISA_LETTER_REQUESTED");
    }

    @Test
    void bad_details_are_refused_next_to_their_field_and_change_nothing() {
        EditionSummary edition = editions.open(5);
        AccountPrincipal p = registered(edition);
        LocalDate tomorrow = LocalDate.now().plusDays(2);
        assertRefused(() -> letters.saveMine(edition.id(), with(d -> d.setDateOfBirth(tomorrow))), "dateOfBirth", "visaletter.birth-date.future");
        assertRefused(() -> letters.saveMine(edition.id(), with(d -> d.setDateOfBirth(null))), "dateOfBirth", "validation.required");
        assertRefused(() -> letters.saveMine(edition.id(), with(d -> d.setFullName("Anna\u0000Novak"))), "fullName", "validation.control-characters");
        assertRefused(() -> letters.saveMine(edition.id(), with(d -> d.setPassportNumber("AB\n123"))), "passportNumber", "validation.control-characters");
        assertRefused(() -> letters.saveMine(edition.id(), with(d -> d.setNationality("x".repeat(101)))), "nationality", "validation.too-long");
        assertRefused(() -> letters.saveMine(edition.id(), with(d -> d.setConsulateCity("  "))), "consulateCity", "validation.required");
        assertThat(letters.mine(edition.id())).as("nothing written").isEmpty();

        letters.saveMine(edition.id(), details("Anna Novak"));
        assertRefused(() -> letters.saveMine(edition.id(), with(d -> d.setDateOfBirth(LocalDate.now().plusYears(1)))),
                "dateOfBirth", "visaletter.birth-date.future");
        assertThat(letters.mine(edition.id()).orElseThrow().dateOfBirth()).isEqualTo(LocalDate.of(1990, 4, 1));
        assertThat(p).isNotNull();
    }

    @Test
    void a_template_that_is_too_long_names_a_placeholder_that_does_not_exist_or_holds_control_characters_is_refused_and_nothing_is_kept() {
        EditionSummary edition = editions.open(5);
        accounts.signIn(Role.ORGANISER);
        VisaLetterTemplateSummary suggested = letters.template(edition.id(), Locale.GERMAN);
        assertThat(suggested.saved()).isFalse();
        assertThat(suggested.language()).isEqualTo("de");
        assertThat(VisaLetterRules.unknownPlaceholder(suggested.body())).as("the suggestion uses known placeholders").isNull();

        assertRefused(() -> letters.saveTemplate(edition.id(), "Dear {consul}, {name} comes.", "en"),
                "body", "visaletter.template.unknown-placeholder");
        try {
            letters.saveTemplate(edition.id(), "Dear {consul}", "en");
        } catch (VisaLetterRejectedException e) {
            assertThat(e.params()).containsExactly("{consul}");
        }
        assertRefused(() -> letters.saveTemplate(edition.id(), "x".repeat(VisaLetterRules.TEMPLATE_MAX + 1), "en"),
                "body", "visaletter.template.too-long");
        assertRefused(() -> letters.saveTemplate(edition.id(), "Dear\u0007 consul", "en"), "body", "validation.control-characters");
        assertRefused(() -> letters.saveTemplate(edition.id(), "Dear consul", "fr"), "language", "validation.required");
        assertRefused(() -> letters.saveTemplate(edition.id(), " ", "en"), "body", "validation.required");
        assertThat(letters.template(edition.id(), Locale.ENGLISH).saved()).as("nothing kept").isFalse();
        assertRefused(() -> letters.issueAll(edition.id()), "body", "visaletter.template.missing");

        letters.saveTemplate(edition.id(), TEMPLATE, "en");
        assertThat(letters.template(edition.id(), Locale.GERMAN)).extracting(VisaLetterTemplateSummary::body,
                VisaLetterTemplateSummary::language, VisaLetterTemplateSummary::saved).containsExactly(TEMPLATE, "en", true);
        assertRefused(() -> letters.saveTemplate(edition.id(), "{passprot}", "en"), "body", "visaletter.template.unknown-placeholder");
        assertThat(letters.template(edition.id(), Locale.ENGLISH).body()).as("the kept template is unchanged").isEqualTo(TEMPLATE);
    }

    @Test
    void an_issued_letter_opened_with_poi_holds_the_template_and_the_details_literally_and_only_its_owner_downloads_it() throws Exception {
        EditionSummary edition = editions.open(5);
        AccountPrincipal p = registered(edition);
        AccountPrincipal other = registered(edition);
        AccountFixtures.signIn(p);
        letters.saveMine(edition.id(), VisaDetailsForm.of(HOSTILE_NAME, "Moldovan", HOSTILE_PASSPORT, LocalDate.of(1990, 4, 1), "Chi\u0219in\u0103u"));
        accounts.signIn(Role.ORGANISER);
        letters.saveTemplate(edition.id(), TEMPLATE, "en");
        long id = letters.requests(edition.id(), 0, 10).getFirst().id();
        assertThat(letters.issue(id).status()).isEqualTo(VisaLetterStatus.ISSUED);

        AccountFixtures.signIn(p);
        VisaLetterFile file = letters.myLetter(edition.id()).orElseThrow();
        assertThat(file.fileName()).endsWith(".docx");
        String text = text(file);
        assertThat(text)
                .contains("To the consulate in Chi\u0219in\u0103u")
                .contains("We invite " + HOSTILE_NAME + " (Moldovan, passport " + HOSTILE_PASSPORT + ", born April 1, 1990)")
                .contains("to " + edition.title() + " at Town Hall, " + edition.city())
                .contains("Organisers' words: <w:body> ]]> $" + HOSTILE_NAME + " \u202Edetrevni\u202C stay as written."); // $ + {name}
        assertThat(text).as("a value is never filled in again").doesNotContain("passport Ana");

        AccountFixtures.signIn(other);
        assertThat(letters.myLetter(edition.id())).as("another participant gets only their own (none)").isEmpty();

        accounts.signIn(Role.ORGANISER);
        assertThat(text(letters.letter(id).orElseThrow())).isEqualTo(text);
        assertThat(audit.forSubject("account:" + p.accountId())).extracting(AuditEvent::getAction)
                .contains("VISA_LETTER_ISSUED", "VISA_LETTER_DOWNLOADED");
    }

    @Test
    void changed_details_need_the_letter_issued_again_and_issuing_for_all_issues_only_what_is_outstanding() throws Exception {
        EditionSummary edition = editions.open(5);
        AccountPrincipal anna = registered(edition);
        AccountPrincipal ben = registered(edition);
        AccountFixtures.signIn(anna);
        letters.saveMine(edition.id(), details("Anna Novak"));
        AccountFixtures.signIn(ben);
        letters.saveMine(edition.id(), details("Ben Ivanov"));

        accounts.signIn(Role.ORGANISER);
        letters.saveTemplate(edition.id(), "Letter for {name}, passport {passport}.", "en");
        assertThat(letters.issueAll(edition.id())).isEqualTo(2);
        assertThat(letters.issueAll(edition.id())).as("nothing outstanding").isZero();

        AccountFixtures.signIn(anna);
        letters.saveMine(edition.id(), details("Anna Novak")); // the same details: nothing changes
        assertThat(letters.mine(edition.id()).orElseThrow().status()).isEqualTo(VisaLetterStatus.ISSUED);
        letters.saveMine(edition.id(), with(d -> d.setPassportNumber("NEW-999")));
        assertThat(letters.mine(edition.id()).orElseThrow().status()).isEqualTo(VisaLetterStatus.REISSUE_NEEDED);
        assertThat(text(letters.myLetter(edition.id()).orElseThrow())).as("the letter as issued until it is issued again")
                .contains("passport AB1234567");

        accounts.signIn(Role.ORGANISER);
        assertThat(letters.requests(edition.id(), 0, 10)).extracting(VisaLetterRequestSummary::fullName, VisaLetterRequestSummary::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Anna Novak", VisaLetterStatus.REISSUE_NEEDED),
                        org.assertj.core.groups.Tuple.tuple("Ben Ivanov", VisaLetterStatus.ISSUED));
        assertThat(letters.issueAll(edition.id())).isEqualTo(1);
        AccountFixtures.signIn(anna);
        assertThat(text(letters.myLetter(edition.id()).orElseThrow())).contains("passport NEW-999");
        assertThat(letters.mine(edition.id()).orElseThrow().status()).isEqualTo(VisaLetterStatus.ISSUED);
    }

    @Test
    void the_details_go_with_a_withdrawal_a_cancelled_registration_an_erased_account_and_the_editions_special_category_purge() {
        EditionSummary edition = editions.open(9);
        AccountPrincipal withdraws = registered(edition);
        AccountPrincipal cancels = registered(edition);
        AccountPrincipal erased = registered(edition);
        AccountPrincipal purged = registered(edition);
        for (AccountPrincipal p : new AccountPrincipal[] {withdraws, cancels, erased, purged}) {
            AccountFixtures.signIn(p);
            letters.saveMine(edition.id(), details("Person " + p.accountId()));
        }
        assertThat(requests(edition.id())).isEqualTo(4);

        AccountFixtures.signIn(withdraws);
        assertThat(letters.withdrawMine(edition.id())).isTrue();
        assertThat(letters.mine(edition.id())).isEmpty();

        AccountFixtures.signIn(cancels);
        MyRegistration registration = registrations.mineFor(edition.id()).orElseThrow();
        registrations.cancel(registration.id());
        assertThat(letters.mine(edition.id())).isEmpty();

        AccountFixtures.signIn(erased);
        assertThat(new String(myData.exportMine(), StandardCharsets.UTF_8)).contains("\"visa_letters\"")
                .contains("AB1234567").contains("Person " + erased.accountId());
        myData.eraseMine();
        assertThat(requests(edition.id())).isEqualTo(1);

        AccountFixtures.signOut();
        Integer purgedRows = transactions.execute(status -> personalData.purgeSpecialCategory(edition.id()));
        assertThat(purgedRows).isEqualTo(1);
        assertThat(requests(edition.id())).isZero();
        accounts.signIn(Role.ORGANISER);
        assertThat(whoAsked.askedBy(edition.id())).isEmpty();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private AccountPrincipal registered(EditionSummary edition) {
        AccountPrincipal p = accounts.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("La Strada", "Lawyer"));
        return p;
    }

    private static VisaDetailsForm details(String name) {
        return VisaDetailsForm.of(name, "Ukrainian", "AB1234567", LocalDate.of(1990, 4, 1), "Kyiv");
    }

    private static VisaDetailsForm with(Consumer<VisaDetailsForm> change) {
        VisaDetailsForm f = details("Anna Novak");
        change.accept(f);
        return f;
    }

    private static void assertRefused(Runnable action, String field, String messageKey) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(VisaLetterRejectedException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(messageKey);
        });
    }

    private long requests(long editionId) {
        return jdbc.sql("SELECT COUNT(*) FROM visa_letter_request WHERE edition_id = ?").param(editionId).query(Long.class).single();
    }

    private static String text(VisaLetterFile file) throws Exception {
        try (var doc = new XWPFDocument(new ByteArrayInputStream(file.content())); var extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }
}
