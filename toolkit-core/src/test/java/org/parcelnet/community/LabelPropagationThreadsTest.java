package org.parcelnet.community;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;

/**
 * Label propagation with workers evaluating nodes ahead of their visit gives, for every thread count,
 * the partition of a plain one-node-at-a-time implementation of the documented rule.
 */
class LabelPropagationThreadsTest {

    @Test
    void everyThreadCountGivesThePlainSequentialPartition() {
        List<CompactGraph> graphs = List.of(
                TestGraphs.planted(8_000, 40, 48_000, 0.7, 1), // unweighted: many ties in the first sweep
                TestGraphs.random(8_000, 32_000, true, true, false, 2),
                TestGraphs.random(8_000, 32_000, true, false, true, 3),
                TestGraphs.random(3_000, 90_000, true, false, false, 4)); // degrees above 48: the n-sized sums
        for (int i = 0; i < graphs.size(); i++) {
            CompactGraph g = graphs.get(i);
            for (long seed = 1; seed <= 2; seed++) {
                int[] expected = plain(g, seed, 100);
                for (int threads = 1; threads <= 3; threads++) {
                    CommunityResult r = new LabelPropagation(LabelPropagationParams.builder().seed(seed)
                            .threads(threads).build()).run(g);
                    assertArrayEquals(expected, r.partition().membership(), "graph " + i + " seed " + seed
                            + " threads " + threads);
                }
            }
        }
    }

    @Test
    void theSweepLimitHoldsForEveryThreadCount() {
        CompactGraph g = TestGraphs.planted(8_000, 40, 48_000, 0.6, 5);
        int[] expected = plain(g, 7, 2);
        for (int threads = 1; threads <= 2; threads++) {
            CommunityResult r = new LabelPropagation(LabelPropagationParams.builder().seed(7).maxIterations(2)
                    .threads(threads).build()).run(g);
            assertArrayEquals(expected, r.partition().membership());
            assertEquals(2, r.iterations());
        }
    }

    /**
     * The rule written plainly: visit active nodes in the sweep's order; sum neighbour weights per label
     * in arc order; keep the own label when its sum is within 1e-12 (relative) of the largest, else
     * pick uniformly, with the run's generator, among the labels within it in order of first occurrence.
     */
    private static int[] plain(CompactGraph graph, long seed, int maxSweeps) {
        WorkGraph g = WorkGraph.of(graph);
        int n = g.n;
        int[] label = new int[n];
        boolean[] active = new boolean[n];
        for (int v = 0; v < n; v++) {
            label[v] = v;
            active[v] = true;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int sweep = 0; sweep < maxSweeps; sweep++) {
            int[] order = WorkGraph.visitOrder(n, rnd);
            int changed = 0;
            for (int v : order) {
                if (!active[v]) {
                    continue;
                }
                active[v] = false;
                Map<Integer, Double> sums = new LinkedHashMap<>();
                for (int a = g.off[v]; a < g.off[v + 1]; a++) {
                    sums.merge(label[g.adj[a]], g.w == null ? 1.0 : g.w[a], Double::sum);
                }
                if (sums.isEmpty()) {
                    continue;
                }
                double max = sums.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                double threshold = max - 1e-12 * max;
                Double own = sums.get(label[v]);
                if (own != null && own >= threshold) {
                    continue;
                }
                List<Integer> tied = new ArrayList<>();
                sums.forEach((l, s) -> {
                    if (s >= threshold) {
                        tied.add(l);
                    }
                });
                int chosen = tied.get(tied.size() == 1 ? 0 : rnd.nextInt(tied.size()));
                label[v] = chosen;
                changed++;
                for (int a = g.off[v]; a < g.off[v + 1]; a++) {
                    active[g.adj[a]] = true;
                }
            }
            if (changed == 0) {
                break;
            }
        }
        WorkGraph.renumber(label);
        return Partition.of(g.toOriginal(label)).membership();
    }
}
