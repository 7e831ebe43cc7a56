package org.parcelnet.interdiction;

import org.parcelnet.graph.CompactGraph;

/** Breadth-first reachability helpers on primitive arrays (package-private). */
final class Reach {

    private Reach() {
    }

    /** {@link #from(CompactGraph, int[], boolean[], boolean[], boolean)} with no stop set. */
    static boolean[] from(CompactGraph g, int[] starts, boolean[] blocked, boolean forward) {
        return from(g, starts, blocked, null, forward);
    }

    /**
     * Marks nodes reachable from {@code starts} without entering {@code blocked} nodes (starts
     * themselves are never blocked) and without leaving {@code stop} nodes other than the starts,
     * forward over out-arcs or backward over in-arcs. Either set may be null.
     */
    static boolean[] from(CompactGraph g, int[] starts, boolean[] blocked, boolean[] stop, boolean forward) {
        int n = g.nodeCount();
        boolean[] seen = new boolean[n];
        int[] q = new int[n];
        int tail = 0;
        for (int s : starts) {
            if (!seen[s]) {
                seen[s] = true;
                q[tail++] = s;
            }
        }
        int startCount = tail;
        int head = 0;
        while (head < tail) {
            int u = q[head++];
            if (stop != null && stop[u] && head > startCount) {
                continue;
            }
            int start = forward ? g.outStart(u) : g.inStart(u);
            int end = forward ? g.outEnd(u) : g.inEnd(u);
            for (int a = start; a < end; a++) {
                int v = forward ? g.target(a) : g.source(a);
                if (!seen[v] && (blocked == null || !blocked[v])) {
                    seen[v] = true;
                    q[tail++] = v;
                }
            }
        }
        return seen;
    }

    /** Number of {@code sinks} reachable from {@code sources} avoiding {@code blocked}. */
    static long sinksReached(CompactGraph g, int[] sources, int[] sinks, boolean[] blocked) {
        boolean[] seen = from(g, sources, blocked, true);
        long c = 0;
        for (int t : sinks) {
            if (seen[t]) {
                c++;
            }
        }
        return c;
    }

    static void checkNodes(CompactGraph g, int[] nodes, String what) {
        for (int v : nodes) {
            if (v < 0 || v >= g.nodeCount()) {
                throw new IllegalArgumentException(what + " node " + v + " out of range 0.." + (g.nodeCount() - 1));
            }
        }
    }
}
