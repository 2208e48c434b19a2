package org.ngoplatform.workshop.allocation;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Time and memory of the optimal allocation against the first-come-first-served baseline. Not part of the suite
 * (the name does not end in Test): run on demand with
 * <pre>mvn -o -B test -Dtest=AllocationBenchmark [-Dbench.runs=5]</pre>
 * Figures go to docs/performance.md ("Workshop allocation"); nothing is asserted.
 */
class AllocationBenchmark {

    record Scenario(String name, int participants, int groups, int ranks, double seatsPerPerson) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("1,000 × 30 × 5, 10 % spare places", 1_000, 30, 5, 1.1),
            new Scenario("1,000 × 30 × 5, places = people", 1_000, 30, 5, 1.0),
            new Scenario("5,000 × 60 × 5, 10 % spare places", 5_000, 60, 5, 1.1),
            new Scenario("5,000 × 60 × 5, places = people", 5_000, 60, 5, 1.0));

    @Test
    void time_and_memory_of_the_optimal_allocation_and_the_baseline() {
        int runs = Integer.getInteger("bench.runs", 5);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf("load before: %s; max heap %d MB%n", load(), Runtime.getRuntime().maxMemory() / (1 << 20));
        System.gc();
        long heapBefore = usedHeap();
        boolean first = true;
        for (Scenario scenario : SCENARIOS) {
            System.gc();
            long heapEmpty = usedHeap();
            AllocationProblem problem = problem(scenario);
            List<Double> millis = new ArrayList<>();
            List<Long> allocated = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            Allocation optimal = null;
            for (int run = 0; run < runs; run++) {
                long bytes = threads.getCurrentThreadAllocatedBytes();
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                optimal = WorkshopAllocator.optimal(problem, 20261206L + run);
                millis.add((System.nanoTime() - t0) / 1e6);
                cpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
                allocated.add(threads.getCurrentThreadAllocatedBytes() - bytes);
                if (first) {
                    System.out.printf("first call in this JVM (classes loading): %.0f ms%n", millis.getFirst());
                    first = false;
                }
            }
            long t0 = System.nanoTime();
            Allocation greedy = WorkshopAllocator.firstComeFirstServed(problem);
            double greedyMillis = (System.nanoTime() - t0) / 1e6;
            long s0 = System.nanoTime();
            AllocationSummary summary = optimal.summary();
            AllocationSummary greedySummary = greedy.summary();
            double summaryMillis = (System.nanoTime() - s0) / 1e6 / 2;
            System.gc();
            long heapWithResult = usedHeap() - heapEmpty;
            System.out.printf("%s: optimal %s ms wall, %s ms CPU (runs), allocated %s MB per run;"
                            + " baseline %.1f ms; summary %.1f ms;"
                            + " retained after GC by problem and both results %.1f MB%n",
                    scenario.name(), millis.stream().map(m -> String.format("%.0f", m)).toList(),
                    cpu.stream().map(m -> String.format("%.0f", m)).toList(),
                    allocated.stream().map(b -> String.format("%.0f", b / 1e6)).toList(),
                    greedyMillis, summaryMillis, heapWithResult / 1e6);
            System.out.printf("   optimal  %s by choice %s, outside %d, without %d%n", summary.score(),
                    summary.byChoice(), summary.placedOutsideChoices().size(), summary.withoutPlace().size());
            System.out.printf("   baseline %s by choice %s, outside %d, without %d%n", greedySummary.score(),
                    greedySummary.byChoice(), greedySummary.placedOutsideChoices().size(),
                    greedySummary.withoutPlace().size());
        }
        System.out.printf("load after: %s (heap used before the first scenario %.1f MB)%n", load(), heapBefore / 1e6);
    }

    static AllocationProblem problem(Scenario scenario) {
        int perGroup = (int) Math.ceil(scenario.participants() * scenario.seatsPerPerson() / scenario.groups());
        return RandomSlots.problem(new Random(scenario.participants() * 31L + scenario.groups()),
                scenario.participants(), scenario.groups(), scenario.ranks(),
                perGroup * 2 / 3, perGroup * 4 / 3, true);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String load() {
        return String.format("%.2f (1-min load average, %d cores)",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
