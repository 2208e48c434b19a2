package org.ngoplatform.workshop.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.export.ui.ExportButton;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.programme.ProgrammeFixtures;
import org.ngoplatform.programme.ProgrammeService;
import org.ngoplatform.programme.SessionKind;
import org.ngoplatform.programme.SessionSummary;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class GroupsAdminViewTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures fixtures;
    @Autowired EditionService editions;
    @Autowired WorkshopService workshops;
    @Autowired AccountService accounts;
    @Autowired ProgrammeFixtures programmes;
    @Autowired ProgrammeService programmeService;
    @Autowired org.ngoplatform.workshop.WorkshopReportService reports;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private long edition2013() {
        return editions.past().stream().filter(e -> e.year() == 2013).findFirst().orElseThrow().id();
    }

    @Test
    void organiser_defines_a_group_and_assigns_a_facilitator_who_gets_the_role() {
        fixtures.signIn(Role.ORGANISER);
        AccountPrincipal someone = fixtures.create(Role.PARTICIPANT);
        GroupsAdminView view = navigate("admin/editions/" + edition2013() + "/groups", GroupsAdminView.class);

        test(view.save).click();
        assertThat(view.title.isInvalid()).isTrue();

        String title = "Labour exploitation " + UUID.randomUUID().toString().substring(0, 6);
        test(view.title).setValue(title);
        test(view.capacity).setValue(12);
        test(view.save).click();

        WorkshopGroupSummary saved = workshops.groupsOf(edition2013()).stream()
                .filter(g -> g.title().equals(title)).findFirst().orElseThrow();
        assertThat(saved.programmeSessionId()).isNull();
        assertThat(saved.capacity()).isEqualTo(12);

        view.facilitators.pick.setValue(accounts.find(someone.accountId()).orElseThrow());
        test(view.facilitators.add).click();
        assertThat(workshops.group(saved.id()).facilitatorIds()).containsExactly(someone.accountId());
        assertThat(accounts.find(someone.accountId()).orElseThrow().roles()).contains(Role.FACILITATOR);
    }

    @Test
    void a_disabled_account_is_not_offered_as_facilitator_and_one_disabled_meanwhile_is_refused_next_to_the_picker() {
        fixtures.signIn(Role.ORGANISER);
        AccountPrincipal active = fixtures.create(Role.PARTICIPANT);
        AccountPrincipal disabled = fixtures.create(Role.PARTICIPANT);
        accounts.setEnabled(disabled.accountId(), false);
        GroupForm form = new GroupForm();
        form.setTitle("Facilitated " + UUID.randomUUID().toString().substring(0, 6));
        WorkshopGroupSummary group = workshops.createGroup(edition2013(), form);
        GroupsAdminView view = navigate("admin/editions/" + edition2013() + "/groups", GroupsAdminView.class);
        view.select(group);

        test(view.facilitators.pick).setFilter(disabled.getUsername());
        assertThat(test(view.facilitators.pick).getSuggestions()).isEmpty();
        test(view.facilitators.pick).setFilter(active.getUsername());
        assertThat(test(view.facilitators.pick).getSuggestions()).hasSize(1);

        // picked while it could still sign in, disabled before "Assign" was pressed
        view.facilitators.pick.setValue(accounts.find(active.accountId()).orElseThrow());
        accounts.setEnabled(active.accountId(), false);
        test(view.facilitators.add).click();

        assertThat(view.facilitators.pick.isInvalid()).isTrue();
        assertThat(view.facilitators.pick.getErrorMessage())
                .isEqualTo("This account is disabled or erased and cannot facilitate. Pick another one.");
        assertThat(workshops.group(group.id()).facilitatorIds()).isEmpty();
        assertThat(accounts.find(active.accountId()).orElseThrow().roles()).doesNotContain(Role.FACILITATOR);
    }

    @Test
    void assigning_without_picking_an_account_is_explained_next_to_the_picker() {
        fixtures.signIn(Role.ORGANISER);
        GroupForm form = new GroupForm();
        form.setTitle("Nobody picked " + UUID.randomUUID().toString().substring(0, 6));
        WorkshopGroupSummary group = workshops.createGroup(edition2013(), form);
        GroupsAdminView view = navigate("admin/editions/" + edition2013() + "/groups", GroupsAdminView.class);
        view.select(group);

        test(view.facilitators.add).click();

        assertThat(view.facilitators.pick.isInvalid()).isTrue();
        assertThat(view.facilitators.pick.getErrorMessage()).isEqualTo("Please fill in this field.");
        assertThat(workshops.group(group.id()).facilitatorIds()).isEmpty();
    }

    @Test
    void on_a_phone_each_group_is_a_card_with_its_facts_and_a_link_to_its_outcomes() {
        fixtures.signIn(Role.ORGANISER);
        AccountPrincipal facilitator = fixtures.create(Role.PARTICIPANT);
        var edition = editions.create(org.ngoplatform.EditionFixtures.form(20,
                java.time.LocalDateTime.now().minusDays(1), java.time.LocalDateTime.now().plusDays(30)));
        GroupForm form = new GroupForm();
        form.setTitle("Compensation for trafficked persons");
        form.setRoom("Room B 2.14");
        form.setCapacity(12);
        WorkshopGroupSummary group = workshops.createGroup(edition.id(), form);
        workshops.addFacilitator(group.id(), facilitator.accountId());
        GroupsAdminView view = navigate("admin/editions/" + edition.id() + "/groups", GroupsAdminView.class);
        assertThat(view.cards.cardColumn()).as("no card column on a wide window").isEmpty();

        org.ngoplatform.base.ui.BrowserWindow.resize(org.ngoplatform.base.ui.BrowserWindow.PHONE);

        assertThat(view.grid.getColumns().stream().filter(com.vaadin.flow.component.grid.Grid.Column::isVisible).toList())
                .as("only the card: nothing to scroll sideways").containsExactly(view.cards.cardColumn().orElseThrow());
        var card = test(view.grid).getCellComponent(0, 0);
        assertThat(card.getElement().getTextRecursively())
                .contains("Compensation for trafficked persons", "Room: Room B 2.14", "Places: 12", "Outcomes: Draft",
                        "Facilitators: " + facilitator.displayName());
        assertThat(card.getElement().getTextRecursively()).as("no slot: the fact is left out").doesNotContain("Session slot");
        assertThat(card.getChildren().flatMap(com.vaadin.flow.component.Component::getChildren)
                .filter(com.vaadin.flow.component.html.Anchor.class::isInstance)
                .map(a -> ((com.vaadin.flow.component.html.Anchor) a).getHref()))
                .containsExactly("editions/" + edition.id() + "/groups/" + group.id());

        test(view.grid).select(0);
        assertThat(view.title.getValue()).as("a tapped card opens the group in the form").isEqualTo("Compensation for trafficked persons");
        org.ngoplatform.base.ui.BrowserWindow.resize(org.ngoplatform.base.ui.BrowserWindow.DESKTOP);
    }

    @Test
    void the_slot_picker_offers_the_editions_workshop_slots_with_day_time_and_zone_and_saves_the_link() {
        EditionSummary edition = programmes.vienna(ProgrammeFixtures.SPRING_SATURDAY, ProgrammeFixtures.SPRING_SUNDAY, true);
        EditionSummary other = programmes.vienna(ProgrammeFixtures.SPRING_SATURDAY, ProgrammeFixtures.SPRING_SUNDAY, true);
        SessionSummary morning = programmes.add(edition.id(), ProgrammeFixtures.session(SessionKind.WORKSHOP_SLOT,
                "Workshops I", null, ProgrammeFixtures.SPRING_SATURDAY.atTime(10, 0), ProgrammeFixtures.SPRING_SATURDAY.atTime(12, 0)));
        programmes.add(edition.id(), ProgrammeFixtures.session(SessionKind.PLENARY, "Opening", "Hall",
                ProgrammeFixtures.SPRING_SATURDAY.atTime(9, 0), ProgrammeFixtures.SPRING_SATURDAY.atTime(10, 0)));
        programmes.add(other.id(), ProgrammeFixtures.session(SessionKind.WORKSHOP_SLOT, "Elsewhere", null,
                ProgrammeFixtures.SPRING_SATURDAY.atTime(10, 0), ProgrammeFixtures.SPRING_SATURDAY.atTime(12, 0)));
        fixtures.signIn(Role.ORGANISER);
        GroupsAdminView view = navigate("admin/editions/" + edition.id() + "/groups", GroupsAdminView.class);

        var offered = test(view.slot).getSuggestions();
        assertThat(offered).hasSize(1);
        assertThat(offered.getFirst()).contains("10:00").contains("Europe/Vienna").contains("Workshops I");
        assertThat(view.oldSlot.isVisible()).isFalse();

        String title = "Linked " + UUID.randomUUID().toString().substring(0, 6);
        test(view.title).setValue(title);
        test(view.slot).selectItem(offered.getFirst());
        test(view.save).click();
        WorkshopGroupSummary saved = workshops.groupsOf(edition.id()).stream()
                .filter(g -> g.title().equals(title)).findFirst().orElseThrow();
        assertThat(saved.programmeSessionId()).isEqualTo(morning.id());
    }

    @Test
    void a_slot_cancelled_meanwhile_is_refused_with_a_message_next_to_the_picker() {
        EditionSummary edition = programmes.vienna(ProgrammeFixtures.SPRING_SATURDAY, ProgrammeFixtures.SPRING_SUNDAY, true);
        SessionSummary morning = programmes.add(edition.id(), ProgrammeFixtures.session(SessionKind.WORKSHOP_SLOT,
                "Workshops I", null, ProgrammeFixtures.SPRING_SATURDAY.atTime(10, 0), ProgrammeFixtures.SPRING_SATURDAY.atTime(12, 0)));
        fixtures.signIn(Role.ORGANISER);
        GroupsAdminView view = navigate("admin/editions/" + edition.id() + "/groups", GroupsAdminView.class);
        String title = "Too late " + UUID.randomUUID().toString().substring(0, 6);
        test(view.title).setValue(title);
        test(view.slot).selectItem(test(view.slot).getSuggestions().getFirst());
        programmeService.cancel(morning.id());

        test(view.save).click();

        assertThat(view.slot.isInvalid()).isTrue();
        assertThat(view.slot.getErrorMessage()).isEqualTo(view.getTranslation("group.invalid.programmeSessionId"));
        assertThat(workshops.groupsOf(edition.id())).noneMatch(g -> g.title().equals(title));
    }

    @Test
    void a_group_with_only_old_free_text_shows_it_read_only_until_a_slot_is_picked() {
        fixtures.signIn(Role.ORGANISER);
        GroupForm old = new GroupForm();
        old.setTitle("Old slot " + UUID.randomUUID().toString().substring(0, 6));
        old.setSessionSlot("Day 1 morning");
        WorkshopGroupSummary g = workshops.createGroup(edition2013(), old);
        GroupsAdminView view = navigate("admin/editions/" + edition2013() + "/groups", GroupsAdminView.class);

        view.select(g);

        assertThat(view.oldSlot.isVisible()).isTrue();
        assertThat(view.oldSlot.isReadOnly()).isTrue();
        assertThat(view.oldSlot.getValue()).isEqualTo("Day 1 morning");
        assertThat(view.slot.getValue()).isNull();
    }

    static final String MARKUP = "<script>alert('x')</script><b>bold</b>";

    @Test
    void markup_in_a_group_title_is_literal_on_the_edition_page_and_an_over_long_title_is_explained() {
        fixtures.signIn(Role.ORGANISER);
        GroupsAdminView view = navigate("admin/editions/" + edition2013() + "/groups", GroupsAdminView.class);
        int groups = workshops.groupsOf(edition2013()).size();
        // a client that ignores maxlength sends 100,000 characters
        test(view.title).setValue("t".repeat(100_000));
        test(view.save).click();
        assertThat(view.title.isInvalid()).isTrue();
        assertThat(view.title.getErrorMessage()).isEqualTo("This is too long.");
        assertThat(workshops.groupsOf(edition2013())).hasSize(groups);

        String title = MARKUP + " " + UUID.randomUUID().toString().substring(0, 6);
        test(view.title).setValue(title);
        test(view.description).setValue(MARKUP);
        test(view.save).click();
        assertThat(workshops.groupsOf(edition2013())).hasSize(groups + 1);

        navigate("editions/" + edition2013(), Component.class);
        assertThat(find(H3.class).all()).extracting(H3::getText).contains(title);
        assertThat(find(Paragraph.class).all()).extracting(Paragraph::getText).contains(MARKUP);
    }

    @Test
    void report_page_offers_the_export_to_organisers_only() {
        fixtures.signIn(Role.ORGANISER);
        ReportView report = navigate("editions/" + edition2013() + "/report", ReportView.class);
        assertThat(report.export).isNotNull();
        assertThat(report.jointActions.getElement().getTextRecursively()).contains("International Human Rights Day");

        fixtures.signIn(Role.PARTICIPANT);
        ReportView asParticipant = navigate("editions/" + edition2013() + "/report", ReportView.class);
        assertThat(find(ExportButton.class).withId("report-export").exists()).isFalse();
        assertThat(asParticipant.groups.getElement().getTextRecursively()).contains("Joint Actions");
    }

    @Test
    void an_edition_without_groups_says_so_and_the_members_section_asks_to_save_the_group_first() {
        fixtures.signIn(Role.ORGANISER);
        var edition = editions.create(org.ngoplatform.EditionFixtures.form(20,
                java.time.LocalDateTime.now().minusDays(1), java.time.LocalDateTime.now().plusDays(30)));
        GroupsAdminView view = navigate("admin/editions/" + edition.id() + "/groups", GroupsAdminView.class);

        assertThat(view.grid.getEmptyStateText()).isEqualTo("This edition has no workshop groups yet. Create the first one below.");
        assertThat(view.members.getElement().getTextRecursively())
                .isEqualTo("Save the group first; its members are listed here.");
        assertThat(view.report.getClassNames()).as("aligned with the buttons beside it").contains("button-link");
        assertThat(view.facilitators.pick.getWidth()).as("wide enough for \"Name <email>\"").isEqualTo("min(100%, 28em)");
    }

    @Test
    void the_group_form_marks_its_required_title_and_an_empty_one_is_explained_next_to_it_saving_nothing() {
        fixtures.signIn(Role.ORGANISER);
        GroupsAdminView view = navigate("admin/editions/" + edition2013() + "/groups", GroupsAdminView.class);
        int before = workshops.groupsOf(edition2013()).size();
        org.ngoplatform.base.ui.RequiredFieldsCheck.assertMarked(view.binder, GroupForm.class);

        test(view.description).setValue("Kept description");
        test(view.save).click();

        org.ngoplatform.base.ui.RequiredFieldsCheck.assertEmptyMessage(view.binder, GroupForm.class, "Please fill in this field.");
        assertThat(view.description.getValue()).as("nothing typed is lost").isEqualTo("Kept description");
        assertThat(workshops.groupsOf(edition2013())).hasSize(before);
    }

    @Test
    void the_joint_action_dialog_marks_its_required_fields_and_empty_ones_are_explained_next_to_them_saving_nothing() {
        fixtures.signIn(Role.ORGANISER);
        navigate("editions/" + edition2013() + "/report", ReportView.class);
        int before = reports.jointActions(edition2013()).size();
        test(find(com.vaadin.flow.component.button.Button.class).id("joint-new")).click();
        roundTrip();
        JointActionDialog dialog = find(JointActionDialog.class).single();
        org.ngoplatform.base.ui.RequiredFieldsCheck.assertMarked(dialog.binder, org.ngoplatform.workshop.JointActionForm.class);

        test(dialog.description).setValue("Kept description");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        for (var field : java.util.List.<com.vaadin.flow.component.HasValidation>of(dialog.title, dialog.lead)) {
            assertThat(field.isInvalid()).isTrue();
            assertThat(field.getErrorMessage()).isEqualTo("Please fill in this field.");
        }
        assertThat(dialog.description.getValue()).as("nothing typed is lost").isEqualTo("Kept description");
        assertThat(reports.jointActions(edition2013())).hasSize(before);
    }
}
