package org.parcelnet.paths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.LabeledGraph;

class PageRankTest {

    private static void check(LabeledGraph g, String props, String prefix, String out) throws Exception {
        Properties p = Graphalytics.properties(props);
        double d = Double.parseDouble(p.getProperty(prefix + ".pr.damping-factor").trim());
        int it = Integer.parseInt(p.getProperty(prefix + ".pr.num-iterations").trim());
        double[] pr = PageRank.compute(g.graph(), PageRank.Options.graphalytics(d, it)).rank();
        Map<String, Double> expected = Graphalytics.output(out);
        assertEquals(expected.size(), g.graph().nodeCount(), out);
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            double want = e.getValue();
            assertEquals(want, pr[g.node(e.getKey())], 1e-4 * want, out + " vertex " + e.getKey());
        }
    }

    @Test
    void graphalyticsExampleGraphs() throws Exception {
        check(Graphalytics.vertexEdge("example/example-directed.v", "example/example-directed.e", true),
                "example-directed", "graph.example-directed", "example/example-directed-PR");
        check(Graphalytics.vertexEdge("example/example-undirected.v", "example/example-undirected.e", false),
                "example-undirected", "graph.example-undirected", "example/example-undirected-PR");
    }

    @Test
    void graphalyticsPrTestGraphs() throws Exception {
        Map<String, Double> dirOut = Graphalytics.output("pr/dir-output");
        check(Graphalytics.adjacency("pr/dir-input", true, dirOut.keySet()),
                "test-pr-directed", "graph.test-pr-directed", "pr/dir-output");
        Map<String, Double> undirOut = Graphalytics.output("pr/undir-output");
        check(Graphalytics.adjacency("pr/undir-input", false, undirOut.keySet()),
                "test-pr-undirected", "graph.test-pr-undirected", "pr/undir-output");
    }

    @Test
    void handComputedAndConverges() {
        // 0 -> 1, 1 dangling: iteration 1 gives 0: 0.15/2 + 0.85*0.5/2, 1: that + 0.85*0.5
        CompactGraph g = CompactGraphBuilder.directed(2).addEdge(0, 1).build();
        double[] r = PageRank.compute(g, PageRank.Options.graphalytics(0.85, 1)).rank();
        double a = 0.15 / 2 + 0.85 * 0.5 / 2;
        assertArrayEquals(new double[] {a, a + 0.85 * 0.5}, r, 1e-15);
        // symmetric cycle: uniform, converged at once
        CompactGraph c = CompactGraphBuilder.directed(3).addEdge(0, 1).addEdge(1, 2).addEdge(2, 0).build();
        PageRank.Result res = PageRank.compute(c, PageRank.Options.DEFAULTS);
        assertEquals(1, res.iterations());
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, res.rank(), 1e-15);
        // ranks sum to 1 on a random graph with dangling nodes
        CompactGraph rg = RandomGraphs.random(true, 300, 500, 1, 4);
        double sum = 0;
        for (double x : PageRank.compute(rg, PageRank.Options.DEFAULTS).rank()) {
            sum += x;
        }
        assertEquals(1.0, sum, 1e-9);
        assertThrows(IllegalArgumentException.class, () -> PageRank.Options.builder().damping(1.5).build());
    }

    @Test
    void weightedSplitsByVolume() {
        // 0 -> 1 (weight 3), 0 -> 2 (weight 1), 1 and 2 point back to 0
        CompactGraph g = CompactGraphBuilder.directed(3).addEdge(0, 1, 3).addEdge(0, 2, 1).addEdge(1, 0).addEdge(2, 0).build();
        double[] w = PageRank.compute(g, PageRank.Options.builder().maxIterations(200).tolerance(1e-14).weighted(true).build()).rank();
        double[] u = PageRank.compute(g, PageRank.Options.builder().maxIterations(200).tolerance(1e-14).build()).rank();
        assertEquals(3 * (w[2] - 0.05) , w[1] - 0.05, 1e-9); // (1-d)/n = 0.05 base, inflow 3:1
        assertEquals(u[1], u[2], 1e-12);
    }
}
