package org.ngoplatform.workshop.allocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Random slots for the allocation tests and the benchmark: some groups popular, rankings of varying length. */
final class RandomSlots {

    private RandomSlots() {
    }

    /**
     * {@code participants} people, {@code groups} groups with ids 101.., participant ids 1001..; each ranks between
     * 1 and {@code maxRanks} groups, drawn with a popularity skew; capacities between {@code minCapacity} and
     * {@code maxCapacity}.
     */
    static AllocationProblem problem(Random random, int participants, int groups, int maxRanks,
                                     int minCapacity, int maxCapacity, boolean fullRankings) {
        List<GroupSeats> seats = new ArrayList<>();
        double[] weight = new double[groups];
        for (int g = 0; g < groups; g++) {
            seats.add(new GroupSeats(101 + g, minCapacity + random.nextInt(maxCapacity - minCapacity + 1)));
            weight[g] = 1.0 / (1 + random.nextInt(groups)); // a few popular groups, many less so
        }
        List<Ranking> rankings = new ArrayList<>();
        for (int p = 0; p < participants; p++) {
            int length = fullRankings ? Math.min(maxRanks, groups) : 1 + random.nextInt(Math.min(maxRanks, groups));
            List<Long> choices = new ArrayList<>();
            while (choices.size() < length) {
                long groupId = 101 + pick(random, weight);
                if (!choices.contains(groupId)) choices.add(groupId);
            }
            rankings.add(new Ranking(1001 + p, choices));
        }
        return new AllocationProblem(seats, rankings);
    }

    /** The same slot with the groups and the rankings listed in another order. */
    static AllocationProblem shuffled(AllocationProblem problem, Random random) {
        List<GroupSeats> groups = new ArrayList<>(problem.groups());
        List<Ranking> rankings = new ArrayList<>(problem.rankings());
        Collections.shuffle(groups, random);
        Collections.shuffle(rankings, random);
        return new AllocationProblem(groups, rankings);
    }

    private static int pick(Random random, double[] weight) {
        double total = 0;
        for (double w : weight) total += w;
        double x = random.nextDouble() * total;
        for (int i = 0; i < weight.length; i++) {
            x -= weight[i];
            if (x < 0) return i;
        }
        return weight.length - 1;
    }
}
