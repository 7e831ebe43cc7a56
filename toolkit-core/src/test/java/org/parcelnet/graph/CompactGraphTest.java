package org.parcelnet.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;

class CompactGraphTest {

    @Test
    void undirectedBuildMergesSortsAndCountsSelfLoopsTwice() {
        CompactGraph g = CompactGraphBuilder.undirected(0)
                .addEdge(2, 0, 1).addEdge(0, 2, 2).addEdge(0, 1, 1).addEdge(1, 1, 4).addEdge(3, 3, 1)
                .build();
        assertEquals(4, g.nodeCount());
        assertEquals(4, g.edgeCount(), "{0,1} {0,2} {1,1} {3,3}");
        assertEquals(6, g.arcCount(), "two arcs per edge, one per self loop");
        assertArrayEquals(new int[] {1, 2}, g.outNeighbours(0));
        assertArrayEquals(new int[] {0, 1}, g.outNeighbours(1));
        assertEquals(3.0, g.weight(g.arcIndex(0, 2)), "parallel edges summed");
        assertEquals(3.0, g.weight(g.arcIndex(2, 0)));
        assertEquals(1 + 3 + 4 + 1, g.totalWeight(), 1e-12);
        assertEquals(1 + 8, g.strength(1), 1e-12);
        assertEquals(3, g.degree(1), "one edge plus a self loop counted twice");
        double sum = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            sum += g.strength(v);
        }
        assertEquals(2 * g.totalWeight(), sum, 1e-12);
        assertTrue(g.isWeighted());
    }

    @Test
    void directedHasInAdjacencyAndUnitGraphsStoreNoWeights() {
        CompactGraph g = CompactGraphBuilder.directed(5).addEdge(0, 1).addEdge(0, 2).addEdge(3, 1).build();
        assertFalse(g.isWeighted());
        assertEquals(5, g.nodeCount());
        assertArrayEquals(new int[] {0, 3}, g.inNeighbours(1));
        assertEquals(2, g.inDegree(1));
        assertEquals(0, g.outDegree(1));
        assertEquals(4L * 6 + 4L * 3 + 4L * 6 + 4L * 3, g.memoryBytes());
        CompactGraph u = g.toUndirected();
        assertEquals(3, u.edgeCount());
        assertArrayEquals(new int[] {0, 3}, u.outNeighbours(1));
    }

    @Test
    void integerWeightsTakeFourBytesAndOtherWeightsStayExact() {
        // 3 nodes, 2 undirected edges = 4 arcs: offsets 16 B, targets 16 B, weights 4 or 8 B per arc
        CompactGraph counts = CompactGraphBuilder.undirected(3).addEdge(0, 1, 3).addEdge(1, 2, 16_777_216).build();
        assertEquals(16 + 16 + 4 * 4, counts.memoryBytes());
        assertEquals(16_777_216.0, counts.weight(counts.arcIndex(2, 1)));
        CompactGraph fractional = CompactGraphBuilder.undirected(3).addEdge(0, 1, 0.1).addEdge(1, 2, 2).build();
        assertEquals(16 + 16 + 8 * 4, fractional.memoryBytes());
        assertEquals(0.1, fractional.weight(fractional.arcIndex(1, 0)), "0.1 is not a float: kept as double");
        CompactGraph big = CompactGraphBuilder.directed(2).addEdge(0, 1, 16_777_217).build();
        assertEquals(16_777_217.0, big.weight(0), "2^24 + 1 is not a float: kept as double");
        assertEquals(16_777_217.0, big.inWeight(big.inStart(1)));
        CompactGraph dirCounts = CompactGraphBuilder.directed(2).addEdge(0, 1, 5).build();
        assertEquals(5.0, dirCounts.inWeight(dirCounts.inStart(1)));
        assertEquals(5.0, dirCounts.totalWeight());
    }

    @Test
    void invalidEdgesRejected() {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(2);
        assertThrows(IllegalArgumentException.class, () -> b.addEdge(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> b.addEdge(0, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> b.addEdge(0, 1, Double.NaN));
        b.build();
        assertThrows(IllegalStateException.class, b::build);
    }

    static CompactGraph random(long seed, boolean directed, int n, int m) {
        SplittableRandom r = new SplittableRandom(seed);
        CompactGraphBuilder b = CompactGraphBuilder.of(directed, n);
        for (int k = 0; k < m; k++) {
            b.addEdge(r.nextInt(n), r.nextInt(n), 1 + r.nextInt(5));
        }
        return b.build();
    }

    @Test
    void bridgeRoundTripAndAgreementWithJGraphT() {
        for (int seed = 0; seed < 20; seed++) {
            boolean directed = seed % 2 == 0;
            CompactGraph g = random(seed, directed, 60, 200);
            IdMap<String> ids = new IdMap<>();
            for (int v = 0; v < g.nodeCount(); v++) {
                ids.intern("n" + v);
            }
            Graph<String, DefaultWeightedEdge> j = JGraphTBridge.toJGraphT(g, ids);
            assertEquals(g.edgeCount(), j.edgeSet().size());
            double jw = 0;
            for (DefaultWeightedEdge e : j.edgeSet()) {
                jw += j.getEdgeWeight(e);
            }
            assertEquals(g.totalWeight(), jw, 1e-9);
            for (int v = 0; v < g.nodeCount(); v++) {
                String id = ids.id(v);
                if (directed) {
                    assertEquals(j.outDegreeOf(id), g.outDegree(v));
                    assertEquals(j.inDegreeOf(id), g.inDegree(v));
                } else {
                    assertEquals(j.degreeOf(id), g.degree(v), "JGraphT also counts a self loop twice");
                }
            }
            JGraphTBridge.Converted<String> back = JGraphTBridge.fromJGraphT(j);
            CompactGraph h = back.graph();
            assertEquals(g.edgeCount(), h.edgeCount());
            for (int u = 0; u < g.nodeCount(); u++) {
                int hu = back.ids().indexOf(ids.id(u));
                for (int i = g.outStart(u); i < g.outEnd(u); i++) {
                    int hv = back.ids().indexOf(ids.id(g.target(i)));
                    int arc = h.arcIndex(hu, hv);
                    assertTrue(arc >= 0);
                    assertEquals(g.weight(i), h.weight(arc));
                }
            }
        }
    }

    @Test
    void componentsAgreeWithJGraphT() {
        for (int seed = 0; seed < 10; seed++) {
            CompactGraph g = random(100 + seed, true, 200, 220);
            IdMap<String> ids = new IdMap<>();
            for (int v = 0; v < g.nodeCount(); v++) {
                ids.intern(Integer.toString(v));
            }
            Graph<String, DefaultWeightedEdge> j = JGraphTBridge.toJGraphT(g, ids);
            Components.Result weak = Components.weak(g);
            Components.Result strong = Components.strong(g);
            assertEquals(new ConnectivityInspector<>(j).connectedSets().size(), weak.count());
            var scc = new KosarajuStrongConnectivityInspector<>(j).stronglyConnectedSets();
            assertEquals(scc.size(), strong.count());
            int largest = scc.stream().mapToInt(java.util.Set::size).max().orElse(0);
            assertEquals(largest, strong.largest());
            for (var set : scc) {
                int label = -1;
                for (String v : set) {
                    int c = strong.component()[ids.indexOf(v)];
                    if (label < 0) {
                        label = c;
                    }
                    assertEquals(label, c);
                }
            }
            for (int c = 1; c < weak.count(); c++) {
                assertTrue(weak.sizes()[c - 1] >= weak.sizes()[c], "sorted by size");
            }
        }
    }
}
