package org.ngoplatform.workshop.allocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The places of one slot: which group each participant of the {@link AllocationProblem} is in (at most one; people
 * without a place have none). Immutable: {@link #move} and {@link #swap} return a new allocation. Every instance
 * respects the capacities and holds only the problem's participants and groups.
 */
public final class Allocation {

    private final AllocationProblem problem;
    private final Map<Long, Long> groupByParticipant;
    private final Map<Long, Integer> placedByGroup = new HashMap<>();

    Allocation(AllocationProblem problem, Map<Long, Long> groupByParticipant) {
        this.problem = Objects.requireNonNull(problem, "problem");
        Map<Long, Long> ordered = new LinkedHashMap<>();
        for (Ranking ranking : problem.rankings()) {
            Long groupId = groupByParticipant.get(ranking.participantId());
            if (groupId != null) ordered.put(ranking.participantId(), groupId);
        }
        if (ordered.size() != groupByParticipant.size()) {
            throw new IllegalArgumentException("an allocation names someone without a ranking in this slot");
        }
        for (long groupId : ordered.values()) {
            int placed = placedByGroup.merge(groupId, 1, Integer::sum);
            if (placed > problem.capacityOf(groupId)) {
                throw new IllegalStateException("group " + groupId + " would be over capacity");
            }
        }
        this.groupByParticipant = Collections.unmodifiableMap(ordered);
    }

    /**
     * An allocation built from places decided elsewhere (a draft an organiser moved people in, places already
     * stored): participant id to group id. Refused with {@link AllocationRejectedException} when it names someone
     * without a ranking in the problem, a group not of its slot, or puts more people in a group than it has places.
     */
    public static Allocation of(AllocationProblem problem, Map<Long, Long> placements) {
        Objects.requireNonNull(placements, "placements");
        Map<Long, Integer> placed = new HashMap<>();
        placements.forEach((participantId, groupId) -> {
            if (participantId == null || !problem.hasParticipant(participantId)) {
                throw new AllocationRejectedException("allocation.move.unknown-participant",
                        "participant " + participantId + " has no ranking in this slot");
            }
            if (groupId == null || !problem.hasGroup(groupId)) {
                throw new AllocationRejectedException("allocation.move.foreign-group",
                        "group " + groupId + " is not a group of this slot");
            }
            if (placed.merge(groupId, 1, Integer::sum) > problem.capacityOf(groupId)) {
                throw new AllocationRejectedException("allocation.move.full", "group " + groupId + " would be over capacity");
            }
        });
        return new Allocation(problem, placements);
    }

    public AllocationProblem problem() {
        return problem;
    }

    /** Participant id to group id, for everyone placed, in registration order. */
    public Map<Long, Long> placements() {
        return groupByParticipant;
    }

    public Optional<Long> groupOf(long participantId) {
        return Optional.ofNullable(groupByParticipant.get(participantId));
    }

    /** The group's members in registration order. */
    public List<Long> members(long groupId) {
        List<Long> members = new ArrayList<>();
        groupByParticipant.forEach((participant, group) -> {
            if (group == groupId) members.add(participant);
        });
        return members;
    }

    public int placedIn(long groupId) {
        return placedByGroup.getOrDefault(groupId, 0);
    }

    public int freeSeats(long groupId) {
        return problem.capacityOf(groupId) - placedIn(groupId);
    }

    /**
     * Moves a participant (placed or not) into another group of the slot. Refused when the person has no ranking
     * here, the group is not of this slot, the person is already in it, or it is full: capacities hold after a
     * move as before it. To exchange two people between full groups, use {@link #swap}.
     */
    public Allocation move(long participantId, long toGroupId) {
        requireParticipant(participantId);
        if (!problem.hasGroup(toGroupId)) {
            throw new AllocationRejectedException("allocation.move.foreign-group",
                    "group " + toGroupId + " is not a group of this slot");
        }
        Long current = groupByParticipant.get(participantId);
        if (current != null && current == toGroupId) {
            throw new AllocationRejectedException("allocation.move.same-group",
                    "participant " + participantId + " is already in group " + toGroupId);
        }
        if (freeSeats(toGroupId) <= 0) {
            throw new AllocationRejectedException("allocation.move.full",
                    "group " + toGroupId + " is full (" + placedIn(toGroupId) + " of "
                            + problem.capacityOf(toGroupId) + " places taken)");
        }
        Map<Long, Long> moved = new HashMap<>(groupByParticipant);
        moved.put(participantId, toGroupId);
        return new Allocation(problem, moved);
    }

    /**
     * Exchanges the places of two participants (one of them may be without a place); every group keeps its fill.
     * Refused when either has no ranking here or both are in the same group (or both without a place).
     */
    public Allocation swap(long participantId, long otherParticipantId) {
        requireParticipant(participantId);
        requireParticipant(otherParticipantId);
        Long first = groupByParticipant.get(participantId);
        Long second = groupByParticipant.get(otherParticipantId);
        if (Objects.equals(first, second)) {
            throw new AllocationRejectedException("allocation.swap.same-group",
                    "participants " + participantId + " and " + otherParticipantId + " have the same place");
        }
        Map<Long, Long> swapped = new HashMap<>(groupByParticipant);
        swapped.remove(participantId);
        swapped.remove(otherParticipantId);
        if (second != null) swapped.put(participantId, second);
        if (first != null) swapped.put(otherParticipantId, first);
        return new Allocation(problem, swapped);
    }

    private void requireParticipant(long participantId) {
        if (!problem.hasParticipant(participantId)) {
            throw new AllocationRejectedException("allocation.move.unknown-participant",
                    "participant " + participantId + " has no ranking in this slot");
        }
    }

    public AllocationScore score() {
        int placed = 0;
        int withChoice = 0;
        long rankSum = 0;
        for (Ranking ranking : problem.rankings()) {
            Long groupId = groupByParticipant.get(ranking.participantId());
            if (groupId == null) continue;
            placed++;
            int choice = ranking.choiceOf(groupId);
            if (choice > 0) {
                withChoice++;
                rankSum += choice;
            }
        }
        int participants = problem.rankings().size();
        return new AllocationScore(participants, placed, participants - withChoice, rankSum);
    }

    public AllocationSummary summary() {
        int[] byChoice = new int[problem.longestRanking()];
        List<Long> outside = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (Ranking ranking : problem.rankings()) {
            Long groupId = groupByParticipant.get(ranking.participantId());
            if (groupId == null) {
                without.add(ranking.participantId());
                continue;
            }
            int choice = ranking.choiceOf(groupId);
            if (choice > 0) byChoice[choice - 1]++;
            else outside.add(ranking.participantId());
        }
        List<Integer> counts = new ArrayList<>(byChoice.length);
        for (int count : byChoice) counts.add(count);
        List<GroupFill> fills = new ArrayList<>();
        for (GroupSeats group : problem.groups()) {
            fills.add(new GroupFill(group.groupId(), group.capacity(), placedIn(group.groupId())));
        }
        return new AllocationSummary(score(), counts, outside, without, fills);
    }

    @Override
    public String toString() {
        return "Allocation" + groupByParticipant;
    }
}
