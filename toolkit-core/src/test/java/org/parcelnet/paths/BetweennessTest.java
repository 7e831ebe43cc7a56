package org.parcelnet.paths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.IdMap;
import org.parcelnet.graph.JGraphTBridge;

class BetweennessTest {

    private static IdMap<String> numbered(int n) {
        IdMap<String> ids = new IdMap<>(n);
        for (int i = 0; i < n; i++) {
            ids.intern(Integer.toString(i));
        }
        return ids;
    }

    /** JGraphT's scores with edge weights set to {@code cost} (unit costs: plain hop counts). */
    private static double[] jgrapht(CompactGraph g, double[] cost, boolean normalize) {
        IdMap<String> ids = numbered(g.nodeCount());
        Graph<String, DefaultWeightedEdge> jg = JGraphTBridge.toJGraphT(g, ids);
        for (DefaultWeightedEdge e : jg.edgeSet()) {
            int u = ids.indexOf(jg.getEdgeSource(e));
            int v = ids.indexOf(jg.getEdgeTarget(e));
            jg.setEdgeWeight(e, cost == null ? 1.0 : cost[g.arcIndex(u, v)]);
        }
        Map<String, Double> s = new BetweennessCentrality<>(jg, normalize).getScores();
        double[] out = new double[g.nodeCount()];
        for (int v = 0; v < out.length; v++) {
            out[v] = s.get(ids.id(v));
        }
        return out;
    }

    private static void assertClose(double[] want, double[] got, String what) {
        assertEquals(want.length, got.length);
        for (int v = 0; v < want.length; v++) {
            assertEquals(want[v], got[v], 1e-9 * Math.max(1, Math.abs(want[v])), what + " node " + v);
        }
    }

    @Test
    void exactEqualsJGraphTOnRandomGraphs() {
        for (boolean directed : new boolean[] {true, false}) {
            for (long seed = 1; seed <= 4; seed++) {
                int n = 40 + 10 * (int) seed;
                CompactGraph g = RandomGraphs.random(directed, n, n * 3, 5, seed);
                String tag = "directed=" + directed + " seed=" + seed;
                // unweighted (BFS)
                double[] bfs = Betweenness.compute(g, Betweenness.Options.defaults().withThreads(2)).score();
                assertClose(jgrapht(g, null, false), bfs, tag + " unweighted");
                // weighted with integer costs (ties exact)
                double[] c = Cost.WEIGHT.arcCosts(g);
                double[] w = Betweenness.compute(g, Betweenness.Options.defaults().withArcCost(c).withThreads(3)).score();
                assertClose(jgrapht(g, c, false), w, tag + " weighted");
                // normalised: NetworkX divides undirected by (n-1)(n-2)/2, JGraphT by (n-1)(n-2)
                double[] norm = Betweenness.compute(g, Betweenness.Options.defaults().withArcCost(c).withNormalized(true)).score();
                double[] ref = jgrapht(g, c, true);
                for (int v = 0; v < n; v++) {
                    ref[v] *= directed ? 1 : 2;
                }
                assertClose(ref, norm, tag + " normalized");
            }
        }
    }

    @Test
    void unitCostDijkstraEqualsBfs() {
        CompactGraph g = RandomGraphs.random(false, 120, 400, 1, 9);
        double[] bfs = Betweenness.exact(g);
        double[] dij = Betweenness.compute(g, Betweenness.Options.defaults().withArcCost(Cost.ONE.arcCosts(g))).score();
        assertClose(bfs, dij, "unit");
    }

    @Test
    void handComputedPathAndStar() {
        // undirected path 0-1-2-3: pairs through 1: (0,2),(0,3) = 2; through 2: (1,3),(0,3) = 2
        CompactGraph path = CompactGraphBuilder.undirected(4).addEdge(0, 1).addEdge(1, 2).addEdge(2, 3).build();
        assertArrayEquals(new double[] {0, 2, 2, 0}, Betweenness.exact(path), 1e-12);
        // normalised as NetworkX: 2 / ((3*2)/2) = 2/3
        assertArrayEquals(new double[] {0, 2.0 / 3, 2.0 / 3, 0},
                Betweenness.compute(path, Betweenness.Options.defaults().withNormalized(true)).score(), 1e-12);
        // directed path 0->1->2: node 1 lies on (0,2) only
        CompactGraph dpath = CompactGraphBuilder.directed(3).addEdge(0, 1).addEdge(1, 2).build();
        assertArrayEquals(new double[] {0, 1, 0}, Betweenness.exact(dpath), 1e-12);
        // 4-cycle: two shortest paths between opposite corners, each middle node gets 1/2 per pair
        CompactGraph cycle = CompactGraphBuilder.undirected(4).addEdge(0, 1).addEdge(1, 2).addEdge(2, 3).addEdge(3, 0).build();
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, Betweenness.exact(cycle), 1e-12);
    }

    @Test
    void allPivotsSampledEqualsExactAndSamplingIsSeeded() {
        CompactGraph g = RandomGraphs.random(true, 150, 600, 7, 3);
        double[] c = Cost.WEIGHT.arcCosts(g);
        Betweenness.Options o = Betweenness.Options.defaults().withArcCost(c).withThreads(2);
        double[] exact = Betweenness.compute(g, o).score();
        Betweenness.Result all = Betweenness.compute(g, o.withSamples(150).withSeed(5));
        assertTrue(all.exact());
        assertClose(exact, all.score(), "all pivots");
        Betweenness.Result a = Betweenness.compute(g, o.withSamples(40).withSeed(11));
        Betweenness.Result b = Betweenness.compute(g, o.withSamples(40).withSeed(11));
        Betweenness.Result other = Betweenness.compute(g, o.withSamples(40).withSeed(12));
        assertEquals(40, a.pivots());
        assertArrayEquals(a.score(), b.score());
        assertNotEquals(java.util.Arrays.toString(a.score()), java.util.Arrays.toString(other.score()));
        // the estimate is unbiased: its total is near the exact total
        double te = 0;
        double ta = 0;
        for (int v = 0; v < 150; v++) {
            te += exact[v];
            ta += a.score()[v];
        }
        assertEquals(te, ta, 0.25 * te);
    }

    @Test
    void threadCountDoesNotChangeExactScoresBeyondRounding() {
        CompactGraph g = RandomGraphs.random(false, 200, 900, 1, 21);
        double[] one = Betweenness.compute(g, Betweenness.Options.defaults().withThreads(1)).score();
        double[] four = Betweenness.compute(g, Betweenness.Options.defaults().withThreads(4)).score();
        assertClose(one, four, "threads");
        double[] fourAgain = Betweenness.compute(g, Betweenness.Options.defaults().withThreads(4)).score();
        assertArrayEquals(four, fourAgain);
    }

    @Test
    void rejectsZeroCostsAndBadOptions() {
        CompactGraph g = CompactGraphBuilder.directed(2).addEdge(0, 1, 0).build();
        assertThrows(IllegalArgumentException.class,
                () -> Betweenness.compute(g, Betweenness.Options.defaults().withArcCost(Cost.WEIGHT.arcCosts(g))));
        assertThrows(IllegalArgumentException.class, () -> Betweenness.Options.defaults().withSamples(-1));
        assertThrows(IllegalArgumentException.class, () -> Betweenness.Options.defaults().withThreads(0));
    }
}
