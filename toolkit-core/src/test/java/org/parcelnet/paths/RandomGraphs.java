package org.parcelnet.paths;

import java.util.SplittableRandom;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;

/** Seeded random graphs for tests. */
final class RandomGraphs {

    private RandomGraphs() {
    }

    /**
     * G(n, m)-style multigraph (parallel edges merge): {@code m} edges with integer weights in
     * {@code 1..maxWeight} (1 when maxWeight is 1), no self loops.
     */
    static CompactGraph random(boolean directed, int n, int m, int maxWeight, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        CompactGraphBuilder b = CompactGraphBuilder.of(directed, n);
        for (int e = 0; e < m; e++) {
            int u = r.nextInt(n);
            int v = r.nextInt(n);
            if (u == v) {
                continue;
            }
            b.addEdge(u, v, maxWeight == 1 ? 1.0 : 1 + r.nextInt(maxWeight));
        }
        return b.build();
    }
}
