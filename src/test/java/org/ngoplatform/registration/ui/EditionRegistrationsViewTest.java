package org.ngoplatform.registration.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ui.BrowserWindow;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationSummary;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.registration.RegistrationStatus;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class EditionRegistrationsViewTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures accounts;
    @Autowired EditionFixtures editions;
    @Autowired RegistrationService registrations;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void organiser_sees_registrations_filters_and_promotes_with_a_reason() {
        EditionSummary edition = editions.open(1);
        List<AccountPrincipal> people = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            AccountPrincipal p = accounts.signIn(Role.PARTICIPANT);
            var request = EditionFixtures.request("La Strada Poland", "Role " + i);
            request.setAccessibilityNeeds("Step-free room");
            registrations.register(edition.id(), request);
            people.add(p);
        }
        accounts.signIn(Role.ORGANISER);
        navigate("admin/editions/" + edition.id() + "/registrations", Component.class);
        EditionRegistrationsView view = (EditionRegistrationsView) getCurrentView();

        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(3);
        assertThat(grid.getCellText(0, 0)).isEqualTo("Confirmed");
        assertThat(grid.getCellText(0, 2)).isEqualTo(people.get(0).displayName());
        assertThat(grid.getCellText(1, 1)).isEqualTo("1");
        assertThat(grid.getCellText(2, 1)).isEqualTo("2");
        assertThat(grid.getCellText(0, 6)).isEqualTo("Step-free room");
        assertThat(view.counts.getElement().getTextRecursively()).contains("Confirmed", "Waiting list", "Estonia");

        test(view.statusFilter).selectItem("Waiting list");
        assertThat(test(view.grid).size()).isEqualTo(2);

        RegistrationSummary last = test(view.grid).getRow(1);
        var actions = test(view.grid).getCellComponent(1, 8);
        Button promote = (Button) actions.getChildren().filter(c -> c.getId().orElse("").equals("promote-" + last.id()))
                .findFirst().orElseThrow();
        test(promote).click();
        roundTrip();
        test(view.dialog.ok).click();
        assertThat(view.dialog.reason.isInvalid()).isTrue();
        test(view.dialog.reason).setValue("Needed as interpreter");
        test(view.dialog.ok).click();

        assertThat(registrations.isConfirmed(edition.id(), people.get(2).accountId())).isTrue();
        assertThat(registrations.seats(edition.id()).capacity()).isEqualTo(2);
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getRow(0).status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(test(view.grid).getRow(0).waitlistPosition()).isEqualTo(1);
    }

    @Test
    void an_over_long_reason_is_explained_next_to_it_and_the_dialog_keeps_it_cancelling_nothing() {
        EditionSummary edition = editions.open(2);
        accounts.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("KOK", "Advisor"));
        accounts.signIn(Role.ORGANISER);
        navigate("admin/editions/" + edition.id() + "/registrations", Component.class);
        EditionRegistrationsView view = (EditionRegistrationsView) getCurrentView();
        RegistrationSummary row = test(view.grid).getRow(0);
        Button cancel = (Button) test(view.grid).getCellComponent(0, 8).getChildren()
                .filter(c -> c.getId().orElse("").equals("cancel-" + row.id())).findFirst().orElseThrow();
        test(cancel).click();
        roundTrip();

        // a client that ignores the field's maxlength
        String tooLong = "r".repeat(org.ngoplatform.registration.Registration.REASON_MAX + 1);
        view.dialog.reason.setValue(tooLong);
        test(view.dialog.ok).click();

        assertThat(view.dialog.reason.isInvalid()).isTrue();
        assertThat(view.dialog.reason.getErrorMessage()).isEqualTo("This is too long.");
        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(view.dialog.reason.getValue()).isEqualTo(tooLong);
        assertThat(test(view.grid).getRow(0).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void arrival_and_departure_are_written_as_the_rest_of_the_app_writes_dates() {
        EditionSummary edition = editions.open(2);
        accounts.signIn(Role.PARTICIPANT);
        var request = EditionFixtures.request("KOK", "Advisor");
        request.setArrivalOn(edition.startsOn());
        request.setDepartureOn(edition.endsOn());
        registrations.register(edition.id(), request);
        accounts.signIn(Role.ORGANISER);
        navigate("admin/editions/" + edition.id() + "/registrations", Component.class);
        EditionRegistrationsView view = (EditionRegistrationsView) getCurrentView();

        assertThat(test(view.grid).getCellText(0, 5)).isEqualTo(longDates(edition));
        assertThat(view.grid.getColumns().getLast().isFrozenToEnd()).as("the row's actions stay at the right edge").isTrue();
        assertThat(view.textFilter.getClassNames()).as("wide enough for its whole label").contains("search-field");
    }

    @Test
    void on_a_phone_each_registration_is_a_card_whose_cancel_button_cancels_it() {
        EditionSummary edition = editions.open(2);
        AccountPrincipal person = accounts.signIn(Role.PARTICIPANT);
        var request = EditionFixtures.request("La Strada Ukraine", "Lawyer");
        request.setArrivalOn(edition.startsOn());
        request.setDepartureOn(edition.endsOn());
        request.setDietaryNeeds("Halal");
        registrations.register(edition.id(), request);
        accounts.signIn(Role.ORGANISER);
        navigate("admin/editions/" + edition.id() + "/registrations", Component.class);
        EditionRegistrationsView view = (EditionRegistrationsView) getCurrentView();
        assertThat(view.cards.cardColumn()).as("no card column on a wide window").isEmpty();

        BrowserWindow.resize(BrowserWindow.PHONE);

        assertThat(view.cards.isNarrow()).isTrue();
        assertThat(view.grid.getColumns().stream().filter(Grid.Column::isVisible).toList())
                .as("only the card is shown: nothing to scroll sideways").containsExactly(view.cards.cardColumn().orElseThrow());
        var grid = test(view.grid);
        String card = grid.getCellComponent(0, 0).getElement().getTextRecursively();
        assertThat(card).contains(person.displayName(), "Confirmed", "La Strada Ukraine", longDates(edition), "Halal");
        RegistrationSummary row = grid.getRow(0);
        Button cancel = find(Button.class).withId("card-cancel-" + row.id()).single();
        test(cancel).click();
        roundTrip();
        test(view.dialog.reason).setValue("Asked by phone");
        test(view.dialog.ok).click();
        assertThat(test(view.grid).getRow(0).status()).isEqualTo(RegistrationStatus.CANCELLED);

        BrowserWindow.resize(BrowserWindow.DESKTOP);
        assertThat(view.cards.cardColumn().orElseThrow().isVisible()).isFalse();
        assertThat(test(view.grid).getCellText(0, 2)).isEqualTo(person.displayName());
    }

    /** "Apr 12, 2027 – Apr 15, 2027", as the rest of the app writes dates (not 4/12/27). */
    private static String longDates(EditionSummary edition) {
        var fmt = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
        return fmt.format(edition.startsOn()) + " – " + fmt.format(edition.endsOn());
    }

    @Test
    void export_link_downloads_the_workbook_with_special_fields_only_when_ticked() throws Exception {
        EditionSummary edition = editions.open(2);
        accounts.signIn(Role.PARTICIPANT);
        var request = EditionFixtures.request("KOK", "Advisor");
        request.setDietaryNeeds("Vegan");
        registrations.register(edition.id(), request);
        accounts.signIn(Role.ORGANISER);
        navigate("admin/editions/" + edition.id() + "/registrations", Component.class);
        EditionRegistrationsView view = (EditionRegistrationsView) getCurrentView();

        test(view.export).click();
        var plain = new ByteArrayOutputStream();
        test(find(Anchor.class).withId("export-download").single()).download(plain);
        test(find(Button.class).withId("export-close").single()).click();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(plain.toByteArray()))) {
            assertThat(wb.getSheet("Participants").getRow(0).getLastCellNum()).isEqualTo((short) 12);
        }
        test(view.includeSpecial).click();
        test(view.export).click();
        var special = new ByteArrayOutputStream();
        test(find(Anchor.class).withId("export-download").single()).download(special);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(special.toByteArray()))) {
            assertThat(wb.getSheet("Participants").getRow(1).getCell(12).getStringCellValue()).isEqualTo("Vegan");
        }
    }
}
