package org.parcelnet.interdiction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.progress.ProgressListener;

class InterdictionTest {

    /** Independent check: is any sink reachable from any source avoiding removed nodes (simple BFS)? */
    private static int sinksReached(CompactGraph g, int[] sources, int[] sinks, boolean[] removed) {
        boolean[] seen = new boolean[g.nodeCount()];
        ArrayDeque<Integer> q = new ArrayDeque<>();
        for (int s : sources) {
            seen[s] = true;
            q.add(s);
        }
        while (!q.isEmpty()) {
            int u = q.poll();
            for (int v : g.outNeighbours(u)) {
                if (!seen[v] && !removed[v]) {
                    seen[v] = true;
                    q.add(v);
                }
            }
        }
        int c = 0;
        for (int t : sinks) {
            c += seen[t] ? 1 : 0;
        }
        return c;
    }

    private static long pairsBrute(CompactGraph g, boolean[] removed) {
        CompactGraph u = g.toUndirected();
        boolean[] seen = new boolean[u.nodeCount()];
        long total = 0;
        for (int r = 0; r < u.nodeCount(); r++) {
            if (seen[r] || removed[r]) {
                continue;
            }
            long size = 0;
            ArrayDeque<Integer> q = new ArrayDeque<>();
            q.add(r);
            seen[r] = true;
            while (!q.isEmpty()) {
                int x = q.poll();
                size++;
                for (int y : u.outNeighbours(x)) {
                    if (!seen[y] && !removed[y]) {
                        seen[y] = true;
                        q.add(y);
                    }
                }
            }
            total += size * (size - 1) / 2;
        }
        return total;
    }

    @Test
    void knownCutWithAndWithoutCosts() {
        // 0 = source; 1, 2 single relays; 3 -> 4 a two-relay route; 5 = sink
        CompactGraph g = CompactGraphBuilder.directed(6)
                .addEdge(0, 1).addEdge(1, 5).addEdge(0, 2).addEdge(2, 5).addEdge(0, 3).addEdge(3, 4).addEdge(4, 5).build();
        MinVertexCut.Result r = MinVertexCut.compute(g, new int[] {0}, new int[] {5});
        assertTrue(r.separable());
        assertEquals(3.0, r.cost());
        assertEquals(3, r.cut().length);
        assertEquals(6, r.relevant());
        double[] cost = {1, 1, 1, 5, 1, 1};
        MinVertexCut.Result c = MinVertexCut.compute(g, new int[] {0}, new int[] {5}, cost);
        assertArrayEquals(new int[] {1, 2, 4}, c.cut());
        assertEquals(3.0, c.cost());
        // a source with an arc straight into a sink cannot be separated
        CompactGraph direct = CompactGraphBuilder.directed(3).addEdge(0, 2).addEdge(0, 1).addEdge(1, 2).build();
        assertFalse(MinVertexCut.compute(direct, new int[] {0}, new int[] {2}).separable());
        // nothing to cut when no sink is reachable
        MinVertexCut.Result none = MinVertexCut.compute(g, new int[] {5}, new int[] {0});
        assertTrue(none.separable());
        assertEquals(0, none.cut().length);
    }

    @Test
    void cutIsMinimumAndSeparatesOnRandomGraphs() {
        for (long seed = 1; seed <= 25; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = 11;
            CompactGraphBuilder b = CompactGraphBuilder.directed(n);
            for (int e = 0; e < 30; e++) {
                int u = rnd.nextInt(n);
                int v = rnd.nextInt(n);
                if (u != v && !((u <= 1 && v >= 9))) { // no source→sink arc
                    b.addEdge(u, v);
                }
            }
            CompactGraph g = b.build();
            int[] sources = {0, 1};
            int[] sinks = {9, 10};
            MinVertexCut.Result r = MinVertexCut.compute(g, sources, sinks);
            assertTrue(r.separable());
            boolean[] removed = new boolean[n];
            for (int v : r.cut()) {
                assertTrue(v >= 2 && v <= 8, "terminals are not removable");
                removed[v] = true;
            }
            assertEquals(0, sinksReached(g, sources, sinks, removed), "seed " + seed);
            assertEquals(r.cut().length, (int) r.cost());
            // brute force: no smaller separating set among the 7 removable nodes
            int best = Integer.MAX_VALUE;
            for (int mask = 0; mask < (1 << 7); mask++) {
                boolean[] rm = new boolean[n];
                for (int i = 0; i < 7; i++) {
                    rm[i + 2] = (mask >> i & 1) == 1;
                }
                if (sinksReached(g, sources, sinks, rm) == 0) {
                    best = Math.min(best, Integer.bitCount(mask));
                }
            }
            assertEquals(best, r.cut().length, "seed " + seed);
            MinVertexCut.Result d = MinVertexCut.compute(g, sources, sinks, null, MinVertexCut.Algorithm.DINIC);
            assertEquals(best, d.cut().length, "dinic seed " + seed);
            boolean[] rmD = new boolean[n];
            for (int v : d.cut()) {
                rmD[v] = true;
            }
            assertEquals(0, sinksReached(g, sources, sinks, rmD), "dinic seed " + seed);
        }
    }

