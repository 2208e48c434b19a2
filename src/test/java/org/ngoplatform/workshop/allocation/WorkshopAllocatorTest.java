package org.ngoplatform.workshop.allocation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkshopAllocatorTest {

    @Test
    void the_optimal_allocation_matches_brute_force_on_600_small_random_cases() {
        Random random = new Random(20261206L);
        int withoutChoice = 0;
        int tied = 0;
        for (int c = 0; c < 600; c++) {
            int participants = 1 + random.nextInt(6);
            int groups = 1 + random.nextInt(4);
            AllocationProblem problem = RandomSlots.problem(random, participants, groups, groups, 0, 3, false);
            long seed = random.nextLong();
            Allocation optimal = WorkshopAllocator.optimal(problem, seed);
            BruteForce brute = new BruteForce(problem, seed);
            String where = "case " + c + ": " + problem.rankings() + " " + problem.groups();
            assertThat(optimal.score()).as(where).isEqualTo(brute.best);
            assertThat(lotterySum(optimal, seed)).as("tie-break, " + where).isEqualTo(brute.bestLotterySum);
            if (brute.best.noneOfChoices() > 0) withoutChoice++;
            if (brute.optimalCount > 1) tied++;
        }
        // the cases exercise every part of the objective: people without a choice, and ties to break
        assertThat(withoutChoice).isGreaterThan(100);
        assertThat(tied).isGreaterThan(100);
    }

    @Test
    void on_random_cases_the_optimal_allocation_is_never_worse_than_first_come_first_served_and_often_better() {
        Random random = new Random(14L);
        int better = 0;
        for (int c = 0; c < 300; c++) {
            int participants = 10 + random.nextInt(200);
            int groups = 2 + random.nextInt(12);
            int capacity = Math.max(1, participants / groups);
            AllocationProblem problem = RandomSlots.problem(random, participants, groups, 5,
                    capacity / 2, capacity + 2, false);
            AllocationScore optimal = WorkshopAllocator.optimal(problem, c).score();
            AllocationScore greedy = WorkshopAllocator.firstComeFirstServed(problem).score();
            assertThat(optimal.isWorseThan(greedy)).as("case " + c + ": " + optimal + " vs " + greedy).isFalse();
            if (optimal.isBetterThan(greedy)) better++;
        }
        assertThat(better).isGreaterThan(100);
    }

    @Test
    void where_first_come_first_served_leaves_someone_without_a_choice_the_optimal_allocation_does_not() {
        // Ana ranks A then B; Ben, registered later, ranks only A. One place each.
        AllocationProblem problem = new AllocationProblem(
                List.of(new GroupSeats(1, 1), new GroupSeats(2, 1)),
                List.of(new Ranking(10, List.of(1L, 2L)), new Ranking(20, List.of(1L))));

        Allocation greedy = WorkshopAllocator.firstComeFirstServed(problem);
        assertThat(greedy.placements()).containsExactly(Map.entry(10L, 1L), Map.entry(20L, 2L));
        assertThat(greedy.summary().placedOutsideChoices()).containsExactly(20L);

        Allocation optimal = WorkshopAllocator.optimal(problem, 7);
        assertThat(optimal.placements()).containsExactly(Map.entry(10L, 2L), Map.entry(20L, 1L));
        assertThat(optimal.score()).isEqualTo(new AllocationScore(2, 2, 0, 3));
    }

    @Test
    void capacities_and_one_group_per_participant_hold_and_everyone_gets_a_place_while_places_remain() {
        Random random = new Random(3L);
        for (int c = 0; c < 200; c++) {
            int participants = 1 + random.nextInt(300);
            int groups = 1 + random.nextInt(15);
            AllocationProblem problem = RandomSlots.problem(random, participants, groups, 6, 0, 30, false);
            for (Allocation allocation : List.of(WorkshopAllocator.optimal(problem, c),
                    WorkshopAllocator.firstComeFirstServed(problem))) {
                Map<Long, Integer> placed = new HashMap<>();
                Set<Long> seen = new HashSet<>();
                allocation.placements().forEach((participant, group) -> {
                    assertThat(problem.hasParticipant(participant)).isTrue();
                    assertThat(problem.hasGroup(group)).isTrue();
                    assertThat(seen.add(participant)).isTrue();
                    placed.merge(group, 1, Integer::sum);
                });
                for (GroupSeats group : problem.groups()) {
                    assertThat(placed.getOrDefault(group.groupId(), 0)).isLessThanOrEqualTo(group.capacity());
                }
                assertThat((long) allocation.placements().size())
                        .isEqualTo(Math.min(participants, problem.totalSeats()));
            }
        }
    }

    @Test
    void the_same_rankings_capacities_and_seed_give_the_same_allocation_in_whatever_order_they_are_listed() {
        Random random = new Random(99L);
        int placedOutside = 0;
        for (int c = 0; c < 50; c++) {
            // every other case has room to spare in groups few ranked, so some are placed outside their choices
            AllocationProblem problem = c % 2 == 0
                    ? RandomSlots.problem(random, 150, 8, 4, 5, 25, false)
                    : RandomSlots.problem(random, 150, 8, 2, 10, 40, false);
            Allocation first = WorkshopAllocator.optimal(problem, 424242L);
            Allocation again = WorkshopAllocator.optimal(problem, 424242L);
            Allocation reordered = WorkshopAllocator.optimal(RandomSlots.shuffled(problem, random), 424242L);
            assertThat(again.placements()).isEqualTo(first.placements());
            assertThat(reordered.placements()).isEqualTo(first.placements());
            placedOutside += first.summary().placedOutsideChoices().size();
        }
        assertThat(placedOutside).isGreaterThan(50);
    }

    @Test
    void different_seeds_break_ties_differently_but_every_seed_gives_the_same_score() {
        // four people rank the same two groups of two places in the same order: six equally good allocations
        AllocationProblem problem = new AllocationProblem(
                List.of(new GroupSeats(1, 2), new GroupSeats(2, 2)),
                List.of(new Ranking(10, List.of(1L, 2L)), new Ranking(20, List.of(1L, 2L)),
                        new Ranking(30, List.of(1L, 2L)), new Ranking(40, List.of(1L, 2L))));
        Set<Map<Long, Long>> outcomes = new HashSet<>();
        for (long seed = 0; seed < 60; seed++) {
            Allocation allocation = WorkshopAllocator.optimal(problem, seed);
            assertThat(allocation.score()).isEqualTo(new AllocationScore(4, 4, 0, 6));
            outcomes.add(allocation.placements());
        }
        assertThat(outcomes).hasSizeGreaterThan(3);

        Random random = new Random(5L);
        for (int c = 0; c < 30; c++) {
            AllocationProblem bigger = RandomSlots.problem(random, 120, 6, 3, 10, 25, false);
            AllocationScore score = WorkshopAllocator.optimal(bigger, 1).score();
            for (long seed = 2; seed < 6; seed++) {
                assertThat(WorkshopAllocator.optimal(bigger, seed).score()).isEqualTo(score);
            }
        }
    }

    @Test
    void someone_whose_ranked_groups_are_full_gets_a_place_in_the_roomiest_group_they_did_not_rank() {
        AllocationProblem problem = new AllocationProblem(
                List.of(new GroupSeats(1, 1), new GroupSeats(2, 1), new GroupSeats(3, 3)),
                List.of(new Ranking(10, List.of(1L)), new Ranking(20, List.of(1L)), new Ranking(30, List.of(2L))));
        Allocation allocation = WorkshopAllocator.optimal(problem, 11);

        AllocationSummary summary = allocation.summary();
        assertThat(summary.byChoice()).containsExactly(2);
        assertThat(summary.placedOutsideChoices()).hasSize(1);
        long outside = summary.placedOutsideChoices().getFirst();
        assertThat(outside).isIn(10L, 20L);
        assertThat(allocation.groupOf(outside)).contains(3L);
        assertThat(summary.withoutPlace()).isEmpty();
        assertThat(allocation.score()).isEqualTo(new AllocationScore(3, 3, 1, 2));
    }

    @Test
    void when_places_run_out_the_summary_lists_who_is_without_a_place_and_each_groups_fill() {
        AllocationProblem problem = new AllocationProblem(
                List.of(new GroupSeats(1, 1), new GroupSeats(2, 0)),
                List.of(new Ranking(10, List.of(1L, 2L)), new Ranking(20, List.of(2L, 1L)),
                        new Ranking(30, List.of(2L))));
        AllocationSummary summary = WorkshopAllocator.optimal(problem, 1).summary();

        // the one place goes to the person for whom it is a first choice
        assertThat(summary.score()).isEqualTo(new AllocationScore(3, 1, 2, 1));
        assertThat(summary.byChoice()).containsExactly(1, 0);
        assertThat(summary.withoutPlace()).containsExactly(20L, 30L);
        assertThat(summary.placedOutsideChoices()).isEmpty();
        assertThat(summary.groups()).containsExactly(new GroupFill(1, 1, 1), new GroupFill(2, 0, 0));
    }

    @Test
    void with_no_rankings_nobody_is_placed_and_every_group_is_empty() {
        AllocationProblem problem = new AllocationProblem(List.of(new GroupSeats(1, 5)), List.of());
        AllocationSummary summary = WorkshopAllocator.optimal(problem, 1).summary();
        assertThat(summary.score()).isEqualTo(new AllocationScore(0, 0, 0, 0));
        assertThat(summary.byChoice()).isEmpty();
        assertThat(summary.groups()).containsExactly(new GroupFill(1, 5, 0));
    }

    @Test
    void the_lottery_numbers_depend_only_on_seed_participant_and_group() {
        assertThat(WorkshopAllocator.lotteryNumber(1, 2, 3)).isEqualTo(WorkshopAllocator.lotteryNumber(1, 2, 3));
        assertThat(WorkshopAllocator.lotteryNumber(1, 2, 3)).isNotEqualTo(WorkshopAllocator.lotteryNumber(2, 2, 3));
        assertThat(WorkshopAllocator.lotteryNumber(1, 2, 3)).isNotEqualTo(WorkshopAllocator.lotteryNumber(1, 3, 2));
        for (long p = 0; p < 1000; p++) {
            assertThat(WorkshopAllocator.lotteryNumber(-7, p, p * 31)).isBetween(0L, (1L << 20) - 1);
        }
        assertThat(WorkshopAllocator.lotteryRange(60)).isEqualTo(1L << 20);
        assertThat(WorkshopAllocator.lotteryRange(1000)).isEqualTo(100_000L);
    }

    @Test
    void a_slot_too_large_for_exact_flow_costs_is_refused_with_a_clear_message() {
        List<GroupSeats> groups = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        for (long g = 1; g <= 500; g++) {
            groups.add(new GroupSeats(g, 1));
            all.add(g);
        }
        AllocationProblem problem = new AllocationProblem(groups, List.of(new Ranking(1, all)));
        assertThatThrownBy(() -> WorkshopAllocator.optimal(problem, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a slot of 500 groups and rankings of 500 is beyond what the allocation's flow"
                        + " handles exactly");
        AllocationProblem shorter = new AllocationProblem(groups, List.of(new Ranking(1, all.subList(0, 40))));
        assertThat(WorkshopAllocator.optimal(shorter, 1).groupOf(1)).contains(1L);
    }

    private static long lotterySum(Allocation allocation, long seed) {
        long sum = 0;
        for (Map.Entry<Long, Long> placed : allocation.placements().entrySet()) {
            if (allocation.problem().rankingOf(placed.getKey()).choiceOf(placed.getValue()) > 0) {
                sum += WorkshopAllocator.lotteryNumber(seed, placed.getKey(), placed.getValue());
            }
        }
        return sum;
    }
}
