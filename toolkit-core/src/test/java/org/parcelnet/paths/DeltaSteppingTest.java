package org.parcelnet.paths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.progress.WorkerPool;

/** Δ-stepping against the heap Dijkstra, bit for bit, on seeded random graphs. */
class DeltaSteppingTest {

    /** Random graph with real-valued weights in [0, maxWeight) (some exactly 0), several components. */
    private static CompactGraph realWeights(boolean directed, int n, int m, double maxWeight, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        CompactGraphBuilder b = CompactGraphBuilder.of(directed, n);
        for (int e = 0; e < m; e++) {
            int u = r.nextInt(n);
            int v = r.nextInt(n);
            if (u == v || (u % 97 == 0) != (v % 97 == 0)) {
                continue; // nodes 0, 97, 194, … form a part of their own
            }
            b.addEdge(u, v, r.nextInt(50) == 0 ? 0.0 : maxWeight * r.nextDouble());
        }
        return b.build();
    }

    private static double[] dijkstra(CompactGraph g, int source) {
        double[] c = new double[g.arcCount()];
        for (int a = 0; a < c.length; a++) {
            c[a] = g.weight(a);
        }
        return new Dijkstra(g, c).distances(source);
    }

    @Test
    void sameDistancesAsDijkstraForEveryDeltaAndThreadCount() {
        long seed = 11;
        for (boolean directed : new boolean[] {false, true}) {
            for (int[] nm : new int[][] {{50, 120}, {2_000, 9_000}, {20_000, 60_000}}) {
                CompactGraph real = realWeights(directed, nm[0], nm[1], 1.0, seed++);
                CompactGraph ints = RandomGraphs.random(directed, nm[0], nm[1], 9, seed++);
                for (CompactGraph g : new CompactGraph[] {real, ints}) {
                    for (int source : new int[] {1, nm[0] / 2 + 1, 0}) {
                        double[] expected = dijkstra(g, source);
                        for (int threads = 1; threads <= 4; threads++) {
                            try (WorkerPool par = WorkerPool.of(threads, "test")) {
                                double chosen = DeltaStepping.delta(g, par);
                                for (double delta : new double[] {chosen / 16, chosen, 0.37, 1e6}) {
                                    assertArrayEquals(expected, DeltaStepping.distances(g, source, delta, par, 1),
                                            "directed " + directed + " n " + nm[0] + " delta " + delta + " threads " + threads);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void largeGraphTakesTheParallelPathWithTheSameResult() {
        CompactGraph g = realWeights(false, 100_000, 400_000, 1.0, 5);
        assertTrue(g.arcCount() >= DeltaStepping.PARALLEL_FROM_ARCS);
        double[] expected = dijkstra(g, 3);
        for (int threads = 1; threads <= 3; threads++) {
            try (WorkerPool par = WorkerPool.of(threads, "test")) {
                assertArrayEquals(expected, DeltaStepping.distances(g, 3, par));
            }
        }
    }

    @Test
    void deltaFollowsMeanWeightOverMeanDegree() {
        // a 4-cycle with weights 2: mean weight 2, mean out-degree 2
        CompactGraphBuilder b = CompactGraphBuilder.of(false, 5);
        b.addEdge(0, 1, 2).addEdge(1, 2, 2).addEdge(2, 3, 2).addEdge(3, 0, 2);
        try (WorkerPool par = WorkerPool.of(1, "test")) {
            assertEquals(DeltaStepping.DELTA_FACTOR * 2 / 2, DeltaStepping.delta(b.build(), par), 1e-12);
        }
    }

    @Test
    void rejectsBadDeltaAndSource() {
        try (WorkerPool par = WorkerPool.of(2, "test")) {
            CompactGraph ok = RandomGraphs.random(true, 10, 30, 3, 1);
            assertThrows(IllegalArgumentException.class, () -> DeltaStepping.distances(ok, 0, 0.0, par));
            assertThrows(IllegalArgumentException.class, () -> DeltaStepping.distances(ok, 10, 1.0, par));
        }
    }
}
