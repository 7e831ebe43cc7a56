package org.parcelnet.paths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.IdMap;
import org.parcelnet.graph.JGraphTBridge;
import org.parcelnet.progress.CancelledException;
import org.parcelnet.progress.CancellingListener;
import org.parcelnet.progress.ProgressListener;

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
                double[] bfs = Betweenness.compute(g, Betweenness.Options.builder().threads(2).build()).score();
                assertClose(jgrapht(g, null, false), bfs, tag + " unweighted");
                // weighted with integer costs (ties exact)
                double[] c = Cost.WEIGHT.arcCosts(g);
                double[] w = Betweenness.compute(g, Betweenness.Options.builder().arcCost(c).threads(3).build()).score();
                assertClose(jgrapht(g, c, false), w, tag + " weighted");
                // normalised: NetworkX divides undirected by (n-1)(n-2)/2, JGraphT by (n-1)(n-2)
                double[] norm = Betweenness.compute(g, Betweenness.Options.builder().arcCost(c).normalized(true).build()).score();
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
        double[] dij = Betweenness.compute(g, Betweenness.Options.builder().arcCost(Cost.ONE.arcCosts(g)).build()).score();
        assertClose(bfs, dij, "unit");
    }

    @Test
    void handComputedPathAndStar() {
        // undirected path 0-1-2-3: pairs through 1: (0,2),(0,3) = 2; through 2: (1,3),(0,3) = 2
        CompactGraph path = CompactGraphBuilder.undirected(4).addEdge(0, 1).addEdge(1, 2).addEdge(2, 3).build();
        assertArrayEquals(new double[] {0, 2, 2, 0}, Betweenness.exact(path), 1e-12);
        // normalised as NetworkX: 2 / ((3*2)/2) = 2/3
        assertArrayEquals(new double[] {0, 2.0 / 3, 2.0 / 3, 0},
                Betweenness.compute(path, Betweenness.Options.builder().normalized(true).build()).score(), 1e-12);
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
        Betweenness.Options o = Betweenness.Options.builder().arcCost(c).threads(2).build();
        double[] exact = Betweenness.compute(g, o).score();
        Betweenness.Result all = Betweenness.compute(g, o.toBuilder().samples(150).seed(5).build());
        assertTrue(all.exact());
        assertClose(exact, all.score(), "all pivots");
        Betweenness.Result a = Betweenness.compute(g, o.toBuilder().samples(40).seed(11).build());
        Betweenness.Result b = Betweenness.compute(g, o.toBuilder().samples(40).seed(11).build());
        Betweenness.Result other = Betweenness.compute(g, o.toBuilder().samples(40).seed(12).build());
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
    void scoresAndTieOrderAreBitIdenticalForEveryThreadCount() {
        for (long seed = 1; seed <= 3; seed++) {
            for (boolean directed : new boolean[] {false, true}) {
                CompactGraph g = RandomGraphs.random(directed, 300, 1200, 5, 20 + seed);
                double[] weight = Cost.WEIGHT.arcCosts(g);
                double[] inverse = Cost.INVERSE.arcCosts(g);
                for (double[] cost : new double[][] {null, weight, inverse}) {
                    for (int samples : new int[] {0, 77}) {
                        Betweenness.Options o = Betweenness.Options.builder().arcCost(cost).samples(samples).seed(seed).build();
                        double[] one = Betweenness.compute(g, o.toBuilder().threads(1).build()).score();
                        for (int threads = 2; threads <= 3; threads++) {
                            double[] many = Betweenness.compute(g, o.toBuilder().threads(threads).build()).score();
                            String tag = "seed=" + seed + " directed=" + directed + " samples=" + samples + " threads="
                                    + threads;
                            assertArrayEquals(one, many, tag); // exact equality, so ties sort the same
                        }
                    }
                }
            }
        }
    }

    /** The four kernels agree where their domains overlap (all-unit costs run every kernel). */
    @Test
    void kernelsAgreeWithEachOther() {
        for (long seed = 1; seed <= 4; seed++) {
            for (boolean directed : new boolean[] {false, true}) {
                CompactGraph g = RandomGraphs.random(directed, 120, 400, 1, 40 + seed);
                int[] pivots = Betweenness.pivots(g.nodeCount(), 0, seed);
                double[] ones = new double[g.arcCount()];
                java.util.Arrays.fill(ones, 1.0);
                double[] halves = new double[g.arcCount()];
                java.util.Arrays.fill(halves, 0.5);
                BrandesGraph bfsGraph = BrandesGraph.of(g, null, false);
                BrandesGraph dialGraph = BrandesGraph.of(g, scaled(ones, 3), false);
                BrandesGraph heapGraph = BrandesGraph.of(g, halves, false);
                assertEquals(directed ? BrandesGraph.Kind.BFS_DIRECTED : BrandesGraph.Kind.BFS_UNDIRECTED, bfsGraph.kind);
                assertEquals(BrandesGraph.Kind.DIAL, dialGraph.kind);
                assertEquals(BrandesGraph.Kind.HEAP, heapGraph.kind);
                double[] bfs = runKernel(BrandesKernel.of(bfsGraph, 32), pivots, g.nodeCount(), 32);
                double[] dial = runKernel(new DialDijkstra(dialGraph), pivots, g.nodeCount(), 1);
                double[] heap = runKernel(new HeapDijkstra(heapGraph), pivots, g.nodeCount(), 1);
                String tag = "seed=" + seed + " directed=" + directed;
                assertClose(bfs, dial, tag + " bfs/dial");
                assertClose(bfs, heap, tag + " bfs/heap");
                if (!directed) {
                    // the one-source directed BFS handles an undirected graph's symmetric arcs as well
                    double[] single = runKernel(new DirectedBfs(bfsGraph), pivots, g.nodeCount(), 1);
                    assertClose(bfs, single, tag + " batched/single");
                    for (int width : new int[] {1, 2, 7, 16}) {
                        assertClose(bfs, runKernel(new BatchedBfs(bfsGraph, width), pivots, g.nodeCount(), width),
                                tag + " width " + width);
                    }
                }
            }
        }
    }

    private static double[] scaled(double[] c, double f) {
        double[] r = c.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] *= f;
        }
        return r;
    }

    private static double[] runKernel(BrandesKernel kernel, int[] pivots, int n, int width) {
        double[] score = new double[n];
        for (int from = 0; from < pivots.length; from += width) {
            kernel.run(pivots, from, Math.min(pivots.length, from + width), score);
        }
        return score;
    }

    @Test
    void cancellingStopsTheRunWithoutAResult() {
        CompactGraph g = RandomGraphs.random(false, 400, 2000, 1, 9);
        for (int threads = 1; threads <= 2; threads++) {
            CancellingListener listener = CancellingListener.afterWork(100);
            Betweenness.Options o = Betweenness.Options.builder().threads(threads).build();
            assertThrows(CancelledException.class, () -> Betweenness.compute(g, o, listener));
            assertTrue(listener.balanced(), "end() called");
            assertTrue(listener.work() < 400, "stopped early: " + listener.work());
        }
    }

    @Test
    void rejectsZeroCostsAndBadOptions() {
        CompactGraph g = CompactGraphBuilder.directed(2).addEdge(0, 1, 0).build();
        assertThrows(IllegalArgumentException.class,
                () -> Betweenness.compute(g, Betweenness.Options.builder().arcCost(Cost.WEIGHT.arcCosts(g)).build()));
        assertThrows(IllegalArgumentException.class, () -> Betweenness.Options.builder().samples(-1).build());
        assertThrows(IllegalArgumentException.class, () -> Betweenness.Options.builder().threads(0).build());
    }

    /**
     * Independent textbook Brandes for the given sources: O(n²) Dijkstra by selection, explicit
     * predecessor lists and a stack; infinite-cost arcs ignored; ties within 1e-10 relative. Returns the
     * raw sums of dependencies (no halving, no scaling).
     */
    private static double[] simpleBrandes(CompactGraph g, double[] cost, int[] sources) {
        int n = g.nodeCount();
        double[] cb = new double[n];
        for (int s : sources) {
            double[] dist = new double[n];
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            double[] sigma = new double[n];
            boolean[] done = new boolean[n];
            List<List<Integer>> pred = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                pred.add(new ArrayList<>());
            }
            int[] stack = new int[n];
            int top = 0;
            dist[s] = 0;
            sigma[s] = 1;
            while (true) {
                int u = -1;
                for (int v = 0; v < n; v++) {
                    if (!done[v] && dist[v] < Double.POSITIVE_INFINITY && (u < 0 || dist[v] < dist[u])) {
                        u = v;
                    }
                }
                if (u < 0) {
                    break;
                }
                done[u] = true;
                stack[top++] = u;
                for (int a = g.outStart(u); a < g.outEnd(u); a++) {
                    double c = cost == null ? 1 : cost[a];
                    int v = g.target(a);
                    if (c == Double.POSITIVE_INFINITY || v == u) {
                        continue;
                    }
                    double d = dist[u] + c;
                    if (d < dist[v] * (1 - 1e-10)) {
                        dist[v] = d;
                        sigma[v] = sigma[u];
                        pred.get(v).clear();
                        pred.get(v).add(u);
                    } else if (Math.abs(d - dist[v]) <= 1e-10 * dist[v]) {
                        sigma[v] += sigma[u];
                        pred.get(v).add(u);
                    }
                }
            }
            double[] delta = new double[n];
            while (top > 0) {
                int w = stack[--top];
                for (int v : pred.get(w)) {
                    delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
                }
                if (w != s) {
                    cb[w] += delta[w];
                }
            }
        }
        return cb;
    }

    @Test
    void everyKernelWithAndWithoutRenumberingEqualsJGraphT() {
        for (boolean directed : new boolean[] {true, false}) {
            for (long seed = 1; seed <= 3; seed++) {
                // sparse (several components) and denser graphs
                int n = 60 + 20 * (int) seed;
                for (int m : new int[] {n, 4 * n}) {
                    CompactGraph g = RandomGraphs.random(directed, n, m, 6, seed);
                    double[] integral = Cost.WEIGHT.arcCosts(g);
                    // eighths: fractional (heap kernel) yet sums are exact, so ties agree with JGraphT's
                    double[] fractional = integral.clone();
                    for (int a = 0; a < fractional.length; a++) {
                        fractional[a] = fractional[a] / 4 + 0.125; // same for both arcs of an edge
                    }
                    for (boolean relabel : new boolean[] {false, true}) {
                        String tag = "directed=" + directed + " seed=" + seed + " m=" + m + " relabel=" + relabel;
                        Betweenness.Options o = Betweenness.Options.builder().threads(2).build();
                        assertClose(jgrapht(g, null, false), Betweenness.compute(g, o, ProgressListener.NONE, relabel).score(), tag + " bfs");
                        assertClose(jgrapht(g, integral, false),
                                Betweenness.compute(g, o.toBuilder().arcCost(integral).build(), ProgressListener.NONE, relabel).score(), tag + " dial");
                        assertClose(jgrapht(g, fractional, false),
                                Betweenness.compute(g, o.toBuilder().arcCost(fractional).build(), ProgressListener.NONE, relabel).score(), tag + " heap");
                    }
                }
            }
        }
    }

    @Test
    void sampledScoresEqualIndependentBrandesOverTheSamePivots() {
        for (boolean directed : new boolean[] {true, false}) {
            for (long seed = 5; seed <= 6; seed++) {
                int n = 300;
                CompactGraph g = RandomGraphs.random(directed, n, 1500, 9, seed);
                double[] inverse = Cost.INVERSE.arcCosts(g);
                double[] withGaps = Cost.WEIGHT.arcCosts(g);
                for (int a = 0; a < withGaps.length; a += 7) {
                    withGaps[a] = Double.POSITIVE_INFINITY; // arcs that cannot be used
                }
                int k = 75; // not a multiple of the batch width
                int[] piv = Betweenness.pivots(n, k, seed);
                for (double[] cost : new double[][] {null, withGaps, inverse}) {
                    double[] want = simpleBrandes(g, cost, piv);
                    double scale = (double) n / k * (directed ? 1 : 0.5);
                    for (int v = 0; v < n; v++) {
                        want[v] *= scale;
                    }
                    for (int threads = 1; threads <= 3; threads++) {
                        for (boolean relabel : new boolean[] {false, true}) {
                            Betweenness.Options o = Betweenness.Options.builder().arcCost(cost).samples(k).seed(seed).threads(threads).build();
                            Betweenness.Result r = Betweenness.compute(g, o, ProgressListener.NONE, relabel);
                            assertEquals(k, r.pivots());
                            String tag = "directed=" + directed + " seed=" + seed + " threads=" + threads
                                    + " relabel=" + relabel + " cost=" + (cost == null ? "none" : cost == inverse ? "inverse" : "weight");
                            assertClose(want, r.score(), tag);
                            assertArrayEquals(r.score(), Betweenness.compute(g, o, ProgressListener.NONE, relabel).score(), tag + " repeat");
                        }
                    }
                }
            }
        }
    }

    @Test
    void longPathNeedsManyLevels() {
        // undirected path of 1000 nodes: node i lies on the i·(n−1−i) pairs it separates
        int n = 1000;
        CompactGraphBuilder b = CompactGraphBuilder.undirected(n);
        for (int i = 0; i + 1 < n; i++) {
            b.addEdge(i, i + 1);
        }
        CompactGraph path = b.build();
        double[] want = new double[n];
        for (int i = 0; i < n; i++) {
            want[i] = (double) i * (n - 1 - i);
        }
        assertClose(want, Betweenness.compute(path, Betweenness.Options.builder().threads(2).build(), ProgressListener.NONE, true).score(), "path bfs");
        assertClose(want, Betweenness.compute(path, Betweenness.Options.builder().arcCost(Cost.WEIGHT.arcCosts(path)).threads(2).build(), ProgressListener.NONE, false).score(), "path unit weights");
        double[] three = new double[path.arcCount()];
        Arrays.fill(three, 3.0);
        assertClose(want, Betweenness.compute(path, Betweenness.Options.builder().arcCost(three).build()).score(), "path dial");
    }

    @Test
    void localityOrderIsAPermutationThatGroupsDenseBlocks() {
        // two 10-cliques whose ids interleave (even ids, odd ids), joined by the edge 18-19
        int n = 20;
        CompactGraphBuilder b = CompactGraphBuilder.undirected(n);
        for (int u = 0; u < n; u++) {
            for (int v = u + 2; v < n; v += 2) {
                b.addEdge(u, v);
            }
        }
        b.addEdge(18, 19);
        CompactGraph g = b.build();
        int[] off = new int[n + 1];
        int[] tgt = new int[g.arcCount()];
        for (int v = 0; v < n; v++) {
            off[v + 1] = g.outEnd(v);
            for (int a = g.outStart(v); a < g.outEnd(v); a++) {
                tgt[a] = g.target(a);
            }
        }
        int[] rank = LocalityOrder.rank(n, off, tgt, 5);
        boolean[] hit = new boolean[n];
        for (int r : rank) {
            assertTrue(r >= 0 && r < n && !hit[r]);
            hit[r] = true;
        }
        for (int v = 0; v < n; v++) {
            // each clique occupies one contiguous half
            assertEquals(rank[v] < n / 2, rank[0] < n / 2 == (v % 2 == 0), "node " + v);
        }
    }

    @Test
    void batchWidthDependsOnSizeOnly() {
        assertEquals(32, Betweenness.batchWidth(10_000));
        assertEquals(32, Betweenness.batchWidth(1_000_000)); // 1M · 320 B = 320 MB ≤ 512 MiB
        assertEquals(16, Betweenness.batchWidth(2_000_000)); // 2M · 320 B > 512 MiB ≥ 2M · 192 B
        assertEquals(1, Betweenness.batchWidth(100_000_000));
    }
}
