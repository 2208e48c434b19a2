package org.ngoplatform.registration.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.MyRegistration;
import org.ngoplatform.registration.RegistrationRequest;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.base.ui.RequiredFieldsCheck;
import org.ngoplatform.registration.RegistrationStatus;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RegistrationFormViewTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures accounts;
    @Autowired EditionFixtures editions;
    @Autowired RegistrationService registrations;
    @Autowired org.ngoplatform.organisation.OrganisationService organisations;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private RegistrationFormView open(EditionSummary edition) {
        navigate("", Component.class); // a fresh visit, as another person's browser would make
        navigate("editions/" + edition.id() + "/register", Component.class);
        return (RegistrationFormView) getCurrentView();
    }

    @Test
    void empty_form_shows_messages_and_registers_nothing() {
        EditionSummary edition = editions.open(5);
        accounts.signIn(Role.PARTICIPANT);
        RegistrationFormView view = open(edition);
        test(view.submit).click();

        assertThat(view.organisation.isInvalid()).isTrue();
        assertThat(view.organisation.getErrorMessage()).isEqualTo("Please fill in this field.");
        assertThat(view.jobTitle.getErrorMessage()).isEqualTo("Please fill in this field.");
        assertThat(view.consent.isInvalid()).isTrue();
        assertThat(view.result.isVisible()).isFalse();
        assertThat(registrations.mineFor(edition.id())).isEmpty();
    }

    @Test
    void every_field_that_must_be_filled_in_is_marked_required() {
        EditionSummary edition = editions.open(5);
        accounts.signIn(Role.PARTICIPANT);
        RegistrationFormView view = open(edition);

        RequiredFieldsCheck.assertMarked(view.binder, RegistrationRequest.class);
        assertThat(view.organisation.isRequiredIndicatorVisible()).isTrue();
        assertThat(view.jobTitle.isRequiredIndicatorVisible()).isTrue();
    }

    @Test
    void the_empty_form_shows_the_translated_message_next_to_every_required_field() {
        EditionSummary edition = editions.open(5);
        accounts.signIn(Role.PARTICIPANT);
        RegistrationFormView view = open(edition);
        view.organisation.clear();
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        test(view.submit).click();

        RequiredFieldsCheck.assertEmptyMessage(view.binder, RegistrationRequest.class, "Bitte füllen Sie dieses Feld aus.");
    }

    @Test
    void the_organisation_named_at_sign_up_is_filled_in() {
        EditionSummary edition = editions.open(5);
        AccountPrincipal me = accounts.signIn(Role.PARTICIPANT);
        long kok = organisations.approved().stream().filter(o -> o.name().equals("KOK")).findFirst().orElseThrow().id();
        jdbc.update("update account set organisation_id = ? where id = ?", kok, me.accountId());

        RegistrationFormView view = open(edition);

        assertThat(view.organisation.getValue()).isEqualTo("KOK");
    }

    @Test
    void departure_before_arrival_is_explained_and_typed_text_is_kept() {
        EditionSummary edition = editions.open(5);
        accounts.signIn(Role.PARTICIPANT);
        RegistrationFormView view = open(edition);
        test(view.organisation).selectItem("KOK");
        test(view.jobTitle).setValue("Counsellor");
        test(view.arrival).setValue(edition.startsOn().plusDays(1));
        test(view.departure).setValue(edition.startsOn());
        test(view.consent).click();
        test(view.submit).click();

        assertThat(view.departure.isInvalid()).isTrue();
        assertThat(view.departure.getErrorMessage()).isEqualTo("Departure must not be before arrival.");
        assertThat(view.jobTitle.getValue()).isEqualTo("Counsellor");
        assertThat(registrations.mineFor(edition.id())).isEmpty();
    }

    @Test
    void a_complete_form_confirms_the_seat_then_the_next_person_waits_with_a_position() {
        EditionSummary edition = editions.open(1);
        accounts.signIn(Role.PARTICIPANT);
        RegistrationFormView view = fill(open(edition), edition);
        test(view.dietary).setValue("No nuts");
        test(view.submit).click();

        assertThat(view.result.isVisible()).isTrue();
        assertThat(find(Paragraph.class, view.result).atIndex(1).getText()).startsWith("You are registered: your seat is confirmed.");
        MyRegistration mine = registrations.mineFor(edition.id()).orElseThrow();
        assertThat(mine.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(mine.dietaryNeeds()).isEqualTo("No nuts");
        assertThat(mine.organisationName()).isEqualTo("La Strada Czech Republic");

        accounts.signIn(Role.PARTICIPANT);
        RegistrationFormView next = fill(open(edition), edition);
        test(next.submit).click();
        assertThat(find(Paragraph.class, next.result).atIndex(1).getText())
                .isEqualTo("All seats are taken: you are on the waiting list at position 1. We will write to you if a seat frees up.");
    }

    @Test
    void a_closed_edition_shows_a_message_instead_of_the_form() {
        EditionSummary edition = editions.notYetOpen(5);
        accounts.signIn(Role.PARTICIPANT);
        RegistrationFormView view = open(edition);
        assertThat(find(Paragraph.class).withId("registration-not-open").single().getText())
                .isEqualTo("Registration for this edition is not open.");
        assertThat(find(Button.class).withId("registration-submit").exists()).isFalse();
    }

    @Test
    void my_registrations_offers_the_calendar_and_cancels_after_confirmation() {
        EditionSummary edition = editions.open(3);
        AccountPrincipal me = accounts.signIn(Role.PARTICIPANT);
        MyRegistration mine = registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));

        MyRegistrationsView view = navigate(MyRegistrationsView.class);
        var ics = new ByteArrayOutputStream();
        test(find(Anchor.class).withId("my-ics-" + mine.id()).single()).download(ics);
        assertThat(ics.toString(StandardCharsets.UTF_8)).contains("UID:registration-" + mine.id() + "@ngo-platform");

        test(find(Button.class).withId("my-cancel-" + mine.id()).single()).click();
        roundTrip();
        assertThat(test(view.confirm).getHeader()).isEqualTo("Cancel your registration?");
        test(view.confirm).cancel();
        assertThat(registrations.isConfirmed(edition.id(), me.accountId())).isTrue();

        test(find(Button.class).withId("my-cancel-" + mine.id()).single()).click();
        roundTrip();
        test(view.confirm).confirm();
        assertThat(registrations.mineFor(edition.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(find(Button.class).withId("my-cancel-" + mine.id()).exists()).isFalse();
    }

    private RegistrationFormView fill(RegistrationFormView view, EditionSummary edition) {
        test(view.organisation).selectItem("La Strada Czech Republic");
        test(view.jobTitle).setValue("Legal advisor");
        test(view.arrival).setValue(edition.startsOn().minusDays(1));
        test(view.departure).setValue(edition.endsOn());
        test(view.consent).click();
        return view;
    }
}
