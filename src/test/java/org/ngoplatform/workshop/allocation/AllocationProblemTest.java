package org.ngoplatform.workshop.allocation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllocationProblemTest {

    private static final List<GroupSeats> SLOT = List.of(new GroupSeats(1, 10), new GroupSeats(2, 10));

    @Test
    void an_empty_ranking_is_refused() {
        assertRefused(() -> new Ranking(7, List.of()), "allocation.rejected.empty-ranking",
                "participant 7 ranked no group");
    }

    @Test
    void a_ranking_naming_a_group_twice_is_refused() {
        assertRefused(() -> new Ranking(7, List.of(1L, 2L, 1L)), "allocation.rejected.duplicate-choice",
                "participant 7 ranked group 1 more than once");
    }

    @Test
    void a_ranking_naming_a_group_of_another_slot_is_refused() {
        assertRefused(() -> new AllocationProblem(SLOT, List.of(new Ranking(7, List.of(2L, 3L)))),
                "allocation.rejected.foreign-group", "participant 7 ranked group 3, which is not a group of this slot");
    }

    @Test
    void two_rankings_of_one_participant_are_refused() {
        assertRefused(() -> new AllocationProblem(SLOT,
                        List.of(new Ranking(7, List.of(1L)), new Ranking(7, List.of(2L)))),
                "allocation.rejected.duplicate-participant", "participant 7 has two rankings");
    }

    @Test
    void a_group_listed_twice_a_negative_capacity_and_a_slot_without_groups_are_refused() {
        assertRefused(() -> new AllocationProblem(List.of(new GroupSeats(1, 1), new GroupSeats(1, 2)), List.of()),
                "allocation.rejected.duplicate-group", "group 1 is listed twice");
        assertRefused(() -> new GroupSeats(4, -1), "allocation.rejected.negative-capacity",
                "group 4 has a negative capacity (-1)");
        assertRefused(() -> new AllocationProblem(List.of(), List.of()), "allocation.rejected.no-groups",
                "the slot has no groups");
    }

    @Test
    void a_valid_slot_keeps_groups_and_rankings_in_the_order_given() {
        AllocationProblem problem = new AllocationProblem(List.of(new GroupSeats(2, 3), new GroupSeats(1, 4)),
                List.of(new Ranking(9, List.of(1L, 2L)), new Ranking(8, List.of(2L))));
        assertThat(problem.groups()).extracting(GroupSeats::groupId).containsExactly(2L, 1L);
        assertThat(problem.rankings()).extracting(Ranking::participantId).containsExactly(9L, 8L);
        assertThat(problem.totalSeats()).isEqualTo(7);
        assertThat(problem.longestRanking()).isEqualTo(2);
        assertThat(problem.rankingOf(9).choiceOf(2)).isEqualTo(2);
        assertThat(problem.rankingOf(8).choiceOf(1)).isZero();
    }

    private static void assertRefused(ThrowingSupplier<?> construction, String key, String detail) {
        assertThatThrownBy(construction::get)
                .isInstanceOf(AllocationRejectedException.class)
                .hasMessage(detail)
                .satisfies(e -> assertThat(((AllocationRejectedException) e).messageKey()).isEqualTo(key));
    }
}
