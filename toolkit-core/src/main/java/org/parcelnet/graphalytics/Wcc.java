package org.parcelnet.graphalytics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.Parallel;

/**
 * Graphalytics WCC: weakly connected components (arc directions ignored). Every vertex is labelled
 * with the smallest node int of its component, which (vertices numbered by ascending id) is the
 * component's smallest vertex id.
 *
 * <p>Concurrent union–find without locks: each thread links the arcs of its vertex blocks by
 * compare-and-set on the parent array, always hooking the larger root under the smaller, with path
 * halving in {@code find} (the linking rule of R. J. Anderson, H. Woll, "Wait-free parallel
 * algorithms for the union-find problem", STOC 1991, doi:10.1145/103418.103458). Because roots are
 * always their component's minimum, the final labels are the same for any thread count and schedule.
 * Cost: O(m α(n)) work; 4 bytes per vertex.
 */
public final class Wcc {

    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final int BLOCK = 4096;

    private Wcc() {
    }

    /** Component label (smallest node int in the component) of every node. */
    public static int[] components(CompactGraph g, Parallel par) {
        int n = g.nodeCount();
        int[] parent = new int[n];
        for (int v = 0; v < n; v++) {
            parent[v] = v;
        }
        boolean directed = g.isDirected();
        par.forRange(n, BLOCK, (w, from, to) -> {
            for (int u = from; u < to; u++) {
                for (int a = g.outStart(u), end = g.outEnd(u); a < end; a++) {
                    int v = g.target(a);
                    if (directed || v < u) {
                        union(parent, u, v);
                    }
                }
            }
        });
        par.forRange(n, BLOCK, (w, from, to) -> {
            for (int v = from; v < to; v++) {
                parent[v] = find(parent, v);
            }
        });
        return parent;
    }

    private static int find(int[] parent, int x) {
        while (true) {
            int p = (int) INTS.getVolatile(parent, x);
            if (p == x) {
                return x;
            }
            int gp = (int) INTS.getVolatile(parent, p);
            if (gp != p) {
                // halving: only ever points a node at an ancestor, which stays in the same set
                INTS.compareAndSet(parent, x, p, gp);
            }
            x = gp;
        }
    }

    private static void union(int[] parent, int a, int b) {
        while (true) {
            int ra = find(parent, a);
            int rb = find(parent, b);
            if (ra == rb) {
                return;
            }
            int hi = Math.max(ra, rb);
            int lo = Math.min(ra, rb);
            if (INTS.compareAndSet(parent, hi, hi, lo)) {
                return;
            }
        }
    }
}
