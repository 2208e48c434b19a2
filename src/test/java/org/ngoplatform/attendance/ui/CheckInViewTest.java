package org.ngoplatform.attendance.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.attendance.AttendanceService;
import org.ngoplatform.attendance.CheckInPoint;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.RegistrationService;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class CheckInViewTest extends SpringBrowserlessTest {

    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures accounts;
    @Autowired RegistrationService registrations;
    @Autowired AttendanceService attendance;
    @Autowired org.ngoplatform.workshop.WorkshopService workshops;

    @AfterEach
    void signOut() {
        navigate("", com.vaadin.flow.component.Component.class); // detached: a late live update reads nothing
        AccountFixtures.signOut();
    }

    @Test
    void one_tap_marks_someone_present_one_tap_undoes_it_and_the_search_narrows_the_list() {
        EditionSummary edition = editions.open(5);
        AccountPrincipal anna = accounts.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("KOK Berlin", "Lawyer"));
        AccountPrincipal boris = accounts.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("La Strada", "Lawyer"));
        accounts.signIn(Role.ORGANISER);

        UI.getCurrent().navigate("editions/" + edition.id() + "/check-in", QueryParameters.of("point", edition.endsOn().toString()));
        CheckInView view = (CheckInView) getCurrentView();
        assertThat(view.point.getValue().point()).isEqualTo(CheckInPoint.ofDay(edition.endsOn()));
        assertThat(view.presentCount.getText()).isEqualTo("0 of 2 present");
        test($(Button.class, view).id("mark-" + anna.accountId())).click();
        assertThat(view.presentCount.getText()).isEqualTo("1 of 2 present");
        assertThat($(Button.class, view).withId("undo-" + anna.accountId()).exists()).isTrue();
        assertThat(attendance.checkInList(edition.id(), CheckInPoint.ofDay(edition.endsOn())))
                .filteredOn(a -> a.accountId() == anna.accountId()).singleElement().satisfies(a -> assertThat(a.present()).isTrue());

        test($(Button.class, view).id("undo-" + anna.accountId())).click();
        assertThat(view.presentCount.getText()).isEqualTo("0 of 2 present");

        test(view.search).setValue("strada");
        assertThat($(Button.class, view).withId("mark-" + boris.accountId()).exists()).isTrue();
        assertThat($(Button.class, view).withId("mark-" + anna.accountId()).exists()).isFalse();
        test(view.search).setValue("nobody-like-this");
        assertThat($(Paragraph.class, view).id("check-in-empty").getText()).isEqualTo("Nobody matches the search.");
    }

    @Test
    void a_mark_made_on_another_phone_shows_up_live_after_commit() {
        EditionSummary edition = editions.open(5);
        AccountPrincipal anna = accounts.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("KOK Berlin", "Lawyer"));
        accounts.signIn(Role.ORGANISER);
        CheckInView view = navigate("editions/" + edition.id() + "/check-in", CheckInView.class);
        CheckInPoint first = CheckInPoint.ofDay(edition.startsOn());
        assertThat(view.point.getValue().point()).isEqualTo(first);
        // another organiser's phone
        accounts.signIn(Role.ORGANISER);
        attendance.mark(edition.id(), first, anna.accountId());
        await().pollInSameThread().atMost(5, TimeUnit.SECONDS).pollInterval(50, TimeUnit.MILLISECONDS).until(() -> {
            var session = VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            return view.presentCount.getText().equals("1 of 1 present");
        });
    }

    @Test
    void a_delegated_facilitator_checks_in_and_sees_the_note_once_an_organiser_takes_check_in_back() {
        EditionSummary edition = editions.open(5);
        AccountPrincipal anna = accounts.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("KOK Berlin", "Lawyer"));
        AccountPrincipal facilitator = accounts.create(Role.FACILITATOR);
        editions.asOrganiser(() -> {
            var form = new org.ngoplatform.workshop.GroupForm();
            form.setTitle("Door " + java.util.UUID.randomUUID().toString().substring(0, 6));
            workshops.addFacilitator(workshops.createGroup(edition.id(), form).id(), facilitator.accountId());
            attendance.letFacilitatorsCheckIn(edition.id(), true);
            return null;
        });
        AccountFixtures.signIn(facilitator);
        CheckInView view = navigate("editions/" + edition.id() + "/check-in", CheckInView.class);
        assertThat(view.tools).as("organisers' tools").isNull();
        test($(Button.class, view).id("mark-" + anna.accountId())).click();
        assertThat(view.presentCount.getText()).isEqualTo("1 of 1 present");

        editions.asOrganiser(() -> {
            attendance.letFacilitatorsCheckIn(edition.id(), false);
            return null;
        });
        // the next tap, or the next live update, finds check-in taken back: the list gives way to the note
        $(Button.class, view).withId("undo-" + anna.accountId()).all().forEach(undo -> test(undo).click());
        assertThat($(Paragraph.class, view).id("check-in-not-delegated").isVisible()).isTrue();
        assertThat($(Button.class, view).all()).isEmpty();
    }

    @Test
    void a_facilitator_without_delegation_sees_a_note_and_no_list() {
        EditionSummary edition = editions.open(5);
        accounts.signIn(Role.FACILITATOR);
        CheckInView view = navigate("editions/" + edition.id() + "/check-in", CheckInView.class);
        assertThat($(Paragraph.class, view).id("check-in-not-delegated").getText()).startsWith("Checking people in at this edition is for organisers");
        assertThat($(Button.class, view).all()).isEmpty();
    }

    @Test
    void the_edition_page_links_organisers_to_the_check_in_and_shows_participants_nothing_of_it() {
        EditionSummary edition = editions.open(5);
        accounts.signIn(Role.ORGANISER);
        navigate("editions/" + edition.id(), com.vaadin.flow.component.Component.class);
        assertThat($(com.vaadin.flow.component.html.Anchor.class).id("check-in-link").getHref())
                .isEqualTo("editions/" + edition.id() + "/check-in");
        accounts.signIn(Role.PARTICIPANT);
        navigate("editions/" + edition.id(), com.vaadin.flow.component.Component.class);
        assertThat($(com.vaadin.flow.component.html.Anchor.class).withId("check-in-link").exists()).isFalse();
    }

    @Test
    void the_sign_in_sheet_lists_every_confirmed_participant_with_an_empty_signature_cell() {
        EditionSummary edition = editions.open(5);
        accounts.signIn(Role.PARTICIPANT);
        registrations.register(edition.id(), EditionFixtures.request("KOK Berlin", "Lawyer"));
        accounts.signIn(Role.ORGANISER);
        UI.getCurrent().navigate("editions/" + edition.id() + "/sign-in-sheet", QueryParameters.of("point", "not-a-point"));
        SignInSheetView view = (SignInSheetView) getCurrentView();
        assertThat(view.table.getHead().getChildren().count()).isEqualTo(1);
        assertThat(view.table.getBody().getChildren()).hasSize(1);
        NativeTableRow row = (NativeTableRow) view.table.getBody().getChildren().findFirst().orElseThrow();
        assertThat(row.getChildren()).hasSize(5);
    }
}
