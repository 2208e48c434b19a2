package org.ngoplatform.workshop.allocation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllocationMoveTest {

    // groups 1 (2 places) and 2 (1 place); 30 ranked only group 1 and is without a place after the optimum
    private final AllocationProblem problem = new AllocationProblem(
            List.of(new GroupSeats(1, 2), new GroupSeats(2, 1)),
            List.of(new Ranking(10, List.of(1L, 2L)), new Ranking(20, List.of(2L, 1L)),
                    new Ranking(30, List.of(1L)), new Ranking(40, List.of(1L))));
    private final Allocation allocation = WorkshopAllocator.optimal(problem, 3);

    @Test
    void a_person_moves_into_a_group_with_room_and_the_summary_follows() {
        Allocation start = new Allocation(problem, Map.of(10L, 1L, 20L, 2L));
        Allocation moved = start.move(30L, 1L);

        assertThat(moved.groupOf(30L)).contains(1L);
        assertThat(moved.members(1L)).containsExactly(10L, 30L);
        assertThat(moved.freeSeats(1L)).isZero();
        assertThat(moved.summary().withoutPlace()).containsExactly(40L);
        assertThat(moved.summary().byChoice()).containsExactly(3, 0);
        assertThat(start.groupOf(30L)).isEmpty(); // the allocation moved from is unchanged
    }

    @Test
    void a_move_into_a_full_group_is_refused_and_changes_nothing() {
        assertThat(allocation.freeSeats(1L)).isZero();
        long outsider = allocation.summary().withoutPlace().getFirst();
        assertThatThrownBy(() -> allocation.move(outsider, 1L))
                .isInstanceOf(AllocationRejectedException.class)
                .hasMessage("group 1 is full (2 of 2 places taken)")
                .extracting(e -> ((AllocationRejectedException) e).messageKey())
                .isEqualTo("allocation.move.full");
        assertThat(allocation.groupOf(outsider)).isEmpty();
    }

    @Test
    void a_move_to_a_group_of_another_slot_of_someone_unknown_or_into_the_same_group_is_refused() {
        assertThatThrownBy(() -> allocation.move(10L, 99L)).isInstanceOf(AllocationRejectedException.class)
                .extracting(e -> ((AllocationRejectedException) e).messageKey())
                .isEqualTo("allocation.move.foreign-group");
        assertThatThrownBy(() -> allocation.move(77L, 1L)).isInstanceOf(AllocationRejectedException.class)
                .extracting(e -> ((AllocationRejectedException) e).messageKey())
                .isEqualTo("allocation.move.unknown-participant");
        assertThatThrownBy(() -> allocation.move(20L, 2L)).isInstanceOf(AllocationRejectedException.class)
                .extracting(e -> ((AllocationRejectedException) e).messageKey())
                .isEqualTo("allocation.move.same-group");
    }

    @Test
    void a_swap_exchanges_two_places_between_full_groups_and_with_someone_without_a_place() {
        Allocation swapped = allocation.swap(10L, 20L);
        assertThat(swapped.groupOf(10L)).isEqualTo(allocation.groupOf(20L));
        assertThat(swapped.groupOf(20L)).isEqualTo(allocation.groupOf(10L));

        long outsider = allocation.summary().withoutPlace().getFirst();
        long insider = allocation.members(1L).getFirst();
        Allocation exchanged = allocation.swap(insider, outsider);
        assertThat(exchanged.groupOf(outsider)).contains(1L);
        assertThat(exchanged.groupOf(insider)).isEmpty();
        assertThat(exchanged.placedIn(1L)).isEqualTo(2);

        assertThatThrownBy(() -> allocation.swap(allocation.members(1L).get(0), allocation.members(1L).get(1)))
                .isInstanceOf(AllocationRejectedException.class)
                .extracting(e -> ((AllocationRejectedException) e).messageKey())
                .isEqualTo("allocation.swap.same-group");
    }
}
