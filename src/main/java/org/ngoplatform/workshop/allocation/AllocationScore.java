package org.ngoplatform.workshop.allocation;

import java.util.Comparator;

/**
 * An allocation's objective, compared lexicographically (see {@link WorkshopAllocator}): more people {@code placed}
 * is better; then fewer with {@code noneOfChoices} (placed outside their ranking, or without a place); then a
 * smaller {@code rankSum}, the sum of the choice numbers (1 for a first choice) of everyone placed in a group they
 * ranked. With the number of people who got a choice fixed, a smaller rank sum is a greater total satisfaction.
 */
public record AllocationScore(int participants, int placed, int noneOfChoices, long rankSum) {

    /** Better scores first. */
    public static final Comparator<AllocationScore> BEST_FIRST = Comparator
            .comparingInt(AllocationScore::placed).reversed()
            .thenComparingInt(AllocationScore::noneOfChoices)
            .thenComparingLong(AllocationScore::rankSum);

    public boolean isBetterThan(AllocationScore other) {
        return BEST_FIRST.compare(this, other) < 0;
    }

    public boolean isWorseThan(AllocationScore other) {
        return BEST_FIRST.compare(this, other) > 0;
    }
}
