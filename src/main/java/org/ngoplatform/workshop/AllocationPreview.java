package org.ngoplatform.workshop;

import org.ngoplatform.workshop.allocation.Allocation;
import org.ngoplatform.workshop.allocation.AllocationSummary;

import java.util.List;
import java.util.Map;

/**
 * What an organiser checks before publishing a slot's allocation: the {@code draft} to publish (the optimal
 * allocation under the choosing's seed, with the organiser's moves by hand), its summary next to the summaries of the
 * untouched {@code optimal} allocation and of the first-come-first-served {@code baseline} on the same rankings; the
 * slot's groups with the places the allocation had ({@code seats}: capacity less the members who did not rank); the
 * names of the people who ranked; and the {@code fingerprint} of the rankings and places it was computed from
 * (publishing is refused when they changed meanwhile).
 */
public record AllocationPreview(ChoosingSummary choosing, List<WorkshopGroupSummary> groups, Map<Long, Integer> seats,
                                Map<Long, String> names, Allocation draft, AllocationSummary optimal,
                                AllocationSummary baseline, int moved, String fingerprint) {

    public AllocationSummary draftSummary() {
        return draft.summary();
    }

    public String nameOf(long accountId) {
        return names.getOrDefault(accountId, "#" + accountId);
    }

    public String groupTitle(long groupId) {
        return groups.stream().filter(g -> g.id() == groupId).map(WorkshopGroupSummary::title).findFirst().orElse("#" + groupId);
    }
}
