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
 * (degree, node) rank, and each vertex intersects the rest of its sorted forward list with each
 * forward neighbour's list, by marking or, when the neighbour's list is much longer, by binary
 * search. A triangle {@code {a, b, c}} adds to {@code a} the number of arcs between
 * {@code b} and {@code c} (1 or 2), and likewise for {@code b} and {@code c}. Cost: O(m^1.5) worst
 * case, much less on skewed degrees; parallel over vertex blocks with one count array per thread,
 * summed in thread order (integer counts, so the result does not depend on the thread count).
 * Vertices are renumbered by rank (a counting sort) so that the lists of the high-degree vertices
 * every search reads lie together. Memory: 4 bytes per undirected edge for the oriented lists, 8 per
 * vertex for degree and rank, plus 13 bytes per vertex per thread.
 */
public final class Lcc {

    private static final int BLOCK = 256;

    private Lcc() {
    }

    /** The local clustering coefficient of every node. */
    public static double[] coefficients(CompactGraph g, Parallel par) {
        int n = g.nodeCount();
        // degree of the underlying simple undirected graph
        int[] deg = new int[n];
        par.forRange(n, 4096, (w, from, to) -> {
            for (int v = from; v < to; v++) {
                deg[v] = mergedSize(g, v);
            }
        });
        // rank by (degree, node), by a counting sort; work happens in rank space, where the
        // high-degree vertices every search touches sit together
        int maxDeg = 0;
        for (int d : deg) {
            maxDeg = Math.max(maxDeg, d);
        }
        int[] start = new int[maxDeg + 2];
        for (int d : deg) {
            start[d + 1]++;
        }
        for (int d = 0; d <= maxDeg; d++) {
            start[d + 1] += start[d];
        }
        int[] rank = new int[n];
        for (int v = 0; v < n; v++) {
            rank[v] = start[deg[v]]++;
        }
        // forward lists in rank space: ranks of higher-ranked neighbours, packed with the arc
        // multiplicity as rank << 2 | mult, sorted
        int[] fOff = new int[n + 1];
        int[] fCount = new int[n];
        par.forRange(n, 4096, (w, from, to) -> {
            for (int v = from; v < to; v++) {
                int rv = rank[v];
                int[] c = {0};
                merged(g, v, (u, mult) -> {
                    if (rank[u] > rv) {
                        c[0]++;
                    }
                });
                fCount[rv] = c[0];
            }
        });
        for (int r = 0; r < n; r++) {
            fOff[r + 1] = fOff[r] + fCount[r];
        }
        int[] fwd = new int[fOff[n]];
        par.forRange(n, 4096, (w, from, to) -> {
            for (int v = from; v < to; v++) {
                int rv = rank[v];
                int[] k = {fOff[rv]};
                merged(g, v, (u, mult) -> {
                    int ru = rank[u];
                    if (ru > rv) {
                        fwd[k[0]++] = ru << 2 | mult;
                    }
                });
                java.util.Arrays.sort(fwd, fOff[rv], fOff[rv + 1]);
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
                    int c = fwd[i] >>> 2;
                    mark[c] = a;
                    mm[c] = (byte) (fwd[i] & 3);
                }
                for (int i = fs; i < fe; i++) {
                    int b = fwd[i] >>> 2;
                    int mab = fwd[i] & 3;
                    int bs = fOff[b];
                    int be = fOff[b + 1];
                    int candidates = fe - i - 1; // third vertices rank above b: later in a's sorted list
                    if (candidates == 0 || be == bs) {
                        continue;
                    }
                    if ((long) candidates * (33 - Integer.numberOfLeadingZeros(be - bs)) < be - bs) {
                        // few candidates, long list: look each up by binary search
                        for (int j = i + 1; j < fe; j++) {
                            int c = fwd[j] >>> 2;
                            int at = find(fwd, bs, be, c);
                            if (at >= 0) {
                                cnt[a] += fwd[at] & 3;
                                cnt[b] += fwd[j] & 3;
                                cnt[c] += mab;
                            }
                        }
                    } else {
                        for (int j = bs; j < be; j++) {
                            int c = fwd[j] >>> 2;
                            if (mark[c] == a) {
                                cnt[a] += fwd[j] & 3;
                                cnt[b] += mm[c];
                                cnt[c] += mab;
                            }
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
                int r = rank[v];
                for (long[] c : counts) {
                    sum += c[r];
                }
                lcc[v] = (double) sum / (d * (d - 1));
            }
        });
        return lcc;
    }

    /** Index of the packed entry of rank {@code r} in the sorted range {@code [from, to)}, or -1. */
    private static int find(int[] packed, int from, int to, int r) {
        int lo = from;
        int hi = to - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int x = packed[mid] >>> 2;
            if (x < r) {
                lo = mid + 1;
            } else if (x > r) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
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
