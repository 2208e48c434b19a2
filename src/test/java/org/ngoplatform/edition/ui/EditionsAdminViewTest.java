package org.ngoplatform.edition.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ui.BrowserWindow;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionStatus;
import org.ngoplatform.edition.EditionSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class EditionsAdminViewTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures accounts;
    @Autowired EditionService editions;
    @Autowired EditionFixtures editionFixtures;
    @Autowired org.ngoplatform.registration.RegistrationService registrations;
    @Autowired org.springframework.context.ApplicationContext context;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    static final String MARKUP = "<script>alert('x')</script><b>bold</b>";

    @Test
    void markup_in_an_edition_is_shown_as_literal_text_on_its_page() {
        accounts.signIn(Role.ORGANISER);
        var form = EditionFixtures.form(30, LocalDateTime.now().minusDays(1), LocalDateTime.now().plusDays(30));
        form.setCity(MARKUP);
        form.setVenue(MARKUP);
        form.setDescription(MARKUP);
        EditionSummary saved = editions.create(form);
        assertThat(saved.city()).isEqualTo(MARKUP);

        navigate("editions/" + saved.id(), Component.class);
        assertThat(find(H1.class).single().getText()).startsWith(MARKUP + ", ");
        assertThat(find(Span.class).all()).anyMatch(span -> MARKUP.equals(span.getText()));
        assertThat(find(Paragraph.class).all()).anyMatch(p -> MARKUP.equals(p.getText()));
    }

    @Test
    void every_field_of_the_edition_form_that_must_be_filled_in_is_marked_required() {
        accounts.signIn(Role.ORGANISER);
        EditionsAdminView view = navigate(EditionsAdminView.class);
        test(view.create).click();
        roundTrip();

        // city, country and time zone (@NotBlank) as well as dates and capacity (@NotNull)
        org.ngoplatform.base.ui.RequiredFieldsCheck.assertMarked(view.dialog.binder, org.ngoplatform.edition.EditionForm.class);
    }

    @Test
    void an_over_long_description_is_explained_next_to_the_field_and_nothing_is_saved() {
        accounts.signIn(Role.ORGANISER);
        EditionsAdminView view = navigate(EditionsAdminView.class);
        long before = editions.count(null, null);
        test(view.create).click();
        roundTrip();
        var form = view.dialog;
        String city = "Vilnius-" + UUID.randomUUID().toString().substring(0, 5);
        test(form.city).setValue(city);
        test(form.country).selectItem("Latvia");
        test(form.timeZone).selectItem("Europe/Riga");
        test(form.startsOn).setValue(LocalDate.of(2032, 6, 1));
        test(form.endsOn).setValue(LocalDate.of(2032, 6, 3));
        test(form.capacity).setValue(80);
        test(form.opensAt).setValue(LocalDateTime.of(2032, 1, 1, 9, 0));
        test(form.closesAt).setValue(LocalDateTime.of(2032, 5, 1, 18, 0));
        // a client that ignores maxlength sends 100,000 characters
        test(form.description).setValue("x".repeat(100_000));
        test(form.save).click();

        assertThat(form.description.isInvalid()).isTrue();
        assertThat(form.description.getErrorMessage()).isEqualTo("This is too long.");
        assertThat(form.isOpened()).isTrue();
        assertThat(editions.count(null, null)).isEqualTo(before);

        test(form.description).setValue("Three days in Vilnius.");
        test(form.save).click();
        assertThat(form.isOpened()).isFalse();
        assertThat(editions.count(null, null)).isEqualTo(before + 1);
    }

    @Test
    void invalid_edition_form_shows_messages_and_saves_nothing() {
        accounts.signIn(Role.ORGANISER);
        EditionsAdminView view = navigate(EditionsAdminView.class);
        long before = editions.count(null, null);
        test(view.create).click();
        roundTrip();
        var form = view.dialog;
        test(form.city).setValue("Vilnius");
        test(form.startsOn).setValue(LocalDate.of(2031, 5, 10));
        test(form.endsOn).setValue(LocalDate.of(2031, 5, 8));
        test(form.save).click();

        assertThat(form.endsOn.isInvalid()).isTrue();
        assertThat(form.endsOn.getErrorMessage()).isEqualTo("The end date must not be before the start date.");
        assertThat(form.capacity.getErrorMessage()).isEqualTo("Please fill in this field.");
        assertThat(form.country.getErrorMessage()).isEqualTo("Please choose a country from the list.");
        assertThat(form.isOpened()).isTrue();
        assertThat(form.city.getValue()).isEqualTo("Vilnius");
        assertThat(editions.count(null, null)).isEqualTo(before);
    }

    @Test
    void organiser_creates_an_edition_filters_by_year_and_opens_registration() {
        accounts.signIn(Role.ORGANISER);
        EditionsAdminView view = navigate(EditionsAdminView.class);
        String city = "Riga-" + UUID.randomUUID().toString().substring(0, 5);
        int year = 2040 + (int) (Math.random() * 50);
        test(view.create).click();
        roundTrip();
        var form = view.dialog;
        test(form.city).setValue(city);
        test(form.country).selectItem("Latvia");
        test(form.timeZone).selectItem("Europe/Riga");
        test(form.startsOn).setValue(LocalDate.of(year, 6, 1));
        test(form.endsOn).setValue(LocalDate.of(year, 6, 3));
        test(form.capacity).setValue(80);
        test(form.opensAt).setValue(LocalDateTime.of(year, 1, 1, 9, 0));
        test(form.closesAt).setValue(LocalDateTime.of(year, 5, 1, 18, 0));
        test(form.save).click();
        assertThat(form.isOpened()).isFalse();

        test(view.yearFilter).setValue(year);
        assertThat(test(view.grid).size()).isGreaterThanOrEqualTo(1);
        EditionSummary created = editions.page(null, year, 0, 50, Sort.unsorted()).stream()
                .filter(e -> e.city().equals(city)).findFirst().orElseThrow();
        assertThat(created.status()).isEqualTo(EditionStatus.DRAFT);
        assertThat(created.timeZone()).isEqualTo("Europe/Riga");
        assertThat(created.registrationOpensAt())
                .isEqualTo(LocalDateTime.of(year, 1, 1, 9, 0).atZone(ZoneId.of("Europe/Riga")).toInstant());

        view.open(created);
        roundTrip();
        test(find(Button.class).withId("edition-status-OPEN").single()).click();
        assertThat(editions.require(created.id()).status()).isEqualTo(EditionStatus.OPEN);
        test(view.statusFilter).selectItem("Registration open");
        assertThat(test(view.grid).size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void the_list_shows_confirmed_seats_of_the_capacity_and_the_waiting_list_per_edition() {
        EditionSummary edition = editionFixtures.open(2);
        for (var person : org.ngoplatform.account.BulkAccounts.participants(context, 3)) {
            AccountFixtures.signIn(person);
            registrations.register(edition.id(), EditionFixtures.request("La Strada Ukraine", "Hotline counsellor"));
        }
        accounts.signIn(Role.ORGANISER);
        EditionsAdminView view = navigate(EditionsAdminView.class);
        var grid = test(view.grid);
        int row = -1;
        for (int i = 0; i < grid.size() && row < 0; i++) {
            if (grid.getCellText(i, 0).equals(edition.city() + " " + edition.year())) row = i;
        }
        assertThat(row).as("the new edition is listed").isNotNegative();
        assertThat(view.grid.getColumns().get(2).getHeaderText()).isEqualTo("Confirmed / capacity");
        assertThat(grid.getCellText(row, 2)).isEqualTo("2 / 2");
        assertThat(view.grid.getColumns().get(3).getHeaderText()).isEqualTo("Waiting list");
        assertThat(grid.getCellText(row, 3)).isEqualTo("1");
    }

    @Test
    void on_a_phone_each_edition_is_a_card_with_its_counts_and_its_registrations_and_edit_actions() {
        EditionSummary edition = editionFixtures.open(2);
        accounts.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("La Strada Ukraine", "Hotline counsellor"));
        accounts.signIn(Role.ORGANISER);
        EditionsAdminView view = navigate(EditionsAdminView.class);
        test(view.yearFilter).setValue(edition.year());

        BrowserWindow.resize(BrowserWindow.PHONE);

        assertThat(view.grid.getColumns().stream().filter(c -> c.isVisible()).toList())
                .as("only the card is shown").containsExactly(view.cards.cardColumn().orElseThrow());
        var grid = test(view.grid);
        int row = -1;
        for (int i = 0; i < grid.size() && row < 0; i++) {
            if (grid.getRow(i).id() == edition.id()) row = i;
        }
        assertThat(row).as("the new edition is listed").isNotNegative();
        var card = grid.getCellComponent(row, 0);
        assertThat(card.getElement().getTextRecursively())
                .contains(edition.city() + " " + edition.year(), "Confirmed / capacity: 1 / 2", "Waiting list: 0", "Registrations", "Programme");
        test(find(Button.class).withId("edition-edit-" + edition.id()).single()).click();
        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(view.dialog.city.getValue()).isEqualTo(edition.city());

        BrowserWindow.resize(BrowserWindow.DESKTOP);
        assertThat(view.grid.getColumns().stream().filter(c -> c.isVisible()).count()).isEqualTo(7);
    }
}
