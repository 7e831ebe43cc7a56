package org.parcelnet.paths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;

import org.jgrapht.Graph;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.IdMap;
import org.parcelnet.graph.JGraphTBridge;
import org.parcelnet.graph.LabeledGraph;

class DijkstraTest {

    private static IdMap<String> numbered(int n) {
        IdMap<String> ids = new IdMap<>(n);
        for (int i = 0; i < n; i++) {
            ids.intern(Integer.toString(i));
        }
        return ids;
    }

    @Test
    void distancesEqualJGraphTOnRandomGraphs() {
        for (boolean directed : new boolean[] {true, false}) {
            for (long seed = 1; seed <= 6; seed++) {
                int n = 60 + (int) seed * 7;
                CompactGraph g = RandomGraphs.random(directed, n, n * 3, 20, seed);
                // real-valued costs too: INVERSE of the integer weights
                for (Cost cost : new Cost[] {Cost.WEIGHT, Cost.INVERSE, Cost.ONE}) {
                    double[] c = cost.arcCosts(g);
                    Dijkstra d = new Dijkstra(g, c);
                    IdMap<String> ids = numbered(n);
                    Graph<String, DefaultWeightedEdge> jg = JGraphTBridge.toJGraphT(g, ids);
                    for (DefaultWeightedEdge e : jg.edgeSet()) {
                        int u = ids.indexOf(jg.getEdgeSource(e));
                        int v = ids.indexOf(jg.getEdgeTarget(e));
                        jg.setEdgeWeight(e, c[g.arcIndex(u, v)]);
                    }
                    DijkstraShortestPath<String, DefaultWeightedEdge> ref = new DijkstraShortestPath<>(jg);
                    for (int s = 0; s < n; s += 9) {
                        double[] dist = d.distances(s);
                        var paths = ref.getPaths(ids.id(s));
                        for (int v = 0; v < n; v++) {
                            double expected = paths.getWeight(ids.id(v));
                            assertEquals(expected, dist[v], 1e-9 * Math.max(1, expected),
                                    "directed=" + directed + " seed=" + seed + " cost=" + cost + " " + s + "->" + v);
                        }
                    }
                }
            }
        }
    }

    @Test
    void pathCostMatchesDistanceAndFollowsArcs() {
        CompactGraph g = RandomGraphs.random(true, 200, 800, 9, 42);
        double[] c = Cost.WEIGHT.arcCosts(g);
        Dijkstra d = new Dijkstra(g, c);
        double[] all = d.distances(3);
        for (int t = 0; t < 200; t += 11) {
            Dijkstra.Path p = d.path(3, t);
            assertEquals(all[t], p.cost(), 1e-12);
            if (p.exists()) {
                double sum = 0;
                for (int i = 0; i + 1 < p.nodes().length; i++) {
                    int a = g.arcIndex(p.nodes()[i], p.nodes()[i + 1]);
                    assertTrue(a >= 0, "path uses a missing arc");
                    sum += c[a];
                }
                assertEquals(p.cost(), sum, 1e-9);
                assertEquals(3, p.nodes()[0]);
                assertEquals(t, p.nodes()[p.nodes().length - 1]);
            } else {
                assertEquals(Double.POSITIVE_INFINITY, p.cost());
            }
        }
    }

    @Test
    void unreachableIsInfinityAndMultiSourceTakesNearest() {
        // 0 -> 1 -> 2, 3 -> 2 (cost 5), 4 isolated
        CompactGraph g = CompactGraphBuilder.directed(5).addEdge(0, 1, 1).addEdge(1, 2, 1).addEdge(3, 2, 5).build();
        Dijkstra d = Dijkstra.of(g, Cost.WEIGHT);
        assertArrayEquals(new double[] {0, 1, 2, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, d.distances(0));
        assertArrayEquals(new double[] {0, 1, 2, 0, Double.POSITIVE_INFINITY}, d.distances(new int[] {0, 3}));
        Dijkstra.Tree t = d.tree(new int[] {3, 1});
        assertArrayEquals(new int[] {1, 2}, t.pathTo(2));
        assertFalse(d.path(2, 0).exists());
        assertEquals(0, d.path(4, 4).hops());
    }

    @Test
    void inverseCostPrefersHeavyVolume() {
        // 0 -> 2 direct with 1 shipment; 0 -> 1 -> 2 with 10 shipments each
        CompactGraph g = CompactGraphBuilder.directed(3).addEdge(0, 2, 1).addEdge(0, 1, 10).addEdge(1, 2, 10).build();
        assertArrayEquals(new int[] {0, 2}, Dijkstra.of(g, Cost.ONE).path(0, 2).nodes());
        assertArrayEquals(new int[] {0, 1, 2}, Dijkstra.of(g, Cost.INVERSE).path(0, 2).nodes());
        assertEquals(0.2, Dijkstra.of(g, Cost.INVERSE).path(0, 2).cost(), 1e-12);
        assertArrayEquals(new int[] {0, 2}, Dijkstra.of(g, Cost.WEIGHT).path(0, 2).nodes());
    }

    @Test
    void rejectsBadCosts() {
        CompactGraph g = CompactGraphBuilder.directed(2).addEdge(0, 1).build();
        assertThrows(IllegalArgumentException.class, () -> new Dijkstra(g, new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> new Dijkstra(g, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Cost.KM.arcCosts(g));
        assertThrows(IllegalArgumentException.class, () -> Cost.parse("miles"));
        assertThrows(IllegalArgumentException.class, () -> Dijkstra.of(g, Cost.ONE).distances(5));
    }

    @Test
    void graphalyticsSssp() throws Exception {
        check("example/example-directed.v", "example/example-directed.e", "example/example-directed-SSSP", true,
                "example-directed", "graph.example-directed.sssp.source-vertex");
        check("example/example-undirected.v", "example/example-undirected.e", "example/example-undirected-SSSP", false,
                "example-undirected", "graph.example-undirected.sssp.source-vertex");
        check("sssp/dir-input.v", "sssp/dir-input.e", "sssp/dir-output", true,
                "test-sssp-directed", "graph.test-sssp-directed.sssp.source-vertex");
        check("sssp/undir-input.v", "sssp/undir-input.e", "sssp/undir-output", false,
                "test-sssp-undirected", "graph.test-sssp-undirected.sssp.source-vertex");
    }

    private static void check(String v, String e, String out, boolean directed, String props, String key) throws Exception {
        Properties p = Graphalytics.properties(props);
        String source = p.getProperty(key).trim();
        LabeledGraph g = Graphalytics.vertexEdge(v, e, directed);
        double[] dist = Dijkstra.of(g.graph(), Cost.WEIGHT).distances(g.node(source));
        Map<String, Double> expected = Graphalytics.output(out);
        assertEquals(expected.size(), g.graph().nodeCount(), out);
        for (Map.Entry<String, Double> x : expected.entrySet()) {
            double want = x.getValue();
            double got = dist[g.node(x.getKey())];
            if (Double.isInfinite(want)) {
                assertEquals(want, got, out + " " + x.getKey());
            } else {
                assertEquals(want, got, 1e-4 * Math.max(1e-12, Math.abs(want)) + 1e-12, out + " " + x.getKey());
            }
        }
    }
}
