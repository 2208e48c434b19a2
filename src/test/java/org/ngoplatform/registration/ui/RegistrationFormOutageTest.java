package org.ngoplatform.registration.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.CuttableTcpProxy;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.ProxiedDatabase;
import org.ngoplatform.ProxiedDatabaseTest;
import org.ngoplatform.TestDatabase;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database dies while a person registers (before the click, or with the registration half written): the page
 * tells them it was not saved, keeps what they typed, and the same click works once the database is back.
 */
@ProxiedDatabaseTest
// Runs as a nested class of org.ngoplatform.ProxiedDatabaseGroupTest (one test JVM, one context start per suite).
public abstract class RegistrationFormOutageTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures accounts;
    @Autowired EditionFixtures editions;
    @Autowired RegistrationService registrations;

    private final JdbcTemplate direct = new JdbcTemplate(new DriverManagerDataSource(TestDatabase.url(),
            TestDatabase.user(), TestDatabase.password()));

    @AfterEach
    void restore() {
        ProxiedDatabase.proxy().restore();
        AccountFixtures.signOut();
    }

    private RegistrationFormView open(EditionSummary edition) {
        navigate("", Component.class);
        navigate("editions/" + edition.id() + "/register", Component.class);
        RegistrationFormView view = (RegistrationFormView) getCurrentView();
        test(view.organisation).selectItem("La Strada Czech Republic");
        test(view.jobTitle).setValue("Legal advisor");
        test(view.arrival).setValue(edition.startsOn().minusDays(1));
        test(view.departure).setValue(edition.endsOn());
        test(view.consent).click();
        return view;
    }

    private void assertToldNotSaved(RegistrationFormView view) {
        assertThat(view.result.isVisible()).as("a message on the page").isTrue();
        assertThat(view.result.getElement().getText() + view.result.getChildren().map(c -> c.getElement().getText()).toList())
                .contains("Your registration was NOT saved.", "temporarily unavailable");
        assertThat(view.result.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(view.jobTitle.getValue()).as("what was typed is kept").isEqualTo("Legal advisor");
    }

    private void assertRegistersOnceBack(RegistrationFormView view, EditionSummary edition) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> registrations.seats(edition.id()) != null);
        test(view.submit).click();
        assertThat(view.result.getChildren().map(c -> c.getElement().getText()).toList().toString())
                .contains("You are registered");
        assertThat(registrations.mineFor(edition.id())).isPresent();
    }

    @Test
    void a_registration_while_the_database_is_down_says_it_was_not_saved_and_works_once_it_is_back() {
        EditionSummary edition = editions.open(5);
        accounts.signIn(Role.PARTICIPANT);
        RegistrationFormView view = open(edition);

        ProxiedDatabase.proxy().cut();
        test(view.submit).click();
        ProxiedDatabase.proxy().restore();

        assertToldNotSaved(view);
        assertRegistersOnceBack(view, edition);
    }

    @Test
    void a_registration_whose_connection_dies_half_written_says_it_was_not_saved() throws Exception {
        EditionSummary edition = editions.open(5);
        AccountPrincipal person = accounts.create(Role.PARTICIPANT);
        AccountFixtures.signIn(person);
        RegistrationFormView view = open(edition);

        // The confirmation mail is queued last: sleep there for this person only, then drop every connection.
        String trigger = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        direct.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON mail_outbox FOR EACH ROW "
                + "BEGIN IF NEW.recipient = '" + person.getUsername() + "' THEN DO SLEEP(3), '" + trigger + "'; END IF; END");
        try {
            CuttableTcpProxy proxy = ProxiedDatabase.proxy();
            var crash = CompletableFuture.runAsync(() -> {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> direct.queryForObject(
                        "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE STATE = 'User sleep' AND INFO LIKE ?",
                        Long.class, "%'" + trigger + "'%") > 0);
                proxy.cut();
                proxy.restore();
            });
            test(view.submit).click();
            crash.join();
        } finally {
            direct.execute("DROP TRIGGER IF EXISTS " + trigger);
        }

        assertToldNotSaved(view);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(direct.queryForObject(
                "SELECT COUNT(*) FROM registration WHERE edition_id = ?", Long.class, edition.id())).isZero());
        assertRegistersOnceBack(view, edition);
    }
}
