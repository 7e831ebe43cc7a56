package org.parcelnet.graphalytics;

import java.util.Arrays;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.Parallel;

/**
 * Graphalytics CDLP: synchronous community detection by label propagation for a fixed number of
 * iterations. Every vertex starts with its own label; in each iteration every vertex takes the label
 * most frequent among its neighbours' labels of the previous iteration, the smallest such label on a
 * tie, and keeps its label when it has no neighbours. In a directed graph both in- and out-neighbours
 * count, a neighbour linked both ways twice (as the specification defines). Labels are node ints,
 * whose order is vertex id order, so ties resolve as the specification's id comparison does.
 *
 * <p>Reference: U. N. Raghavan, R. Albert, S. Kumara, "Near linear time algorithm to detect
 * community structures in large-scale networks", Phys. Rev. E 76 (2007) 036106,
 * doi:10.1103/PhysRevE.76.036106, in the deterministic form of the LDBC Graphalytics specification.
 * Each iteration reads the previous labels only, so it runs in parallel over vertex blocks with the
 * same result for any thread count. Cost: O(Σ d log d) per iteration (labels sorted per vertex);
 * 8 bytes per vertex plus one degree-sized buffer per thread.
 */
public final class Cdlp {

    private static final int BLOCK = 1024;

    private Cdlp() {
    }

    /** Labels (node ints) after {@code iterations} iterations. */
    public static int[] labels(CompactGraph g, int iterations, Parallel par) {
        int n = g.nodeCount();
        int[] label = new int[n];
        for (int v = 0; v < n; v++) {
            label[v] = v;
        }
        int[] next = new int[n];
        int maxDeg = 0;
        for (int v = 0; v < n; v++) {
            maxDeg = Math.max(maxDeg, g.isDirected() ? g.outDegree(v) + g.inDegree(v) : g.outDegree(v));
        }
        int[][] buffers = new int[par.threads()][maxDeg];
        boolean directed = g.isDirected();
        for (int it = 0; it < iterations; it++) {
            int[] cur = label;
            int[] nxt = next;
            par.forRange(n, BLOCK, (w, from, to) -> {
                int[] buf = buffers[w];
                for (int v = from; v < to; v++) {
                    int k = 0;
                    for (int a = g.outStart(v), end = g.outEnd(v); a < end; a++) {
                        buf[k++] = cur[g.target(a)];
                    }
                    if (directed) {
                        for (int a = g.inStart(v), end = g.inEnd(v); a < end; a++) {
                            buf[k++] = cur[g.source(a)];
                        }
                    }
                    nxt[v] = k == 0 ? cur[v] : mostFrequentSmallest(buf, k);
                }
            });
            label = nxt;
            next = cur;
        }
        return label;
    }

    /** The most frequent value of {@code buf[0..k)}, the smallest among equally frequent ones. */
    static int mostFrequentSmallest(int[] buf, int k) {
        Arrays.sort(buf, 0, k);
        int best = buf[0];
        int bestRun = 0;
        int i = 0;
        while (i < k) {
            int j = i + 1;
            while (j < k && buf[j] == buf[i]) {
                j++;
            }
            if (j - i > bestRun) { // strictly more: an earlier (smaller) label wins ties
                bestRun = j - i;
                best = buf[i];
            }
            i = j;
        }
        return best;
    }
}
