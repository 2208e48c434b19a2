package org.ngoplatform.workshop.allocation;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One participant's ranked choices for a slot: {@code groupIds.get(0)} is the first choice. At least one group,
 * none twice; that they all belong to the slot is checked by {@link AllocationProblem}.
 */
public record Ranking(long participantId, List<Long> groupIds) {

    public Ranking {
        Objects.requireNonNull(groupIds, "groupIds");
        if (groupIds.isEmpty()) {
            throw new AllocationRejectedException("allocation.rejected.empty-ranking",
                    "participant " + participantId + " ranked no group");
        }
        Set<Long> seen = new HashSet<>();
        for (Long groupId : groupIds) {
            Objects.requireNonNull(groupId, "a ranked group id");
            if (!seen.add(groupId)) {
                throw new AllocationRejectedException("allocation.rejected.duplicate-choice",
                        "participant " + participantId + " ranked group " + groupId + " more than once");
            }
        }
        groupIds = List.copyOf(groupIds);
    }

    /** 1 for the first choice, 2 for the second…; 0 when this participant did not rank {@code groupId}. */
    public int choiceOf(long groupId) {
        for (int i = 0; i < groupIds.size(); i++) {
            if (groupIds.get(i) == groupId) {
                return i + 1;
            }
        }
        return 0;
    }
}
