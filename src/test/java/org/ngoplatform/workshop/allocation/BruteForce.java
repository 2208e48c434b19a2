package org.ngoplatform.workshop.allocation;

import java.util.List;

/**
 * Every assignment of a small slot enumerated: each participant in no group or in any group of the slot (ranked or
 * not), within capacities. Computes the best {@link AllocationScore} and, among the assignments with that score,
 * the smallest sum of lottery numbers over people placed in a group they ranked.
 */
final class BruteForce {

    final AllocationScore best;
    final long bestLotterySum;
    final int optimalCount;

    private final AllocationProblem problem;
    private final long seed;
    private final int[] groupOf;
    private final int[] free;
    private AllocationScore found;
    private long foundLottery = Long.MAX_VALUE;
    private int count;

    BruteForce(AllocationProblem problem, long seed) {
        this.problem = problem;
        this.seed = seed;
        int n = problem.rankings().size();
        groupOf = new int[n];
        List<GroupSeats> groups = problem.groups();
        free = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) free[g] = groups.get(g).capacity();
        enumerate(0);
        best = found;
        bestLotterySum = foundLottery;
        optimalCount = count;
    }

    private void enumerate(int person) {
        if (person == groupOf.length) {
            evaluate();
            return;
        }
        groupOf[person] = -1;
        enumerate(person + 1);
        for (int g = 0; g < free.length; g++) {
            if (free[g] == 0) continue;
            free[g]--;
            groupOf[person] = g;
            enumerate(person + 1);
            free[g]++;
        }
    }

    private void evaluate() {
        int placed = 0;
        int withChoice = 0;
        long rankSum = 0;
        long lottery = 0;
        for (int p = 0; p < groupOf.length; p++) {
            if (groupOf[p] < 0) continue;
            placed++;
            Ranking ranking = problem.rankings().get(p);
            long groupId = problem.groups().get(groupOf[p]).groupId();
            int choice = ranking.choiceOf(groupId);
            if (choice > 0) {
                withChoice++;
                rankSum += choice;
                lottery += WorkshopAllocator.lotteryNumber(seed, ranking.participantId(), groupId);
            }
        }
        int n = groupOf.length;
        AllocationScore score = new AllocationScore(n, placed, n - withChoice, rankSum);
        if (found == null || score.isBetterThan(found)) {
            found = score;
            foundLottery = lottery;
            count = 1;
        } else if (!score.isWorseThan(found)) {
            count++;
            foundLottery = Math.min(foundLottery, lottery);
        }
    }
}
