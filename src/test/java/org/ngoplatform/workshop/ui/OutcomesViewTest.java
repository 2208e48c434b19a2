package org.ngoplatform.workshop.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ui.NotFoundView;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.workshop.EntryDraft;
import org.ngoplatform.workshop.EntryType;
import org.ngoplatform.workshop.OutcomeEntrySummary;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.OutcomeService;
import org.ngoplatform.workshop.OutcomeRevisionSummary;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class OutcomesViewTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures fixtures;
    @Autowired WorkshopService workshops;
    @Autowired OutcomeService outcomes;
    @Autowired EditionService editions;
    @Autowired org.ngoplatform.workshop.OutcomePresence presenceOfGroup;
    @Autowired org.ngoplatform.base.live.LiveUpdates live;

    long editionId;
    long groupId;
    AccountPrincipal organiser;
    AccountPrincipal facilitator;
    AccountPrincipal colleague;

    @BeforeEach
    void group() {
        editionId = editions.past().stream().filter(e -> e.year() == 2013).findFirst().orElseThrow().id();
        organiser = fixtures.signIn(Role.ORGANISER);
        facilitator = fixtures.create(Role.FACILITATOR);
        colleague = fixtures.create(Role.FACILITATOR);
        GroupForm form = new GroupForm();
        form.setTitle("View group " + UUID.randomUUID().toString().substring(0, 8));
        WorkshopGroupSummary g = workshops.createGroup(editionId, form);
        workshops.addFacilitator(g.id(), facilitator.accountId());
        workshops.addFacilitator(g.id(), colleague.accountId());
        groupId = g.id();
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private OutcomesView open(AccountPrincipal who) {
        AccountFixtures.signIn(who);
        return navigate("editions/" + editionId + "/groups/" + groupId, OutcomesView.class);
    }

    private boolean shows(OutcomesView view, String text) {
        return view.entryList.getChildren().anyMatch(c -> contains(c, text));
    }

    private static boolean contains(Component c, String text) {
        return c.getElement().getTextRecursively().contains(text);
    }

    @Test
    void facilitator_adds_an_entry_and_unsaved_text_arms_the_leave_guard() {
        OutcomesView view = open(facilitator);
        test(view.newEntry.form.text).setValue("Monitoring needs independent NGOs");
        assertThat(view.hasUnsavedText()).isTrue();
        test(view.newEntry.addButton).click();

        assertThat(shows(view, "Monitoring needs independent NGOs")).isTrue();
        assertThat(view.hasUnsavedText()).isFalse();
        assertThat(view.newEntry.form.text.getValue()).isEmpty();
    }

    @Test
    void leaving_with_unsaved_text_asks_first_and_leaves_only_when_told() {
        OutcomesView view = open(facilitator);
        test(view.newEntry.form.text).setValue("Half a thought");

        com.vaadin.flow.component.UI.getCurrent().navigate("editions/" + editionId);
        assertThat(getCurrentView()).isSameAs(view);
        test(find(ConfirmDialog.class).id("unsaved-dialog")).cancel();
        assertThat(getCurrentView()).isSameAs(view);
        assertThat(view.newEntry.form.text.getValue()).isEqualTo("Half a thought");

        com.vaadin.flow.component.UI.getCurrent().navigate("editions/" + editionId);
        test(find(ConfirmDialog.class).id("unsaved-dialog")).confirm();
        assertThat(getCurrentView()).isNotInstanceOf(OutcomesView.class);
    }

    @Test
    void leaving_the_page_ends_its_live_subscriptions_and_its_presence() {
        open(facilitator);
        assertThat(live.subscriberCount(org.ngoplatform.workshop.OutcomesChanged.class, groupId)).isEqualTo(1);
        assertThat(live.subscriberCount(org.ngoplatform.workshop.OutcomePresenceChanged.class, groupId)).isEqualTo(1);
        assertThat(presenceOfGroup.present(groupId)).containsExactly(facilitator.displayName());

        com.vaadin.flow.component.UI.getCurrent().navigate("editions/" + editionId);
        assertThat(getCurrentView()).isNotInstanceOf(OutcomesView.class);
        assertThat(live.subscriberCount(org.ngoplatform.workshop.OutcomesChanged.class, groupId)).isZero();
        assertThat(live.subscriberCount(org.ngoplatform.workshop.OutcomePresenceChanged.class, groupId)).isZero();
        assertThat(presenceOfGroup.present(groupId)).isEmpty();
    }

    static final String MARKUP = "<script>alert('x')</script><b>bold</b>";

    @Test
    void markup_in_an_entry_is_shown_as_literal_text() {
        OutcomesView view = open(facilitator);
        test(view.newEntry.form.text).setValue(MARKUP);
        test(view.newEntry.addButton).click();

        assertThat(outcomes.outcomes(groupId).entries()).extracting(OutcomeEntrySummary::text).containsExactly(MARKUP);
        assertThat(find(Paragraph.class, view.entryList).all()).filteredOn(p -> p.hasClassName("entry-text"))
                .extracting(Paragraph::getText).containsExactly(MARKUP);

        // the delete confirmation quotes it literally too
        long id = outcomes.outcomes(groupId).entries().getFirst().id();
        test(find(Button.class).id("delete-" + id)).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).id("confirm-delete");
        assertThat(find(Paragraph.class, confirm).all()).extracting(Paragraph::getText).containsExactly(MARKUP);
    }

    @Test
    void an_over_long_entry_is_explained_and_nothing_is_saved() {
        OutcomesView view = open(facilitator);
        // a client that ignores maxlength sends 100,000 characters
        test(view.newEntry.form.text).setValue("x".repeat(100_000));
        test(view.newEntry.addButton).click();

        assertThat(view.newEntry.form.text.isInvalid()).isTrue();
        assertThat(view.newEntry.form.text.getErrorMessage()).isEqualTo("Write between 3 and 2000 characters.");
        assertThat(outcomes.outcomes(groupId).entries()).isEmpty();
        assertThat(view.newEntry.form.text.getValue()).hasSize(100_000);
    }

    @Test
    void a_too_long_unlock_reason_is_explained_and_the_outcomes_stay_locked() {
        AccountFixtures.signIn(facilitator);
        outcomes.add(groupId, new EntryDraft(EntryType.KEY_POINT, "Point to review", null, null));
        outcomes.submit(groupId);
        OutcomesView view = open(organiser);
        test(view.workflowBar.unlock).click();
        TextArea reason = find(TextArea.class).id("unlock-reason");
        test(reason).setValue("r".repeat(501));
        test(find(Button.class).id("unlock-confirm")).click();

        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Give a reason of 5 to 500 characters.");
        assertThat(outcomes.outcomes(groupId).state()).isEqualTo(org.ngoplatform.workshop.WorkflowState.SUBMITTED);
    }

    @Test
    void a_too_short_text_is_explained_and_nothing_is_saved() {
        OutcomesView view = open(facilitator);
        test(view.newEntry.form.text).setValue("x");
        test(view.newEntry.addButton).click();
        assertThat(view.newEntry.form.text.isInvalid()).isTrue();
        assertThat(outcomes.outcomes(groupId).entries()).isEmpty();
        assertThat(view.newEntry.form.text.getValue()).isEqualTo("x");
    }

    @Test
    void an_entry_added_on_another_screen_appears_without_reload() {
        OutcomesView view = open(facilitator);
        assertThat(presenceOfGroup.present(groupId)).contains(facilitator.displayName());
        // another facilitator saves from their own session
        AccountFixtures.signIn(colleague);
        outcomes.add(groupId, new EntryDraft(EntryType.GOOD_PRACTICE, "Shared referral protocol", null, null));
        AccountFixtures.signIn(facilitator);

        await().pollInSameThread().atMost(5, TimeUnit.SECONDS).pollInterval(50, TimeUnit.MILLISECONDS).until(() -> {
            var session = com.vaadin.flow.server.VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            return shows(view, "Shared referral protocol");
        });
    }

    @Test
    void each_outcome_button_names_its_action_and_the_outcome_and_explains_itself() {
        AccountFixtures.signIn(facilitator);
        OutcomeEntrySummary e = outcomes.add(groupId, new EntryDraft(EntryType.KEY_POINT,
                "Shelters for male victims are missing in most member countries", null, null));
        open(facilitator);

        Button up = $(Button.class).id("up-" + e.id());
        assertThat(up.getAriaLabel()).contains("Move up: Shelters for male victims are missing i…");
        assertThat(up.getTooltip().getText()).isEqualTo("Move this outcome one place up");
        assertThat($(Button.class).id("edit-" + e.id()).getAriaLabel()).contains("Edit: Shelters for male victims are missing i…");
        assertThat($(Button.class).id("down-" + e.id()).getTooltip().getText()).isEqualTo("Move this outcome one place down");
        assertThat($(Button.class).id("delete-" + e.id()).getAriaLabel()).contains("Delete: Shelters for male victims are missing i…");
    }

    /**
     * A colleague's change re-renders the page while this facilitator types a new outcome and edits another: neither
     * form is detached (in the browser that would take the keyboard focus away mid-sentence), and the text stays.
     */
    @Test
    void a_live_update_leaves_the_forms_being_typed_in_attached() {
        AccountFixtures.signIn(facilitator);
        OutcomeEntrySummary e = outcomes.add(groupId, new EntryDraft(EntryType.KEY_POINT, "Point being edited", null, null));
        OutcomesView view = open(facilitator);
        test(find(Button.class).id("edit-" + e.id())).click();
        EntryForm editForm = view.entryList.editing.get(e.id()).form;
        test(editForm.text).setValue("Point being rew");
        test(view.newEntry.form.text).setValue("New point half-ty");
        java.util.List<String> detached = new java.util.ArrayList<>();
        view.newEntry.form.addDetachListener(ev -> detached.add("new-entry form"));
        editForm.addDetachListener(ev -> detached.add("editor"));
        view.newEntry.addButton.addDetachListener(ev -> detached.add("Add button"));

        AccountFixtures.signIn(colleague);
        outcomes.add(groupId, new EntryDraft(EntryType.CHALLENGE, "A colleague's challenge", null, null));
        AccountFixtures.signIn(facilitator);
        await().pollInSameThread().atMost(5, TimeUnit.SECONDS).pollInterval(50, TimeUnit.MILLISECONDS).until(() -> {
            var session = com.vaadin.flow.server.VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            return shows(view, "A colleague's challenge");
        });

        assertThat(detached).isEmpty();
        assertThat(view.newEntry.form.text.getValue()).isEqualTo("New point half-ty");
        assertThat(editForm.text.getValue()).isEqualTo("Point being rew");
        var children = view.entryList.getChildren().toList();
        assertThat(children).hasSize(2);
        assertThat(children.get(0).getId()).contains("editor-" + e.id());
        assertThat(children.get(1).getElement().getTextRecursively()).contains("A colleague's challenge");
    }

    @Test
    void a_stale_save_opens_the_side_by_side_dialog_and_the_merge_keeps_both_texts() {
        AccountFixtures.signIn(facilitator);
        OutcomeEntrySummary e = outcomes.add(groupId, new EntryDraft(EntryType.KEY_POINT, "Original point", null, null));
        OutcomesView view = open(facilitator);
        test(find(Button.class).id("edit-" + e.id())).click();
        test(view.entryList.editing.get(e.id()).form.text).setValue("My careful rewording");

        AccountFixtures.signIn(colleague);
        outcomes.update(e.id(), e.version(), new EntryDraft(EntryType.KEY_POINT, "Colleague's rewording", null, null));
        AccountFixtures.signIn(facilitator);

        view.entryList.saveEdit(e.id());
        ConflictDialog dialog = find(ConflictDialog.class).single();
        assertThat(dialog.mine.getValue()).isEqualTo("My careful rewording");
        assertThat(dialog.theirs.getValue()).isEqualTo("Colleague's rewording");
        assertThat(dialog.merged.getValue()).contains("My careful rewording", "Colleague's rewording");
        // nothing is written until the person chooses; their text is still in the editor
        assertThat(outcomes.outcomes(groupId).entries().getFirst().text()).isEqualTo("Colleague's rewording");
        assertThat(view.entryList.editing.get(e.id()).form.text.getValue()).isEqualTo("My careful rewording");

        test(dialog.merged).setValue("Colleague's rewording, and my careful rewording");
        test(dialog.saveMerged).click();

        assertThat(outcomes.outcomes(groupId).entries().getFirst().text()).isEqualTo("Colleague's rewording, and my careful rewording");
        assertThat(view.entryList.editing).isEmpty();
        AccountFixtures.signIn(organiser);
        assertThat(outcomes.history(groupId)).extracting(OutcomeRevisionSummary::textAfter).containsExactly(
                "Colleague's rewording, and my careful rewording", "Colleague's rewording", "Original point");
    }

    @Test
    void the_history_shows_whole_texts_and_on_a_phone_each_change_is_a_card_that_can_restore_it() {
        AccountFixtures.signIn(facilitator);
        String first = "Compensation funds should be reachable without a criminal conviction of the trafficker, "
                + "and legal aid should cover the civil claim from the first day";
        OutcomeEntrySummary e = outcomes.add(groupId, new EntryDraft(EntryType.RECOMMENDATION, first, null, null));
        outcomes.update(e.id(), e.version(), new EntryDraft(EntryType.RECOMMENDATION, "Shorter wording", null, null));

        OutcomesView view = open(organiser);
        test(view.workflowBar.history).click();
        HistoryDialog history = find(HistoryDialog.class).single();
        assertThat(history.grid.getClassNames()).as("paragraphs wrap, not cut at one line").contains("wrapping-grid");
        assertThat(test(history.grid).getCellText(0, 3)).isEqualTo(first);

        org.ngoplatform.base.ui.BrowserWindow.resize(org.ngoplatform.base.ui.BrowserWindow.PHONE);
        assertThat(history.cards.isNarrow()).isTrue();
        var card = test(history.grid).getCellComponent(0, 0);
        assertThat(card.getElement().getTextRecursively()).contains(facilitator.displayName(), "Change: Edited",
                "Before: " + first, "After: Shorter wording").as("the time with its zone").containsPattern("\\([A-Za-z]+/[A-Za-z_]+\\)");
        // the first version is the one "Created" left (the older row)
        Button restore = test(history.grid).getCellComponent(1, 0).getChildren().flatMap(Component::getChildren).filter(Button.class::isInstance)
                .map(Button.class::cast).findFirst().orElseThrow();
        test(restore).click();
        assertThat(outcomes.outcomes(groupId).entries().getFirst().text()).isEqualTo(first);
        org.ngoplatform.base.ui.BrowserWindow.resize(org.ngoplatform.base.ui.BrowserWindow.DESKTOP);
    }

    @Test
    void locked_outcomes_are_read_only_on_screen_and_a_participant_is_told_a_draft_is_not_published_yet() {
        AccountFixtures.signIn(facilitator);
        OutcomeEntrySummary e = outcomes.add(groupId, new EntryDraft(EntryType.RECOMMENDATION, "Fund shelters sustainably", null, null));
        outcomes.submit(groupId);
        AccountFixtures.signIn(organiser);
        outcomes.approve(groupId);
        outcomes.lock(groupId);

        OutcomesView view = open(organiser);
        assertThat(shows(view, "Fund shelters sustainably")).isTrue();
        assertThat(find(Button.class).withId("edit-" + e.id()).exists()).isFalse();
        assertThat(view.newEntry.addButton.isAttached()).isFalse();
        assertThat(view.workflowBar.unlock.isVisible()).isTrue();

        AccountPrincipal participant = fixtures.create(Role.PARTICIPANT);
        assertThat(open(participant).entryList.getElement().getTextRecursively()).contains("Fund shelters sustainably");

        // a fresh draft group is not visible to participants
        AccountFixtures.signIn(organiser);
        GroupForm form = new GroupForm();
        form.setTitle("Draft only " + UUID.randomUUID().toString().substring(0, 6));
        long draft = workshops.createGroup(editionId, form).id();
        AccountFixtures.signIn(participant);
        navigate("editions/" + editionId + "/groups/" + draft, Component.class);
        assertThat(getCurrentView()).isInstanceOf(OutcomesView.class);
        assertThat(find(Paragraph.class).withId("outcome-not-published").single().getText())
                .isEqualTo("The outcomes of this group are not published yet.");
        assertThat(getCurrentView().getElement().getTextRecursively()).doesNotContain("ask an organiser");
    }

    @Test
    void a_group_that_does_not_exist_is_page_not_found_even_for_an_organiser() {
        AccountFixtures.signIn(organiser);
        navigate("editions/" + editionId + "/groups/99999999", Component.class);
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
    }

    @Test
    void the_entry_text_is_marked_required_and_an_empty_one_is_explained_next_to_it_saving_nothing() {
        OutcomesView view = open(facilitator);
        EntryForm form = view.newEntry.form;
        assertThat(form.type.isRequiredIndicatorVisible()).isTrue();
        assertThat(form.text.isRequiredIndicatorVisible()).isTrue();

        test(view.newEntry.addButton).click();

        assertThat(form.text.isInvalid()).isTrue();
        assertThat(form.text.getErrorMessage()).isEqualTo("Please fill in this field.");
        assertThat(outcomes.outcomes(groupId).entries()).isEmpty();
    }
}
