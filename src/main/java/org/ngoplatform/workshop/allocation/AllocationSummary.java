package org.ngoplatform.workshop.allocation;

import java.util.List;

/**
 * What an organiser checks before publishing an allocation: {@code byChoice.get(0)} people got their first choice,
 * {@code byChoice.get(1)} their second, … (as long as the longest ranking); who got none of their choices, split
 * into those {@code placedOutsideChoices} (a group with room they did not rank) and those {@code withoutPlace} (no
 * room anywhere), each in registration order; each group's fill in the slot's order; and the {@link AllocationScore}.
 */
public record AllocationSummary(AllocationScore score, List<Integer> byChoice, List<Long> placedOutsideChoices,
                                List<Long> withoutPlace, List<GroupFill> groups) {

    public AllocationSummary {
        byChoice = List.copyOf(byChoice);
        placedOutsideChoices = List.copyOf(placedOutsideChoices);
        withoutPlace = List.copyOf(withoutPlace);
        groups = List.copyOf(groups);
    }

    /** How many got their {@code choice}-th choice (1 = first); 0 beyond the longest ranking. */
    public int gotChoice(int choice) {
        return choice >= 1 && choice <= byChoice.size() ? byChoice.get(choice - 1) : 0;
    }
}
