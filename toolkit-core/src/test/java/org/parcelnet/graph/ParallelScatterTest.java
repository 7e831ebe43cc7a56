package org.parcelnet.graph;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The parallel CSR build gives the same graph as adding the edges one by one, for every thread count:
 * seeded random weighted graphs with many parallel edges (summed in edge order, so even the rounding of
 * the sums must agree), self loops and isolated nodes, directed and undirected.
 */
class ParallelScatterTest {

    @Test
    void sameGraphAsSequentialBuild() {
        for (long seed = 1; seed <= 6; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int n = 50 + r.nextInt(3000);
            int m = CompactGraphBuilder.PARALLEL_MIN_EDGES + r.nextInt(40_000);
            for (boolean directed : new boolean[] {false, true}) {
                int[] t = new int[m];
                int[] h = new int[m];
                double[] w = new double[m];
                CompactGraphBuilder one = CompactGraphBuilder.of(directed, n + 5);
                for (int e = 0; e < m; e++) {
                    t[e] = r.nextInt(n);
                    h[e] = r.nextInt(10) == 0 ? t[e] : r.nextInt(n);
                    w[e] = r.nextInt(3) == 0 ? 0.1 * (1 + r.nextInt(7)) : 1 + r.nextInt(5);
                    one.addEdge(t[e], h[e], w[e]);
                }
                CompactGraph want = one.build();
                for (int threads = 2; threads <= 3; threads++) {
                    CompactGraph got = CompactGraphBuilder.fromEdges(directed, n + 5, t.clone(), h.clone(), w.clone(), m,
                            threads);
                    GraphSnapshotTest.assertSameGraph(want, got, "seed " + seed + " directed " + directed + " threads " + threads);
                }
            }
        }
    }
}
