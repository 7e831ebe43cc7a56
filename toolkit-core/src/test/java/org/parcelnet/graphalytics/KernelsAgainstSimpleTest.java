package org.parcelnet.graphalytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.Parallel;

/**
 * The parallel kernels against direct, sequential implementations of the specification's
 * definitions on seeded random graphs with skewed degrees, large enough for the bottom-up BFS phase
 * and for several blocks per thread.
 */
class KernelsAgainstSimpleTest {

    /** Skewed random graph: endpoints drawn with probability falling with the node int, some isolated nodes. */
    static CompactGraph skewed(boolean directed, int n, int m, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        CompactGraphBuilder b = CompactGraphBuilder.of(directed, n);
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < m; i++) {
            int u = (int) (n * Math.pow(r.nextDouble(), 3));
            int v = (int) (n * 0.9 * r.nextDouble());
            if (u == v) {
                continue;
            }
            long key = directed ? (long) u * n + v : (long) Math.min(u, v) * n + Math.max(u, v);
            if (seen.add(key)) {
                b.addEdge(u, v, 0.5 + r.nextInt(20));
            }
        }
        return b.build();
    }

    private static int[][] undirectedNeighbours(CompactGraph g) {
        int n = g.nodeCount();
        java.util.List<java.util.TreeSet<Integer>> s = new java.util.ArrayList<>();
        for (int v = 0; v < n; v++) {
            s.add(new java.util.TreeSet<>());
        }
        for (int v = 0; v < n; v++) {
            for (int a = g.outStart(v); a < g.outEnd(v); a++) {
                int u = g.target(a);
                if (u != v) {
                    s.get(v).add(u);
                    s.get(u).add(v);
                }
            }
        }
        int[][] out = new int[n][];
        for (int v = 0; v < n; v++) {
            out[v] = s.get(v).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    @Test
    void allKernelsMatchSimpleDefinitions() {
        for (boolean directed : new boolean[] {false, true}) {
            CompactGraph g = skewed(directed, 20_000, 120_000, directed ? 7 : 8);
            int n = g.nodeCount();
            int[][] und = undirectedNeighbours(g);
            for (int threads : new int[] {1, 2, 4}) {
                try (Parallel par = new Parallel(threads)) {
                    // BFS along out-arcs
                    long[] bfs = Bfs.depths(g, 0, par);
                    long[] want = new long[n];
                    Arrays.fill(want, Bfs.UNREACHABLE);
                    ArrayDeque<Integer> q = new ArrayDeque<>();
                    want[0] = 0;
                    q.add(0);
                    while (!q.isEmpty()) {
                        int u = q.poll();
                        for (int a = g.outStart(u); a < g.outEnd(u); a++) {
                            int v = g.target(a);
                            if (want[v] == Bfs.UNREACHABLE) {
                                want[v] = want[u] + 1;
                                q.add(v);
                            }
                        }
                    }
                    assertArrayEquals(want, bfs, "bfs directed=" + directed + " threads=" + threads);

                    // WCC: smallest node of each component of the undirected view
                    int[] wcc = Wcc.components(g, par);
                    int[] comp = new int[n];
                    Arrays.fill(comp, -1);
                    for (int s = 0; s < n; s++) {
                        if (comp[s] >= 0) {
                            continue;
                        }
                        comp[s] = s;
                        q.add(s);
                        while (!q.isEmpty()) {
                            int u = q.poll();
                            for (int v : und[u]) {
                                if (comp[v] < 0) {
                                    comp[v] = s;
                                    q.add(v);
                                }
                            }
                        }
                    }
                    assertArrayEquals(comp, wcc, "wcc");

                    // CDLP, 3 iterations: label counts over out- and in-arcs
                    int[] cdlp = Cdlp.labels(g, 3, par);
                    int[] lab = new int[n];
                    Arrays.setAll(lab, i -> i);
                    for (int it = 0; it < 3; it++) {
                        int[] next = new int[n];
                        for (int v = 0; v < n; v++) {
                            TreeMap<Integer, Integer> count = new TreeMap<>();
                            for (int a = g.outStart(v); a < g.outEnd(v); a++) {
                                count.merge(lab[g.target(a)], 1, Integer::sum);
                            }
                            if (directed) {
                                for (int a = g.inStart(v); a < g.inEnd(v); a++) {
                                    count.merge(lab[g.source(a)], 1, Integer::sum);
                                }
                            }
                            int best = lab[v];
                            int bestCount = 0;
                            for (var e : count.entrySet()) { // ascending labels: first maximum is the smallest
                                if (e.getValue() > bestCount) {
                                    bestCount = e.getValue();
                                    best = e.getKey();
                                }
                            }
                            next[v] = best;
                        }
                        lab = next;
                    }
                    assertArrayEquals(lab, cdlp, "cdlp");

                    // LCC: arcs among the in ∪ out neighbourhood over d(d-1)
                    double[] lcc = Lcc.coefficients(g, par);
                    for (int v = 0; v < n; v += 7) {
                        int[] nb = und[v];
                        long arcs = 0;
                        for (int u : nb) {
                            for (int w : nb) {
                                if (u != w && g.hasArc(u, w)) {
                                    arcs++;
                                }
                            }
                        }
                        double d = nb.length;
                        double e = nb.length < 2 ? 0 : arcs / (d * (d - 1));
                        assertEquals(e, lcc[v], 1e-12, "lcc " + v);
                    }
                }
            }
        }
    }
}
