package org.ngoplatform.workshop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.Role;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.live.LiveUpdates;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.organisation.OrganisationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class OutcomeServiceTest {

    WorkshopTestSupport support;
    @Autowired EditionService editions;
    @Autowired AccountFixtures fixtures;
    @Autowired OutcomeService outcomes;
    @Autowired WorkshopService workshops;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired OutcomePresence presence;
    @Autowired LiveUpdates live;
    @Autowired AuditLog audit;

    @BeforeEach
    void setUp() {
        support = new WorkshopTestSupport(fixtures, workshops, editions);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private static EntryDraft draft(String text) {
        return new EntryDraft(EntryType.KEY_POINT, text, null, null);
    }

    @Test
    void assigning_a_facilitator_grants_the_role_and_shows_the_name() {
        fixtures.signIn(Role.ORGANISER);
        AccountPrincipal someone = fixtures.create(Role.PARTICIPANT);
        GroupForm form = new GroupForm();
        form.setTitle("Referral mechanisms");
        WorkshopGroupSummary g = workshops.createGroup(support.edition2013(), form);

        WorkshopGroupSummary after = workshops.addFacilitator(g.id(), someone.accountId());

        assertThat(accounts.find(someone.accountId()).orElseThrow().roles()).contains(Role.FACILITATOR, Role.PARTICIPANT);
        assertThat(after.facilitatorIds()).containsExactly(someone.accountId());
        assertThat(after.facilitatorNames()).hasSize(1);
    }

    @Test
    void facilitator_adds_edits_reorders_and_deletes_entries_and_every_change_is_a_revision() {
        var f = support.group();
        AccountFixtures.signIn(f.facilitator());
        OutcomeEntrySummary a = outcomes.add(f.groupId(), draft("First point about monitoring"));
        OutcomeEntrySummary b = outcomes.add(f.groupId(), new EntryDraft(EntryType.CHALLENGE, "Data is scattered", null, null));
        outcomes.update(a.id(), a.version(), draft("First point, reworded"));
        outcomes.move(b.id(), -1);

        assertThat(outcomes.outcomes(f.groupId()).entries()).extracting(OutcomeEntrySummary::text)
                .containsExactly("Data is scattered", "First point, reworded");

        OutcomeEntrySummary current = outcomes.outcomes(f.groupId()).entries().get(1);
        outcomes.delete(current.id(), current.version());
        assertThat(outcomes.outcomes(f.groupId()).entries()).extracting(OutcomeEntrySummary::position).containsExactly(1);

        AccountFixtures.signIn(f.organiser());
        List<OutcomeRevisionSummary> history = outcomes.history(f.groupId());
        assertThat(history).extracting(OutcomeRevisionSummary::kind).containsExactly("DELETED", "EDITED", "CREATED", "CREATED");
        assertThat(history.get(1).textBefore()).isEqualTo("First point about monitoring");
        assertThat(history.get(1).textAfter()).isEqualTo("First point, reworded");
        assertThat(history.get(1).authorName()).isEqualTo(f.facilitator().displayName());
    }

    @Test
    void second_save_on_a_stale_version_gets_the_conflict_with_both_texts_and_no_revision_is_lost() {
        var f = support.group();
        AccountPrincipal second = fixtures.create(Role.FACILITATOR);
        AccountFixtures.signIn(f.organiser());
        workshops.addFacilitator(f.groupId(), second.accountId());

        AccountFixtures.signIn(f.facilitator());
        OutcomeEntrySummary loaded = outcomes.add(f.groupId(), draft("Original wording"));
        // both load version `loaded.version()`; the first saves
        outcomes.update(loaded.id(), loaded.version(), draft("Facilitator one's text"));

        AccountFixtures.signIn(second);
        EntryDraft mine = draft("Facilitator two's text");
        OutcomeConflictException conflict = assertThrows(OutcomeConflictException.class,
                () -> outcomes.update(loaded.id(), loaded.version(), mine));
        assertThat(conflict.mine().getText()).isEqualTo("Facilitator two's text");
        assertThat(conflict.theirs().text()).isEqualTo("Facilitator one's text");
        // nothing was overwritten
        assertThat(outcomes.outcomes(f.groupId()).entries().getFirst().text()).isEqualTo("Facilitator one's text");

        // the second person merges and saves on the version they now saw
        outcomes.update(loaded.id(), conflict.theirs().version(),
                draft("Facilitator one's text; facilitator two's text"));

        AccountFixtures.signIn(f.organiser());
        assertThat(outcomes.history(f.groupId())).extracting(OutcomeRevisionSummary::textAfter).containsExactly(
                "Facilitator one's text; facilitator two's text", "Facilitator one's text", "Original wording");
    }

    @Test
    void concurrent_saves_on_the_same_version_write_exactly_one() throws Exception {
        var f = support.group();
        AccountFixtures.signIn(f.facilitator());
        OutcomeEntrySummary loaded = outcomes.add(f.groupId(), draft("Start"));
        List<Object> results = new CopyOnWriteArrayList<>();
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            int n = i;
            threads[i] = new Thread(() -> {
                AccountFixtures.signIn(f.facilitator());
                try {
                    results.add(outcomes.update(loaded.id(), loaded.version(), draft("Writer " + n)));
                } catch (OutcomeConflictException c) {
                    results.add(c);
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertThat(results).hasSize(4);
        assertThat(results).filteredOn(r -> r instanceof OutcomeEntrySummary).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof OutcomeConflictException).hasSize(3);
        AccountFixtures.signIn(f.organiser());
        assertThat(outcomes.history(f.groupId())).hasSize(2);
    }

    @Test
    void a_participant_an_analyst_and_a_facilitator_of_another_group_cannot_edit() {
        var f = support.group();
        var other = support.group();
        AccountFixtures.signIn(f.facilitator());
        OutcomeEntrySummary e = outcomes.add(f.groupId(), draft("Only ours"));

        for (AccountPrincipal outsider : List.of(fixtures.create(Role.PARTICIPANT), fixtures.create(Role.ANALYST),
                other.facilitator())) {
            AccountFixtures.signIn(outsider);
            assertThatThrownBy(() -> outcomes.add(f.groupId(), draft("Intruding text"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> outcomes.update(e.id(), e.version(), draft("Changed by outsider"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> outcomes.delete(e.id(), e.version())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> outcomes.move(e.id(), 1)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> outcomes.submit(f.groupId())).isInstanceOf(AccessDeniedException.class);
        }
        // a participant does not even read a draft; an analyst does
        AccountFixtures.signIn(fixtures.create(Role.PARTICIPANT));
        assertThatThrownBy(() -> outcomes.outcomes(f.groupId())).isInstanceOf(AccessDeniedException.class);
        AccountFixtures.signIn(fixtures.create(Role.ANALYST));
        assertThat(outcomes.outcomes(f.groupId()).entries()).extracting(OutcomeEntrySummary::text).containsExactly("Only ours");
    }

    @Test
    void workflow_runs_draft_submitted_approved_locked_and_only_organisers_approve_lock_and_unlock() {
        var f = support.group();
        AccountFixtures.signIn(f.facilitator());
        OutcomeEntrySummary e = outcomes.add(f.groupId(), draft("A recommendation"));
        assertThatThrownBy(() -> outcomes.approve(f.groupId())).isInstanceOf(AccessDeniedException.class);
        outcomes.submit(f.groupId());
        assertThatThrownBy(() -> outcomes.approve(f.groupId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> outcomes.update(e.id(), e.version(), draft("Late change"))).isInstanceOf(OutcomeRejectedException.class);

        AccountFixtures.signIn(f.organiser());
        assertThatThrownBy(() -> outcomes.lock(f.groupId())).isInstanceOf(OutcomeRejectedException.class);
        outcomes.approve(f.groupId());
        assertThat(outcomes.lock(f.groupId()).state()).isEqualTo(WorkflowState.LOCKED);

        // locked is read-only for everyone, organisers included
        assertThatThrownBy(() -> outcomes.update(e.id(), e.version(), draft("Organiser edit"))).isInstanceOf(OutcomeRejectedException.class);
        assertThatThrownBy(() -> outcomes.add(f.groupId(), draft("New point"))).isInstanceOf(OutcomeRejectedException.class);
        assertThatThrownBy(() -> outcomes.delete(e.id(), e.version())).isInstanceOf(OutcomeRejectedException.class);
        AccountFixtures.signIn(f.facilitator());
        assertThatThrownBy(() -> outcomes.update(e.id(), e.version(), draft("Facilitator edit"))).isInstanceOf(OutcomeRejectedException.class);
        assertThatThrownBy(() -> outcomes.unlock(f.groupId(), "Needs a correction")).isInstanceOf(AccessDeniedException.class);

        AccountFixtures.signIn(f.organiser());
        assertThatThrownBy(() -> outcomes.unlock(f.groupId(), " ")).isInstanceOf(OutcomeRejectedException.class);
        assertThat(outcomes.unlock(f.groupId(), "Typo in the recommendation").state()).isEqualTo(WorkflowState.DRAFT);
        assertThat(audit.forSubject("workshop-group:" + f.groupId())).extracting(ev -> ev.getAction())
                .contains("OUTCOMES_SUBMITTED", "OUTCOMES_APPROVED", "OUTCOMES_LOCKED", "OUTCOMES_UNLOCKED");
        assertThat(audit.forSubject("workshop-group:" + f.groupId()).getLast().getDetails()).contains("Typo in the recommendation");

        AccountFixtures.signIn(f.facilitator());
        assertThat(outcomes.update(e.id(), e.version(), draft("Corrected recommendation")).text()).isEqualTo("Corrected recommendation");
    }

    @Test
    void bad_input_is_rejected_without_a_partial_write() {
        var f = support.group();
        AccountFixtures.signIn(f.facilitator());
        assertThatThrownBy(() -> outcomes.add(f.groupId(), draft("x"))).isInstanceOf(OutcomeRejectedException.class);
        assertThatThrownBy(() -> outcomes.add(f.groupId(), draft("y".repeat(OutcomeEntry.TEXT_MAX + 1)))).isInstanceOf(OutcomeRejectedException.class);
        assertThatThrownBy(() -> outcomes.add(f.groupId(), new EntryDraft(EntryType.ACTION_POINT, "Do it", null, null)))
                .isInstanceOf(OutcomeRejectedException.class)
                .extracting(ex -> ((OutcomeRejectedException) ex).messageKey()).isEqualTo("outcome.action-point-incomplete");
        long owner = organisations.approved().getFirst().id();
        OutcomeEntrySummary ap = outcomes.add(f.groupId(), new EntryDraft(EntryType.ACTION_POINT, "Draft a joint letter", owner, LocalDate.of(2027, 3, 1)));
        assertThat(ap.ownerOrganisationName()).isNotBlank();
        assertThat(outcomes.outcomes(f.groupId()).entries()).hasSize(1);
        AccountFixtures.signIn(f.organiser());
        assertThat(outcomes.history(f.groupId())).hasSize(1);
    }

    @Test
    void history_is_for_organisers_only_and_restore_brings_back_an_earlier_text() {
        var f = support.group();
        AccountFixtures.signIn(f.facilitator());
        OutcomeEntrySummary e = outcomes.add(f.groupId(), draft("Good first text"));
        outcomes.update(e.id(), e.version(), draft("Worse second text"));
        assertThatThrownBy(() -> outcomes.history(f.groupId())).isInstanceOf(AccessDeniedException.class);

        AccountFixtures.signIn(f.organiser());
        OutcomeRevisionSummary created = outcomes.history(f.groupId()).getLast();
        OutcomeEntrySummary restored = outcomes.restore(created.id());
        assertThat(restored.text()).isEqualTo("Good first text");
        assertThat(outcomes.history(f.groupId()).getFirst().kind()).isEqualTo("RESTORED");
    }

    @Test
    void open_screens_receive_the_change_after_commit() {
        var f = support.group();
        List<GroupOutcomes> received = new CopyOnWriteArrayList<>();
        List<List<String>> present = new CopyOnWriteArrayList<>();
        var changes = live.subscribe(OutcomesChanged.class, f.groupId(), e -> received.add(e.outcomes()));
        var arrivals = live.subscribe(OutcomePresenceChanged.class, f.groupId(), e -> present.add(e.names()));
        var visit = presence.enter(f.groupId(), "Observer");
        try {
            AccountFixtures.signIn(f.facilitator());
            outcomes.add(f.groupId(), draft("Shared live"));
            assertThatThrownBy(() -> outcomes.add(f.groupId(), draft("x"))).isInstanceOf(OutcomeRejectedException.class);
            await().atMost(5, TimeUnit.SECONDS).until(() -> !received.isEmpty());
            assertThat(received.getLast().entries()).extracting(OutcomeEntrySummary::text).containsExactly("Shared live");
            await().atMost(5, TimeUnit.SECONDS).until(() -> present.contains(List.of("Observer")));
            assertThat(presence.present(f.groupId())).containsExactly("Observer");
        } finally {
            visit.remove();
            changes.remove();
            arrivals.remove();
        }
        assertThat(presence.present(f.groupId())).isEmpty();
    }
}
