package org.parcelnet.interdiction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.progress.ProgressListener;
import org.junit.jupiter.api.Test;

class InterdictionPlanTest {

    @Test
    void topByScoreSkipsExcludedAndBreaksTiesByLowerNode() {
        double[] score = {5, 9, 9, 1, 7, 9};
        boolean[] excluded = {false, false, false, false, false, true};
        assertArrayEquals(new int[] {1, 2, 4}, InterdictionPlan.topByScore(score, 3, excluded));
        assertArrayEquals(new int[] {1, 2, 4, 0, 3}, InterdictionPlan.topByScore(score, 10, excluded));
        assertArrayEquals(new int[] {}, InterdictionPlan.topByScore(score, 0, excluded));
    }

    /** Source 0 → {1, 2} → 3 → sinks {4, 5}; 2 also → 6 → sink 7. */
    private static CompactGraph supplyChain() {
        return CompactGraphBuilder.directed(8).addEdge(0, 1).addEdge(0, 2).addEdge(1, 3).addEdge(2, 3)
                .addEdge(3, 4).addEdge(3, 5).addEdge(2, 6).addEdge(6, 7).build();
    }

    @Test
    void threeMethodsSideBySide() {
        CompactGraph g = supplyChain();
        double[] score = {0, 0, 0, 0, 0, 0, 5, 0}; // "centrality" favours 6
        InterdictionPlan.Result r = InterdictionPlan.betweenSourcesAndSinks(g, new int[] {0}, new int[] {4, 5, 7},
                score, InterdictionPlan.Options.defaults().withBudget(2), ProgressListener.NONE);
        assertEquals(3, r.initial());
        // Minimum cut: {1, 2} (2 parties), or {3, 6}, or {2, 3}: every one has size 2 and leaves 0.
        assertEquals(2, r.cut().cut().length);
        assertEquals(0, r.cutPicks().reachabilityAfter()[1]);
        // Greedy: 3 alone cuts 2 sinks (dominates 4 and 5), then 6 or 2 cuts the last one.
        assertEquals(3, r.greedy().picks()[0]);
        assertEquals(1, r.greedy().reachabilityAfter()[0]);
        assertEquals(0, r.greedy().reachabilityAfter()[1]);
        // By score: 6 first (cuts sink 7), then the lowest non-terminal node among the zero scores: 1.
        assertArrayEquals(new int[] {6, 1}, r.byScore().picks());
        assertArrayEquals(new long[] {2, 2}, r.byScore().reachabilityAfter());
    }

    @Test
    void largeCutsAreNotEvaluatedPickByPick() {
        CompactGraph g = supplyChain();
        InterdictionPlan.Result r = InterdictionPlan.betweenSourcesAndSinks(g, new int[] {0}, new int[] {4, 5, 7},
                new double[8], new InterdictionPlan.Options(1, MinVertexCut.Algorithm.DINIC, 1), ProgressListener.NONE);
        assertArrayEquals(new long[] {-1, 0}, r.cutPicks().reachabilityAfter());
        assertEquals(3, r.cutPicks().initial());
    }

    @Test
    void fragmentationHasNoCut() {
        CompactGraph path = CompactGraphBuilder.undirected(5).addEdge(0, 1).addEdge(1, 2).addEdge(2, 3).addEdge(3, 4).build();
        InterdictionPlan.Result r = InterdictionPlan.fragmentation(path, new double[] {0, 1, 0, 1, 0},
                InterdictionPlan.Options.defaults().withBudget(1), ProgressListener.NONE);
        assertNull(r.cut());
        assertNull(r.cutPicks());
        assertEquals(10, r.initial(), "5 nodes: 10 connected pairs");
        assertArrayEquals(new int[] {2}, r.greedy().picks(), "the middle leaves 1 + 1 pairs");
        assertArrayEquals(new long[] {2}, r.greedy().reachabilityAfter());
        assertArrayEquals(new int[] {1}, r.byScore().picks());
        assertArrayEquals(new long[] {3}, r.byScore().reachabilityAfter(), "removing 1 leaves {2,3,4}: 3 pairs");
        assertThrows(IllegalArgumentException.class, () -> InterdictionPlan.fragmentation(path, new double[2],
                InterdictionPlan.Options.defaults(), ProgressListener.NONE));
        assertThrows(IllegalArgumentException.class, () -> InterdictionPlan.Options.defaults().withBudget(0));
    }
}
