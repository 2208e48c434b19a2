package org.ngoplatform.workshop.allocation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one workshop slot's allocation starts from: the slot's groups with their capacities, and the rankings of
 * the participants who ranked, <em>in registration order</em> (the first-come-first-served baseline serves them in
 * this order; the optimal allocation does not depend on it). Refused with {@link AllocationRejectedException}:
 * no groups, a group listed twice, two rankings of one participant, a ranking naming a group not of this slot.
 */
public final class AllocationProblem {

    private final List<GroupSeats> groups;
    private final List<Ranking> rankings;
    private final Map<Long, GroupSeats> groupById = new LinkedHashMap<>();
    private final Map<Long, Ranking> rankingByParticipant = new LinkedHashMap<>();

    public AllocationProblem(List<GroupSeats> groups, List<Ranking> rankings) {
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(rankings, "rankings");
        this.groups = List.copyOf(groups);
        this.rankings = List.copyOf(rankings);
        if (this.groups.isEmpty()) {
            throw new AllocationRejectedException("allocation.rejected.no-groups", "the slot has no groups");
        }
        for (GroupSeats group : this.groups) {
            if (groupById.putIfAbsent(group.groupId(), group) != null) {
                throw new AllocationRejectedException("allocation.rejected.duplicate-group",
                        "group " + group.groupId() + " is listed twice");
            }
        }
        for (Ranking ranking : this.rankings) {
            if (rankingByParticipant.putIfAbsent(ranking.participantId(), ranking) != null) {
                throw new AllocationRejectedException("allocation.rejected.duplicate-participant",
                        "participant " + ranking.participantId() + " has two rankings");
            }
            for (long groupId : ranking.groupIds()) {
                if (!groupById.containsKey(groupId)) {
                    throw new AllocationRejectedException("allocation.rejected.foreign-group",
                            "participant " + ranking.participantId() + " ranked group " + groupId
                                    + ", which is not a group of this slot");
                }
            }
        }
    }

    /** The slot's groups in the order given. */
    public List<GroupSeats> groups() {
        return groups;
    }

    /** The rankings in registration order. */
    public List<Ranking> rankings() {
        return rankings;
    }

    public boolean hasGroup(long groupId) {
        return groupById.containsKey(groupId);
    }

    public boolean hasParticipant(long participantId) {
        return rankingByParticipant.containsKey(participantId);
    }

    /** The group's capacity; the group must be one of this slot's. */
    public int capacityOf(long groupId) {
        GroupSeats group = groupById.get(groupId);
        if (group == null) {
            throw new IllegalArgumentException("group " + groupId + " is not a group of this slot");
        }
        return group.capacity();
    }

    /** The participant's ranking; the participant must have one here. */
    public Ranking rankingOf(long participantId) {
        Ranking ranking = rankingByParticipant.get(participantId);
        if (ranking == null) {
            throw new IllegalArgumentException("participant " + participantId + " has no ranking here");
        }
        return ranking;
    }

    /** Places in all groups together. */
    public long totalSeats() {
        long seats = 0;
        for (GroupSeats group : groups) seats += group.capacity();
        return seats;
    }

    /** The longest ranking's length (0 without rankings). */
    public int longestRanking() {
        int longest = 0;
        for (Ranking ranking : rankings) longest = Math.max(longest, ranking.groupIds().size());
        return longest;
    }

    Map<Long, GroupSeats> groupsById() {
        return Collections.unmodifiableMap(groupById);
    }
}
