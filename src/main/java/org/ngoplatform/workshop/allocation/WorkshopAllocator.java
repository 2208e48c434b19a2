package org.ngoplatform.workshop.allocation;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm.MinimumCostFlow;
import org.jgrapht.graph.AsWeightedGraph;
import org.jgrapht.graph.DefaultDirectedGraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Allocates the places of one workshop slot from ranked choices: the optimal allocation, and the
 * first-come-first-served baseline it is compared with.
 *
 * <h2>What "optimal" means here (issue 14 §2)</h2>
 * The issue asks that "every participant who ranked gets a place when capacities allow; first minimise the number
 * of people who get none of their choices, then maximise the total satisfaction (first choice best)". Read
 * together, a person can have a place and still have none of their choices, so a place is not limited to the
 * groups someone ranked: <b>when all the groups someone ranked are full, they are placed in a group of the slot
 * with room that they did not rank</b> (listed in the summary as "placed outside their choices", so the organiser
 * can look at them before publishing). The objective, lexicographic, best first:
 * <ol>
 * <li>as many people placed as there are places: {@code min(participants, places)};</li>
 * <li>as few people as possible with none of their choices (placed outside their ranking or without a place);</li>
 * <li>the smallest sum of choice numbers over everyone placed in a group they ranked (1 for a first choice, 2 for
 * a second…). With (2) fixed, this is the greatest total satisfaction when a choice {@code r} is worth
 * {@code R + 1 − r}; each step down a ranking costs the same, for everyone;</li>
 * <li>ties between allocations equal on (1)–(3) are broken by the published seed (below).</li>
 * </ol>
 * (1) never competes with (2) and (3): whatever the ranked part of an allocation, the people it leaves without a
 * choice can take any free place, so every allocation returned here places {@code min(participants, places)}
 * people. {@link AllocationScore} holds (1)–(3).
 *
 * <h2>Algorithm: minimum-cost flow, twice</h2>
 * Network: each participant (supply 1) → each group they ranked (capacity 1, cost: choice number − 1) → sink
 * (capacity: the group's places), and each participant → a "no choice" node (capacity 1, cost {@code M}) → sink;
 * the sink takes all {@code N} units. An integral flow is an allocation of everyone to a ranked group or to "no
 * choice", within capacities, and its cost is {@code M · (people with no choice) + Σ (choice − 1)}. With {@code G}
 * groups and rankings of length up to {@code R} it has {@code N + G + 2} nodes and at most {@code N·(R + 1) + G + 1}
 * arcs (1,000 × 30 × 5: 6,031). Solved with JGraphT's {@link CapacityScalingMinimumCostFlow}: successive shortest
 * paths, one Dijkstra search on reduced costs per unit of supply, here without its capacity scaling (every supply
 * is 1; scaling only added work: 1.6–2 times the CPU time in the benchmark).
 * <p>
 * Two details of the network keep each search short (docs/performance.md, "Workshop allocation"). Supplies sit on
 * the participants, not on one source, which every search would leave through all unplaced participants. And every
 * unit pays {@code +1} on the arc leaving its participant and {@code −1} on the arc into the sink: the same for
 * every flow, so no allocation's cost changes, but the library turns a negative-cost arc round into a demand, so each
 * group with room and the "no choice" node become targets where a search stops, instead of exploring every member
 * of a full group at distance 0 on its way to the single sink.
 * <ol>
 * <li><b>(2) before (3), by big-M</b>: {@code M = G·(R − 1) + 1}. Let {@code f(j)} be the smallest
 * {@code Σ (choice − 1)} with exactly {@code j} people in a ranked group, and {@code k*} the most that can be. For
 * {@code j < k*}, an optimal {@code j}-allocation has an augmenting path in the residual network (it is not a
 * maximum flow); a simple path enters each group at most once, so it has at most {@code G} participant → group
 * arcs forward, each costing at most {@code R − 1}, and backward arcs only lower its cost: {@code f(j + 1) ≤ f(j) +
 * G·(R − 1) < f(j) + M}. So {@code f(j) + M·(N − j)} falls strictly up to {@code j = k*}: every minimum-cost flow
 * gives a choice to {@code k*} people, the most possible, and among those allocations has the smallest rank sum.
 * {@code M} is small (241 for 60 groups and 5 ranks), which matters below.</li>
 * <li><b>(4), the tie-break, over exactly the optimal set</b>: next to the flow the library returns node
 * potentials {@code π}; we check, in integer arithmetic, that every arc's reduced cost {@code c(a) + π(head) −
 * π(tail)} is {@code ≥ 0} where the arc has room and {@code ≤ 0} where it carries flow (complementary slackness:
 * they prove the flow optimal), and fail loudly otherwise. For any allocation {@code x} the cost is {@code Σ
 * reducedCost(a)·x(a)} plus a constant (the potentials telescope into the supplies), so {@code x} is optimal
 * <em>if and only if</em> it puts nothing on arcs of positive reduced cost and fills arcs of negative reduced cost.
 * The second flow fixes exactly those bounds (zero-reduced-cost arcs stay free) and has the seed's lottery numbers
 * as its only cost. Its feasible flows are therefore <em>exactly</em> the allocations optimal on (2) and (3), no
 * more and no fewer, and it takes the one whose lottery numbers sum lowest. The tie-break is not a perturbation
 * added to the real costs, so it cannot trade a first choice for a lucky number: (2) and (3) are the same for
 * every seed (checked again after the second flow, and by brute force in the tests).</li>
 * <li><b>Everyone with no choice</b>, in lottery order, takes a place in the group with the most free places (the
 * lowest group id on a tie), while places remain.</li>
 * </ol>
 *
 * <h2>Why this and not something else</h2>
 * An assignment solver (the Hungarian method) would need one column per <em>place</em> (a dense 1,000 × 1,100
 * matrix, {@code O(n³)}) and handles capacities only by copying groups; the flow keeps one node per group and one
 * arc per ranked choice. One flow with a big-M and a tiny seeded perturbation for ties would save the second run,
 * but the magnitudes do not fit the library: {@link CapacityScalingMinimumCostFlow} keeps costs as {@code double}
 * and joins every node to a helper node with arcs of cost {@link CapacityScalingMinimumCostFlow#COST_INF}
 * ({@code 1e9}), so every augmenting path must cost well below {@code 2e9}; a perturbation below the rank costs'
 * resolution, summed over thousands of people, would need a scale of {@code N·M} per rank step. In our two flows
 * a simple path passes each group and the "no choice" node at most once, so it costs at most {@code (G + 1) × max
 * arc cost}: about {@code (G + 1)·M} in the first (refused beyond 10^8: some 460 groups ranked in full) and
 * {@code G × 2^20} in the second (the lottery range shrinks to {@code 10^8 / G} beyond 95 groups); the {@code ±1}
 * above adds at most one per group. All values are integers, exact as doubles.
 *
 * <h2>The seed, reproducibly</h2>
 * The lottery number of participant {@code p} for group {@code g} is {@link #lotteryNumber(long, long, long)}
 * (SplitMix64 of seed, participant id and group id, in {@code [0, 2^20)}), and the order in which people with no
 * choice are placed is {@link #drawOrder(long, long)}; both depend on nothing else, so anyone with the seed can
 * recompute them. The
 * network is built in the order of participant and group ids, so the result does not depend on the order of the
 * input either: same rankings, capacities and seed, same allocation. A different seed may pick a different one
 * of the equally good allocations.
 */
public final class WorkshopAllocator {

    /** Upper end (exclusive) of the lottery numbers: room for ties among thousands of people. */
    static final long LOTTERY_RANGE = 1L << 20;
    /** Any path's cost stays below this (see the class comment), far below the library's 2 × 1e9. */
    private static final long PATH_COST_BOUND = 100_000_000L;

    private WorkshopAllocator() {
    }

    /** The optimal allocation (class comment), ties broken by {@code seed}. */
    public static Allocation optimal(AllocationProblem problem, long seed) {
        List<Ranking> people = new ArrayList<>(problem.rankings());
        people.sort(Comparator.comparingLong(Ranking::participantId));
        List<GroupSeats> groups = new ArrayList<>(problem.groups());
        groups.sort(Comparator.comparingLong(GroupSeats::groupId));
        int n = people.size();
        long noChoiceCost = (long) groups.size() * Math.max(0, problem.longestRanking() - 1) + 1;
        if ((groups.size() + 1) * noChoiceCost > PATH_COST_BOUND) {
            throw new IllegalArgumentException("a slot of " + groups.size() + " groups and rankings of "
                    + problem.longestRanking() + " is beyond what the allocation's flow handles exactly");
        }
        long range = lotteryRange(groups.size());

        Graph<Integer, Arc> network = new DefaultDirectedGraph<>(null, null, false);
        int noChoice = n + groups.size();
        int sink = noChoice + 1;
        for (int node = 0; node <= sink; node++) network.addVertex(node);
        Map<Long, Integer> groupNode = new HashMap<>();
        for (int j = 0; j < groups.size(); j++) groupNode.put(groups.get(j).groupId(), n + j);
        for (int i = 0; i < n; i++) {
            Ranking ranking = people.get(i);
            List<Long> choices = ranking.groupIds();
            for (int r = 0; r < choices.size(); r++) {
                long groupId = choices.get(r);
                int to = groupNode.get(groupId);
                network.addEdge(i, to, new Arc(i, to, 1, r, 1,
                        lotteryNumber(seed, ranking.participantId(), groupId) % range,
                        ranking.participantId(), groupId));
            }
            network.addEdge(i, noChoice, new Arc(i, noChoice, 1, noChoiceCost, 1, 0, null, null));
        }
        for (GroupSeats group : groups) {
            int node = groupNode.get(group.groupId());
            int capacity = Math.min(group.capacity(), n);
            network.addEdge(node, sink, new Arc(node, sink, capacity, 0, -1, 0, null, null));
        }
        network.addEdge(noChoice, sink, new Arc(noChoice, sink, n, 0, -1, 0, null, null));

        Map<Long, Long> placements = new HashMap<>();
        if (n > 0) {
            // (2) and (3): the most people with a choice, then the smallest rank sum
            Solved best = solve(network, n, sink, arc -> 0, arc -> arc.capacity, arc -> arc.rankCost);
            // (4): among exactly the allocations as good as that, the lowest sum of lottery numbers
            Map<Arc, Long> reduced = reducedCosts(network, best);
            Solved drawn = solve(network, n, sink,
                    arc -> reduced.get(arc) < 0 ? arc.capacity : 0,
                    arc -> reduced.get(arc) > 0 ? 0 : arc.capacity,
                    arc -> arc.lottery);
            if (rankCost(network, drawn) != rankCost(network, best)) {
                throw new IllegalStateException("the tie-break changed the objective; this is a bug");
            }
            for (Arc arc : network.edgeSet()) {
                if (arc.participantId != null && drawn.flow(arc) == 1) {
                    placements.put(arc.participantId, arc.groupId);
                }
            }
        }
        List<Long> rest = new ArrayList<>();
        for (Ranking ranking : people) {
            if (!placements.containsKey(ranking.participantId())) rest.add(ranking.participantId());
        }
        rest.sort(Comparator.<Long>comparingLong(p -> drawOrder(seed, p)).thenComparingLong(p -> p));
        placeOutsideChoices(problem, placements, rest);
        return new Allocation(problem, placements);
    }

    /**
     * The baseline: participants in registration order each take the first group of their ranking that still has
     * room, as if they had joined first come, first served; then those left without a choice are placed as in the
     * optimal allocation (step 4), in registration order. Only the ranked part differs, so the two compare fairly.
     */
    public static Allocation firstComeFirstServed(AllocationProblem problem) {
        Map<Long, Integer> free = new HashMap<>();
        for (GroupSeats group : problem.groups()) free.put(group.groupId(), group.capacity());
        Map<Long, Long> placements = new HashMap<>();
        List<Long> rest = new ArrayList<>();
        for (Ranking ranking : problem.rankings()) {
            Long placedIn = null;
            for (long groupId : ranking.groupIds()) {
                if (free.get(groupId) > 0) {
                    placedIn = groupId;
                    break;
                }
            }
            if (placedIn == null) {
                rest.add(ranking.participantId());
            } else {
                free.merge(placedIn, -1, Integer::sum);
                placements.put(ranking.participantId(), placedIn);
            }
        }
        placeOutsideChoices(problem, placements, rest);
        return new Allocation(problem, placements);
    }

    /**
     * Participant {@code participantId}'s lottery number for group {@code groupId} under {@code seed}, in
     * {@code [0, 2^20)}: among equally good allocations the one with the smallest sum of its people's numbers wins.
     */
    public static long lotteryNumber(long seed, long participantId, long groupId) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ participantId);
        h = mix(h ^ (groupId * 0xC2B2AE3D27D4EB4FL));
        return Long.remainderUnsigned(h, LOTTERY_RANGE);
    }

    /** The position key of a participant in the order in which people without a choice are placed (lower first). */
    public static long drawOrder(long seed, long participantId) {
        return mix(mix(seed ^ 0xD1B54A32D192ED03L) ^ participantId);
    }

    static long lotteryRange(int groups) {
        return Math.max(1, Math.min(LOTTERY_RANGE, PATH_COST_BOUND / Math.max(1, groups)));
    }

    /** SplitMix64's finaliser: a fixed, well-mixing function of 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void placeOutsideChoices(AllocationProblem problem, Map<Long, Long> placements,
                                            List<Long> inOrder) {
        List<GroupSeats> groups = new ArrayList<>(problem.groups());
        groups.sort(Comparator.comparingLong(GroupSeats::groupId));
        Map<Long, Integer> free = new HashMap<>();
        for (GroupSeats group : groups) free.put(group.groupId(), group.capacity());
        for (long groupId : placements.values()) free.merge(groupId, -1, Integer::sum);
        for (long participantId : inOrder) {
            GroupSeats roomiest = null;
            for (GroupSeats group : groups) {
                int room = free.get(group.groupId());
                if (room > 0 && (roomiest == null || room > free.get(roomiest.groupId()))) roomiest = group;
            }
            if (roomiest == null) return;
            placements.put(participantId, roomiest.groupId());
            free.merge(roomiest.groupId(), -1, Integer::sum);
        }
    }

    private static Solved solve(Graph<Integer, Arc> network, int people, int sink, ToIntFunction<Arc> lower,
                                ToIntFunction<Arc> upper, ToLongFunction<Arc> cost) {
        Graph<Integer, Arc> costed = new AsWeightedGraph<>(network,
                arc -> (double) (cost.applyAsLong(arc) + arc.shift), false, false);
        MinimumCostFlowProblem<Integer, Arc> flowProblem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                costed,
                node -> node < people ? 1 : node == sink ? -people : 0,
                upper::applyAsInt,
                lower::applyAsInt);
        // scaling factor 1: plain successive shortest paths (class comment)
        CapacityScalingMinimumCostFlow<Integer, Arc> algorithm = new CapacityScalingMinimumCostFlow<>(1);
        MinimumCostFlow<Arc> flow = algorithm.getMinimumCostFlow(flowProblem);
        Map<Integer, Long> potentials = new HashMap<>();
        algorithm.getDualSolution().forEach((node, potential) -> potentials.put(node, exact(potential)));
        Map<Arc, Integer> flows = new HashMap<>();
        flow.getFlowMap().forEach((arc, value) -> flows.put(arc, (int) exact(value)));
        return new Solved(flows, potentials, cost);
    }

    /**
     * Reduced costs of phase 2's arcs under its potentials, after checking that they prove the flow optimal.
     */
    private static Map<Arc, Long> reducedCosts(Graph<Integer, Arc> network, Solved solved) {
        Map<Arc, Long> reduced = new HashMap<>();
        for (Arc arc : network.edgeSet()) {
            long value = solved.cost.applyAsLong(arc) + arc.shift + solved.potentials.get(arc.to)
                    - solved.potentials.get(arc.from);
            int flow = solved.flow(arc);
            if ((flow < arc.capacity && value < 0) || (flow > 0 && value > 0)) {
                throw new IllegalStateException("the flow's potentials do not prove it optimal; this is a bug");
            }
            reduced.put(arc, value);
        }
        return reduced;
    }

    private static long rankCost(Graph<Integer, Arc> network, Solved solved) {
        long sum = 0;
        for (Arc arc : network.edgeSet()) sum += arc.rankCost * solved.flow(arc);
        return sum;
    }

    private static long exact(double value) {
        long rounded = Math.round(value);
        if (rounded != value) {
            throw new IllegalStateException("the flow library returned a non-integral value " + value);
        }
        return rounded;
    }

    private record Solved(Map<Arc, Integer> flows, Map<Integer, Long> potentials, ToLongFunction<Arc> cost) {
        int flow(Arc arc) {
            return flows.getOrDefault(arc, 0);
        }
    }

    /** An arc of the network; compared by identity. Participant → group arcs carry both ids. */
    private static final class Arc {
        final int from;
        final int to;
        final int capacity;
        final long rankCost;
        final int shift;
        final long lottery;
        final Long participantId;
        final Long groupId;

        Arc(int from, int to, int capacity, long rankCost, int shift, long lottery, Long participantId, Long groupId) {
            this.from = from;
            this.to = to;
            this.capacity = capacity;
            this.rankCost = rankCost;
            this.shift = shift;
            this.lottery = lottery;
            this.participantId = participantId;
            this.groupId = groupId;
        }
    }
}
