package org.parcelnet.graphalytics;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.Parallel;

/**
 * Graphalytics LCC: the local clustering coefficient of every vertex. With {@code N(v)} the
 * neighbours of {@code v} over in- and out-arcs (v itself excluded) and {@code d = |N(v)|},
 * {@code LCC(v)} is the number of arcs {@code u→w} with {@code u, w ∈ N(v)} divided by
 * {@code d(d−1)}, and 0 when {@code d < 2}. For an undirected graph each edge counts as two arcs, so
 * this is the usual {@code 2·triangles(v) / (d(d−1))} (D. J. Watts, S. H. Strogatz, Nature 393 (1998)
 * 440–442, doi:10.1038/30918).
 *
 * <p>Triangles of the underlying undirected graph are listed once each by the degree-ordered
 * "forward" method (T. Schank, D. Wagner, "Finding, counting and listing all triangles in large
 * graphs", WEA 2005, doi:10.1007/11427186_54): every edge is oriented from lower to higher
 * (degree, node) rank, and each vertex intersects its forward list with its forward neighbours'
 * lists by marking. A triangle {@code {a, b, c}} adds to {@code a} the number of arcs between
 * {@code b} and {@code c} (1 or 2), and likewise for {@code b} and {@code c}. Cost: O(m^1.5) worst
 * case, much less on skewed degrees; parallel over vertex blocks with one count array per thread,
 * summed in thread order (integer counts, so the result does not depend on the thread count).
 * Memory: 5 bytes per undirected edge for the oriented lists plus 8 bytes per vertex per thread.
 */
public final class Lcc {

    private static final int BLOCK = 256;

    private Lcc() {
    }

    /** The local clustering coefficient of every node. */
    public static double[] coefficients(CompactGraph g, Parallel par) {
        int n = g.nodeCount();
        // underlying simple undirected neighbourhood: degree without self loops
        int[] deg = new int[n];
        par.forRange(n, 4096, (w, from, to) -> {
            for (int v = from; v < to; v++) {
                deg[v] = mergedSize(g, v);
            }
        });
        // forward lists: neighbours of higher rank, with arc multiplicity
        int[] fOff = new int[n + 1];
        for (int v = 0; v < n; v++) {
            fOff[v + 1] = fOff[v] + forwardCount(g, v, deg);
        }
        int[] fAdj = new int[fOff[n]];
        byte[] fMult = new byte[fOff[n]];
        par.forRange(n, 4096, (w, from, to) -> {
            for (int v = from; v < to; v++) {
                fillForward(g, v, deg, fAdj, fMult, fOff[v]);
            }
        });
        int threads = par.threads();
        long[][] counts = new long[threads][n];
        int[][] marks = new int[threads][n];
        for (int[] m : marks) {
            java.util.Arrays.fill(m, -1);
        }
        byte[][] markMult = new byte[threads][n];
        par.forRange(n, BLOCK, (w, from, to) -> {
            long[] cnt = counts[w];
            int[] mark = marks[w];
            byte[] mm = markMult[w];
            for (int a = from; a < to; a++) {
                int fs = fOff[a];
                int fe = fOff[a + 1];
                if (fe - fs < 2) { // the lowest-ranked vertex of a triangle has both others forward
                    continue;
                }
                for (int i = fs; i < fe; i++) {
                    mark[fAdj[i]] = a;
                    mm[fAdj[i]] = fMult[i];
                }
                for (int i = fs; i < fe; i++) {
                    int b = fAdj[i];
                    int mab = fMult[i];
                    for (int j = fOff[b], je = fOff[b + 1]; j < je; j++) {
                        int c = fAdj[j];
                        if (mark[c] == a) {
                            int mbc = fMult[j];
                            int mac = mm[c];
                            cnt[a] += mbc;
                            cnt[b] += mac;
                            cnt[c] += mab;
                        }
                    }
                }
            }
        });
        double[] lcc = new double[n];
        par.forRange(n, 4096, (w, from, to) -> {
            for (int v = from; v < to; v++) {
                long d = deg[v];
                if (d < 2) {
                    continue;
                }
                long sum = 0;
                for (long[] c : counts) {
                    sum += c[v];
                }
                lcc[v] = (double) sum / (d * (d - 1));
            }
        });
        return lcc;
    }

    /** Whether {@code u} ranks above {@code v}: higher degree, then higher node int. */
    private static boolean above(int u, int v, int[] deg) {
        return deg[u] > deg[v] || (deg[u] == deg[v] && u > v);
    }

    /** |out(v) ∪ in(v) \ {v}| by merging the two sorted lists. */
    private static int mergedSize(CompactGraph g, int v) {
        if (!g.isDirected()) {
            int d = g.outDegree(v);
            return g.hasArc(v, v) ? d - 1 : d;
        }
        int i = g.outStart(v);
        int ie = g.outEnd(v);
        int j = g.inStart(v);
        int je = g.inEnd(v);
        int count = 0;
        while (i < ie || j < je) {
            int x = i < ie ? g.target(i) : Integer.MAX_VALUE;
            int y = j < je ? g.source(j) : Integer.MAX_VALUE;
            int z = Math.min(x, y);
            if (x == z) {
                i++;
            }
            if (y == z) {
                j++;
            }
            if (z != v) {
                count++;
            }
        }
        return count;
    }

    private static int forwardCount(CompactGraph g, int v, int[] deg) {
        int[] c = {0};
        merged(g, v, (u, mult) -> {
            if (above(u, v, deg)) {
                c[0]++;
            }
        });
        return c[0];
    }

    private static void fillForward(CompactGraph g, int v, int[] deg, int[] fAdj, byte[] fMult, int start) {
        int[] k = {start};
        merged(g, v, (u, mult) -> {
            if (above(u, v, deg)) {
                fAdj[k[0]] = u;
                fMult[k[0]++] = (byte) mult;
            }
        });
    }

    @FunctionalInterface
    private interface NeighbourSink {
        void accept(int u, int multiplicity);
    }

    /** Each neighbour u ≠ v once, with the number of arcs between v and u (undirected edges: 2). */
    private static void merged(CompactGraph g, int v, NeighbourSink sink) {
        if (!g.isDirected()) {
            for (int a = g.outStart(v), e = g.outEnd(v); a < e; a++) {
                int u = g.target(a);
                if (u != v) {
                    sink.accept(u, 2);
                }
            }
            return;
        }
        int i = g.outStart(v);
        int ie = g.outEnd(v);
        int j = g.inStart(v);
        int je = g.inEnd(v);
        while (i < ie || j < je) {
            int x = i < ie ? g.target(i) : Integer.MAX_VALUE;
            int y = j < je ? g.source(j) : Integer.MAX_VALUE;
            int z = Math.min(x, y);
            int mult = 0;
            if (x == z) {
                i++;
                mult++;
            }
            if (y == z) {
                j++;
                mult++;
            }
            if (z != v) {
                sink.accept(z, mult);
            }
        }
    }
}
