package org.parcelnet.graph;

/**
 * Connected components of a {@link CompactGraph}.
 *
 * <p>{@link #weak} labels weakly connected components (connected components when undirected) by
 * breadth-first search over out- and in-arcs; {@link #strong} labels strongly connected components
 * with Kosaraju's two-pass algorithm (a forward depth-first finishing order, then search on the
 * reverse arcs), iterative so deep graphs do not overflow the stack. Both are O(n + m) time and use
 * a few int arrays of length n. Component ids are dense, numbered by decreasing size (0 = largest),
 * ties broken by smallest member node.
 */
public final class Components {

    private Components() {
    }

    /** Component labels and sizes. */
    public record Result(int[] component, int[] sizes) {
        /** Number of components. */
        public int count() {
            return sizes.length;
        }

        /** Size of the largest component (0 for an empty graph). */
        public int largest() {
            return sizes.length == 0 ? 0 : sizes[0];
        }
    }

    /** Weakly connected components. */
    public static Result weak(CompactGraph g) {
        int n = g.nodeCount();
        int[] comp = new int[n];
        java.util.Arrays.fill(comp, -1);
        int[] queue = new int[n];
        int count = 0;
        for (int s = 0; s < n; s++) {
            if (comp[s] >= 0) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            comp[s] = count;
            while (head < tail) {
                int u = queue[head++];
                for (int i = g.outStart(u), e = g.outEnd(u); i < e; i++) {
                    int v = g.target(i);
                    if (comp[v] < 0) {
                        comp[v] = count;
                        queue[tail++] = v;
                    }
                }
                if (g.isDirected()) {
                    for (int i = g.inStart(u), e = g.inEnd(u); i < e; i++) {
                        int v = g.source(i);
                        if (comp[v] < 0) {
                            comp[v] = count;
                            queue[tail++] = v;
                        }
                    }
                }
            }
            count++;
        }
        return relabelBySize(comp, count);
    }

    /** Strongly connected components (for an undirected graph: its connected components). */
    public static Result strong(CompactGraph g) {
        if (!g.isDirected()) {
            return weak(g);
        }
        int n = g.nodeCount();
        // Pass 1: iterative DFS on out-arcs recording finishing order.
        int[] order = new int[n];
        int orderSize = 0;
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        int[] next = new int[n]; // next arc index to explore per node
        for (int s = 0; s < n; s++) {
            if (seen[s]) {
                continue;
            }
            int top = 0;
            stack[top++] = s;
            seen[s] = true;
            next[s] = g.outStart(s);
            while (top > 0) {
                int u = stack[top - 1];
                if (next[u] < g.outEnd(u)) {
                    int v = g.target(next[u]++);
                    if (!seen[v]) {
                        seen[v] = true;
                        next[v] = g.outStart(v);
                        stack[top++] = v;
                    }
                } else {
                    order[orderSize++] = u;
                    top--;
                }
            }
        }
        // Pass 2: in reverse finishing order, search in-arcs.
        int[] comp = new int[n];
        java.util.Arrays.fill(comp, -1);
        int count = 0;
        for (int k = n - 1; k >= 0; k--) {
            int s = order[k];
            if (comp[s] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = s;
            comp[s] = count;
            while (top > 0) {
                int u = stack[--top];
                for (int i = g.inStart(u), e = g.inEnd(u); i < e; i++) {
                    int v = g.source(i);
                    if (comp[v] < 0) {
                        comp[v] = count;
                        stack[top++] = v;
                    }
                }
            }
            count++;
        }
        return relabelBySize(comp, count);
    }

    /** Renumbers labels so that 0 is the largest component (ties: smallest first member). */
    static Result relabelBySize(int[] comp, int count) {
        int[] size = new int[count];
        int[] first = new int[count];
        java.util.Arrays.fill(first, Integer.MAX_VALUE);
        for (int v = 0; v < comp.length; v++) {
            size[comp[v]]++;
            if (v < first[comp[v]]) {
                first[comp[v]] = v;
            }
        }
        Integer[] ids = new Integer[count];
        for (int c = 0; c < count; c++) {
            ids[c] = c;
        }
        java.util.Arrays.sort(ids, (a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a])
                : Integer.compare(first[a], first[b]));
        int[] rank = new int[count];
        int[] sizes = new int[count];
        for (int r = 0; r < count; r++) {
            rank[ids[r]] = r;
            sizes[r] = size[ids[r]];
        }
        int[] out = new int[comp.length];
        for (int v = 0; v < comp.length; v++) {
            out[v] = rank[comp[v]];
        }
        return new Result(out, sizes);
    }
}