    @Test
    void keyPlayersHandCheckedBetweenSourcesAndSinks() {
        // s=0 -> a=1 -> t1..t3 (5,6,7); s -> b=2 -> t4=8; s -> c=3 -> t4
        CompactGraph g = CompactGraphBuilder.directed(9)
                .addEdge(0, 1).addEdge(1, 5).addEdge(1, 6).addEdge(1, 7)
                .addEdge(0, 2).addEdge(2, 8).addEdge(0, 3).addEdge(3, 8).build();
        int[] sinks = {5, 6, 7, 8};
        KeyPlayers.Result r = KeyPlayers.betweenSourcesAndSinks(g, new int[] {0}, sinks, 8, ProgressListener.NONE);
        assertEquals(4, r.initial());
        assertArrayEquals(new int[] {1, 2, 3}, r.picks());
        assertArrayEquals(new long[] {1, 1, 0}, r.reachabilityAfter());
        // ranking evaluation on the same scale
        KeyPlayers.Result e = KeyPlayers.evaluate(g, new int[] {0}, sinks, new int[] {2, 3, 1});
        assertArrayEquals(new long[] {4, 3, 0}, e.reachabilityAfter());
    }

    @Test
    void greedyFirstPickIsExactOnRandomGraphs() {
        for (long seed = 1; seed <= 10; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = 40;
            CompactGraphBuilder b = CompactGraphBuilder.directed(n);
            for (int e = 0; e < 70; e++) {
                b.addEdge(rnd.nextInt(n), rnd.nextInt(n));
            }
            CompactGraph g = b.build();
            int[] sources = {0, 1, 2};
            int[] sinks = {37, 38, 39};
            KeyPlayers.Result r = KeyPlayers.betweenSourcesAndSinks(g, sources, sinks, 1, ProgressListener.NONE);
            if (r.picks().length == 1) {
                int best = Integer.MAX_VALUE;
                for (int v = 3; v < 37; v++) {
                    boolean[] rm = new boolean[n];
                    rm[v] = true;
                    best = Math.min(best, sinksReached(g, sources, sinks, rm));
                }
                assertEquals(best, r.reachabilityAfter()[0], "seed " + seed);
            }
            KeyPlayers.Result f = KeyPlayers.fragmentation(g, 3, ProgressListener.NONE);
            boolean[] none = new boolean[n];
            assertEquals(pairsBrute(g, none), f.initial());
            long best = Long.MAX_VALUE;
            for (int v = 0; v < n; v++) {
                boolean[] rm = new boolean[n];
                rm[v] = true;
                best = Math.min(best, pairsBrute(g, rm));
            }
            assertEquals(best, f.reachabilityAfter()[0], "seed " + seed);
            boolean[] rm = new boolean[n];
            for (int i = 0; i < f.picks().length; i++) {
                rm[f.picks()[i]] = true;
                assertEquals(pairsBrute(g, rm), f.reachabilityAfter()[i]);
            }
        }
    }

    @Test
    void fragmentationHandChecked() {
        // star 0-{1,2,3,4} and path 5-6-7: 10 + 3 pairs
        CompactGraph g = CompactGraphBuilder.undirected(8)
                .addEdge(0, 1).addEdge(0, 2).addEdge(0, 3).addEdge(0, 4).addEdge(5, 6).addEdge(6, 7).build();
        KeyPlayers.Result r = KeyPlayers.fragmentation(g, 8, ProgressListener.NONE);
        assertEquals(13, r.initial());
        assertArrayEquals(new int[] {0, 6}, r.picks());
        assertArrayEquals(new long[] {3, 0}, r.reachabilityAfter());
    }
}
