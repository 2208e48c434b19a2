package org.ngoplatform.programme.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ui.NotFoundView;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.ProgrammeFixtures;
import org.ngoplatform.programme.ProgrammeService;
import org.ngoplatform.programme.SessionKind;
import org.ngoplatform.programme.SessionSummary;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SATURDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.SPRING_SUNDAY;
import static org.ngoplatform.programme.ProgrammeFixtures.session;

@IntegrationTest
class ProgrammeViewsTest extends SpringBrowserlessTest {

    @Autowired ProgrammeService programmes;
    @Autowired ProgrammeFixtures fixtures;
    @Autowired AccountFixtures accounts;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void the_editor_lists_each_day_of_the_edition_with_the_zone_and_adds_a_session_through_its_dialog() {
        EditionSummary edition = fixtures.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        accounts.signIn(Role.ORGANISER);
        ProgrammeEditorView view = navigate("admin/editions/" + edition.id() + "/programme", ProgrammeEditorView.class);

        assertThat(find(H2.class).all()).hasSize(2).allSatisfy(h -> assertThat(h.getElement().getTextRecursively()).contains("2027").contains("Europe/Vienna"));
        assertThat(find(Paragraph.class).withId("programme-zone").single().getText()).contains("Europe/Vienna");

        test(view.add).click();
        roundTrip();
        var dialog = view.dialog;
        assertThat(dialog.title.isRequiredIndicatorVisible()).as("title marked required").isTrue();
        assertThat(dialog.startsAt.isRequiredIndicatorVisible()).isTrue();
        assertThat(dialog.startsAt.getLabel()).contains("Europe/Vienna");
        dialog.kind.setValue(SessionKind.PLENARY);
        test(dialog.title).setValue("Opening plenary");
        dialog.startsAt.setValue(SPRING_SATURDAY.atTime(9, 0));
        dialog.endsAt.setValue(SPRING_SATURDAY.atTime(10, 30));
        test(dialog.room).setValue("Hall A");
        test(dialog.description).setValue("Welcome by the hosts.");
        assertThat(dialog.hasChanges()).as("typed text is guarded").isTrue();
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(programmes.programme(edition.id()).orElseThrow().sessions()).extracting(SessionSummary::title)
                .containsExactly("Opening plenary");
        assertThat(view.days.getElement().getOuterHTML()).contains("Opening plenary").contains("Hall A");
    }

    @Test
    void a_clash_is_explained_next_to_the_room_naming_the_other_session_and_nothing_is_saved() {
        EditionSummary edition = fixtures.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        accounts.signIn(Role.ORGANISER);
        programmes.add(edition.id(), session(SessionKind.PLENARY, "Opening plenary", "Hall A",
                SPRING_SATURDAY.atTime(9, 0), SPRING_SATURDAY.atTime(10, 30)));
        ProgrammeEditorView view = navigate("admin/editions/" + edition.id() + "/programme", ProgrammeEditorView.class);

        test(view.add).click();
        roundTrip();
        var dialog = view.dialog;
        test(dialog.title).setValue("Workshop I");
        dialog.kind.setValue(SessionKind.WORKSHOP_SLOT);
        dialog.startsAt.setValue(SPRING_SATURDAY.atTime(10, 0));
        dialog.endsAt.setValue(SPRING_SATURDAY.atTime(11, 0));
        test(dialog.room).setValue("hall a");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.room.isInvalid()).isTrue();
        assertThat(dialog.room.getErrorMessage()).contains("Opening plenary").contains("Europe/Vienna");
        assertThat(programmes.programme(edition.id()).orElseThrow().sessions()).hasSize(1);

        // a time outside the edition is explained next to the start, with the edition's days
        dialog.startsAt.setValue(SPRING_SUNDAY.plusDays(1).atTime(9, 0));
        dialog.endsAt.setValue(SPRING_SUNDAY.plusDays(1).atTime(10, 0));
        test(dialog.room).setValue("Hall B");
        test(dialog.save).click();
        assertThat(dialog.startsAt.isInvalid()).isTrue();
        assertThat(dialog.startsAt.getErrorMessage()).contains("2027").contains("Europe/Vienna");
        assertThat(programmes.programme(edition.id()).orElseThrow().sessions()).hasSize(1);
    }

    @Test
    void deleting_a_session_asks_first_and_takes_it_off_the_programme() {
        EditionSummary edition = fixtures.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        accounts.signIn(Role.ORGANISER);
        SessionSummary s = programmes.add(edition.id(), session(SessionKind.BREAK, "Coffee", null,
                SPRING_SATURDAY.atTime(10, 30), SPRING_SATURDAY.atTime(11, 0)));
        navigate("admin/editions/" + edition.id() + "/programme", ProgrammeEditorView.class);

        test(find(com.vaadin.flow.component.button.Button.class).withId("delete-" + s.id()).single()).click();
        roundTrip();
        assertThat(programmes.programme(edition.id()).orElseThrow().sessions()).hasSize(1);
        var confirm = find(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class).withId("programme-delete-confirm").single();
        test(confirm).confirm();
        roundTrip();

        assertThat(programmes.programme(edition.id()).orElseThrow().sessions()).isEmpty();
    }

    @Test
    void anyone_reads_a_public_programme_by_day_with_the_zone_named_and_a_draft_one_is_not_found() {
        EditionSummary edition = fixtures.vienna(SPRING_SATURDAY, SPRING_SUNDAY, true);
        EditionSummary draft = fixtures.vienna(SPRING_SATURDAY, SPRING_SUNDAY, false);
        accounts.signIn(Role.ORGANISER);
        String markup = "<b>Closing</b> & <script>x()</script>";
        programmes.add(edition.id(), session(SessionKind.PLENARY, markup, "Hall A", SPRING_SUNDAY.atTime(16, 0), SPRING_SUNDAY.atTime(17, 0)));
        programmes.add(edition.id(), session(SessionKind.PLENARY, "Opening", "Hall A", SPRING_SATURDAY.atTime(9, 0), SPRING_SATURDAY.atTime(10, 0)));
        programmes.add(draft.id(), session(SessionKind.PLENARY, "Draft only", null, SPRING_SATURDAY.atTime(9, 0), SPRING_SATURDAY.atTime(10, 0)));
        AccountFixtures.signOut();

        ProgrammeView view = navigate("editions/" + edition.id() + "/programme", ProgrammeView.class);
        assertThat(find(H3.class).all()).extracting(H3::getText).containsExactly("Opening", markup);
        assertThat(find(H2.class).all()).hasSize(2).allSatisfy(h -> assertThat(h.getElement().getTextRecursively()).contains("Europe/Vienna"));
        assertThat(find(Paragraph.class).withId("programme-zone").single().getText()).contains("Europe/Vienna");
        assertThat(view.wholeCalendar.getHref()).isNotBlank();

        navigate("editions/" + draft.id() + "/programme", Component.class);
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
    }
}
