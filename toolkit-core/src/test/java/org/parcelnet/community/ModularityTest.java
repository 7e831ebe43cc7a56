package org.parcelnet.community;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;

class ModularityTest {

    /** Two triangles {0,1,2} and {3,4,5} joined by the edge 2–3. */
    static CompactGraph twoTriangles() {
        return CompactGraphBuilder.undirected(6).addEdge(0, 1).addEdge(1, 2).addEdge(0, 2)
                .addEdge(3, 4).addEdge(4, 5).addEdge(3, 5).addEdge(2, 3).build();
    }

    @Test
    void twoTrianglesByHand() {
        CompactGraph g = twoTriangles();
        // m = 7; each triangle: 3 internal edges (6 of 14 ends), strength sum 7:
        // Q = 2 × (6/14 − (7/14)²) = 5/14.
        assertEquals(5.0 / 14, Modularity.of(g, new int[] {0, 0, 0, 1, 1, 1}, 1.0), 1e-15);
        // One community: Q = 1 − 1 = 0.
        assertEquals(0.0, Modularity.of(g, new int[6], 1.0), 1e-15);
        // Singletons: Q = −Σ (k_i/14)² = −(4·4 + 2·9)/196 = −34/196.
        assertEquals(-34.0 / 196, Modularity.of(g, new int[] {0, 1, 2, 3, 4, 5}, 1.0), 1e-15);
        // Resolution 0.5 for the triangles: 2 × (6/14 − 0.5 × 1/4) = 12/14 − 1/4.
        assertEquals(12.0 / 14 - 0.25, Modularity.of(g, new int[] {7, 7, 7, -3, -3, -3}, 0.5), 1e-15);
    }

    @Test
    void selfLoopsCountTwiceAsInIgraph() {
        // Edge {0,1} weight 1 and a loop {0,0} weight 1: 2m = 4, k0 = 3, k1 = 1, A00 = 2.
        CompactGraph g = CompactGraphBuilder.undirected(2).addEdge(0, 1).addEdge(0, 0).build();
        // Separate: 2/4 − (3/4)² − (1/4)² = −0.125 (igraph gives −0.125 for this graph).
        assertEquals(-0.125, Modularity.of(g, new int[] {0, 1}, 1.0), 1e-15);
        assertEquals(0.0, Modularity.of(g, new int[] {0, 0}, 1.0), 1e-15);
    }

    @Test
    void weightedByHand() {
        // Path 0–1 (w 3), 1–2 (w 1), 2–3 (w 3): 2m = 14; {0,1},{2,3}: 2 × (6/14 − (7/14)²).
        CompactGraph g = CompactGraphBuilder.undirected(4).addEdge(0, 1, 3).addEdge(1, 2, 1).addEdge(2, 3, 3).build();
        assertEquals(2 * (6.0 / 14 - 0.25), Modularity.of(g, new int[] {0, 0, 1, 1}, 1.0), 1e-15);
    }

    @Test
    void directedGraphsAreReadAsUndirected() {
        CompactGraph d = CompactGraphBuilder.directed(6).addEdge(0, 1).addEdge(1, 2).addEdge(2, 0)
                .addEdge(3, 4).addEdge(4, 5).addEdge(5, 3).addEdge(2, 3).build();
        assertEquals(5.0 / 14, Modularity.of(d, new int[] {0, 0, 0, 1, 1, 1}, 1.0), 1e-15);
        // Leicht–Newman: m = 7, internal 6; out/in strengths per community: A {3 out + 1, 3 in}, B {3, 3 + 1}:
        // Q = (6 − (4·3 + 3·4)/7) / 7.
        assertEquals((6 - 24.0 / 7) / 7, Modularity.directed(d, new int[] {0, 0, 0, 1, 1, 1}, 1.0), 1e-15);
    }

    @Test
    void agreesWithTheDefinitionOnRandomGraphs() {
        for (int seed = 0; seed < 40; seed++) {
            CompactGraph g = TestGraphs.random(30, 60, seed % 2 == 0, seed % 3 == 0, seed % 5 == 0, seed);
            int[] comm = new int[30];
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
            for (int v = 0; v < 30; v++) {
                comm[v] = r.nextInt(5);
            }
            double gamma = 0.5 + (seed % 4) * 0.5;
            double expected = TestGraphs.naiveModularity(g, comm, gamma);
            assertEquals(expected, Modularity.of(g, comm, gamma), 1e-12);
            WorkGraph wg = WorkGraph.of(g);
            int[] dense = wg.fromOriginal(comm);
            int k = WorkGraph.renumber(dense);
            assertEquals(expected, wg.modularity(dense, k, gamma), 1e-12);
            // Aggregation keeps modularity.
            assertEquals(expected, wg.aggregate(dense, k).singletonModularity(gamma), 1e-12);
        }
    }

    @Test
    void conductanceByHand() {
        CompactGraph g = twoTriangles();
        Partition p = Partition.of(new int[] {0, 0, 0, 1, 1, 1});
        // Each triangle: cut 1, volume 7 of 14.
        assertArrayEquals(new double[] {1.0 / 7, 1.0 / 7}, Modularity.conductance(g, p), 1e-15);
        Partition q = Partition.of(new int[] {0, 0, 0, 0, 0, 1});
        // {5}: cut 2, vol 2 → 1; the rest: cut 2, min(12, 2) = 2 → 1.
        assertArrayEquals(new double[] {1.0, 1.0}, Modularity.conductance(g, q), 1e-15);
    }
}
