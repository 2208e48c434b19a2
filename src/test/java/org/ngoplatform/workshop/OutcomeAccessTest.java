package org.ngoplatform.workshop;

import org.junit.jupiter.api.Test;
import org.ngoplatform.account.Role;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ngoplatform.workshop.WorkflowState.APPROVED;
import static org.ngoplatform.workshop.WorkflowState.DRAFT;
import static org.ngoplatform.workshop.WorkflowState.LOCKED;
import static org.ngoplatform.workshop.WorkflowState.SUBMITTED;

/** The rule table of who may read, edit and review a group's outcomes, without Spring. */
class OutcomeAccessTest {

    private static OutcomeAccess as(Role role, boolean assigned) {
        return OutcomeAccess.of(EnumSet.of(role), assigned);
    }

    private static Set<WorkflowState> readable(OutcomeAccess access) {
        Set<WorkflowState> states = EnumSet.noneOf(WorkflowState.class);
        for (WorkflowState s : WorkflowState.values()) {
            if (access.mayRead(s)) states.add(s);
        }
        return states;
    }

    @Test
    void organisers_read_every_stage_and_edit_only_drafts() {
        OutcomeAccess organiser = as(Role.ORGANISER, false);
        assertThat(readable(organiser)).containsExactlyInAnyOrder(WorkflowState.values());
        assertThat(organiser.mayEdit()).isTrue();
        assertThat(organiser.mayEditNow(DRAFT)).isTrue();
        assertThat(organiser.mayEditNow(SUBMITTED)).isFalse();
        assertThat(organiser.mayEditNow(APPROVED)).isFalse();
        assertThat(organiser.mayEditNow(LOCKED)).isFalse();
    }

    @Test
    void a_facilitator_of_the_group_reads_every_stage_and_edits_its_draft() {
        OutcomeAccess mine = as(Role.FACILITATOR, true);
        assertThat(readable(mine)).containsExactlyInAnyOrder(WorkflowState.values());
        assertThat(mine.mayEdit()).isTrue();
        assertThat(mine.mayEditNow(DRAFT)).isTrue();
        assertThat(mine.maySubmit(DRAFT)).isTrue();
        assertThat(mine.maySubmit(SUBMITTED)).isFalse();
        assertThat(mine.mayEditNow(LOCKED)).isFalse();
    }

    @Test
    void a_facilitator_of_another_group_reads_only_published_outcomes_and_edits_nothing() {
        OutcomeAccess other = as(Role.FACILITATOR, false);
        assertThat(readable(other)).containsExactlyInAnyOrder(APPROVED, LOCKED);
        assertThat(other.mayEdit()).isFalse();
        assertThat(other.mayEditNow(DRAFT)).isFalse();
        assertThat(other.maySubmit(DRAFT)).isFalse();
    }

    @Test
    void being_listed_as_facilitator_without_the_facilitator_role_gives_no_right() {
        OutcomeAccess participant = as(Role.PARTICIPANT, true);
        assertThat(participant.mayEdit()).isFalse();
        assertThat(readable(participant)).containsExactlyInAnyOrder(APPROVED, LOCKED);
    }

    @Test
    void only_those_who_may_edit_see_the_roster() {
        assertThat(as(Role.ORGANISER, false).maySeeRoster()).isTrue();
        assertThat(as(Role.FACILITATOR, true).maySeeRoster()).isTrue();
        assertThat(as(Role.FACILITATOR, false).maySeeRoster()).isFalse();
        assertThat(as(Role.ANALYST, false).maySeeRoster()).isFalse();
        assertThat(as(Role.PARTICIPANT, true).maySeeRoster()).isFalse();
    }

    @Test
    void analysts_read_every_stage_and_edit_nothing() {
        OutcomeAccess analyst = as(Role.ANALYST, false);
        assertThat(readable(analyst)).containsExactlyInAnyOrder(WorkflowState.values());
        assertThat(analyst.mayEdit()).isFalse();
        assertThat(analyst.mayEditNow(DRAFT)).isFalse();
    }

    @Test
    void participants_and_callers_without_a_role_read_only_published_outcomes() {
        assertThat(readable(as(Role.PARTICIPANT, false))).containsExactlyInAnyOrder(APPROVED, LOCKED);
        OutcomeAccess nobody = OutcomeAccess.of(Set.of(), false);
        assertThat(readable(nobody)).containsExactlyInAnyOrder(APPROVED, LOCKED);
        assertThat(nobody.mayEdit()).isFalse();
    }

    @Test
    void only_approved_and_locked_outcomes_make_the_report() {
        assertThat(OutcomeAccess.mayReport(DRAFT)).isFalse();
        assertThat(OutcomeAccess.mayReport(SUBMITTED)).isFalse();
        assertThat(OutcomeAccess.mayReport(APPROVED)).isTrue();
        assertThat(OutcomeAccess.mayReport(LOCKED)).isTrue();
    }

    @Test
    void only_organisers_move_outcomes_through_review_one_step_at_a_time() {
        OutcomeAccess organiser = as(Role.ORGANISER, false);
        assertThat(organiser.mayApprove(SUBMITTED)).isTrue();
        assertThat(organiser.mayApprove(DRAFT)).isFalse();
        assertThat(organiser.mayLock(APPROVED)).isTrue();
        assertThat(organiser.mayLock(SUBMITTED)).isFalse();
        assertThat(organiser.mayUnlock(SUBMITTED)).isTrue();
        assertThat(organiser.mayUnlock(APPROVED)).isTrue();
        assertThat(organiser.mayUnlock(LOCKED)).isTrue();
        assertThat(organiser.mayUnlock(DRAFT)).isFalse();
        assertThat(organiser.maySeeHistory()).isTrue();

        for (OutcomeAccess notOrganiser : new OutcomeAccess[]{as(Role.FACILITATOR, true), as(Role.ANALYST, false),
                as(Role.PARTICIPANT, false)}) {
            for (WorkflowState s : WorkflowState.values()) {
                assertThat(notOrganiser.mayApprove(s) || notOrganiser.mayLock(s) || notOrganiser.mayUnlock(s)).isFalse();
            }
            assertThat(notOrganiser.maySeeHistory()).isFalse();
        }
    }
}
