package org.parcelnet.graph;

import java.util.Arrays;

/**
 * Collects edges between dense int nodes and builds a {@link CompactGraph}.
 *
 * <p>Building is two stable counting sorts (by head, then by tail), so every neighbour list comes out
 * sorted, followed by one pass that merges parallel edges by summing their weights. Cost is
 * O(n + m) time; peak memory is the 16 bytes per added edge buffered here plus about 32 bytes per arc
 * during the sort. Self loops are kept unless {@link #dropSelfLoops()} was called.
 *
 * <p>A builder is single-use and not thread-safe.
 */
public final class CompactGraphBuilder {

    private final boolean directed;
    private int nodeCount;
    private boolean dropSelfLoops;
    private int[] tails = new int[16];
    private int[] heads = new int[16];
    private double[] weights = new double[16];
    private int size;
    private boolean allUnit = true;
    private boolean built;

    private CompactGraphBuilder(boolean directed, int nodeCount) {
        if (nodeCount < 0) {
            throw new IllegalArgumentException("nodeCount must be >= 0, got " + nodeCount);
        }
        this.directed = directed;
        this.nodeCount = nodeCount;
    }

    /** A builder for a directed graph with at least {@code nodeCount} nodes. */
    public static CompactGraphBuilder directed(int nodeCount) {
        return new CompactGraphBuilder(true, nodeCount);
    }

    /** A builder for an undirected graph with at least {@code nodeCount} nodes. */
    public static CompactGraphBuilder undirected(int nodeCount) {
        return new CompactGraphBuilder(false, nodeCount);
    }

    /** A builder of the given direction. */
    public static CompactGraphBuilder of(boolean directed, int nodeCount) {
        return new CompactGraphBuilder(directed, nodeCount);
    }

    /** Pre-sizes the edge buffer. */
    public CompactGraphBuilder expectedEdges(int edges) {
        if (edges > tails.length) {
            tails = Arrays.copyOf(tails, edges);
            heads = Arrays.copyOf(heads, edges);
            weights = Arrays.copyOf(weights, edges);
        }
        return this;
    }

    /** Discards self loops instead of keeping them. */
    public CompactGraphBuilder dropSelfLoops() {
        this.dropSelfLoops = true;
        return this;
    }

    /** Raises the node count to at least {@code n} (isolated nodes are allowed). */
    public CompactGraphBuilder ensureNodes(int n) {
        if (n > nodeCount) {
            nodeCount = n;
        }
        return this;
    }

    /** Number of edges added so far (before merging). */
    public int addedEdges() {
        return size;
    }

    /** Adds an edge of weight 1. */
    public CompactGraphBuilder addEdge(int u, int v) {
        return addEdge(u, v, 1.0);
    }

    /**
     * Adds an edge; nodes beyond the current count extend it. Weights must be finite and
     * non-negative (they are volumes or costs).
     */
    public CompactGraphBuilder addEdge(int u, int v, double weight) {
        if (built) {
            throw new IllegalStateException("builder already used");
        }
        if (u < 0 || v < 0) {
            throw new IllegalArgumentException("node ids must be >= 0, got " + u + "->" + v);
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("edge weight must be finite and >= 0, got " + weight);
        }
        if (dropSelfLoops && u == v) {
            return this;
        }
        if (size == tails.length) {
            int cap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16L, tails.length * 3L / 2));
            if (cap <= size) {
                throw new IllegalStateException("too many edges for one graph");
            }
            tails = Arrays.copyOf(tails, cap);
            heads = Arrays.copyOf(heads, cap);
            weights = Arrays.copyOf(weights, cap);
        }
        tails[size] = u;
        heads[size] = v;
        weights[size] = weight;
        size++;
        if (weight != 1.0) {
            allUnit = false;
        }
        int hi = Math.max(u, v) + 1;
        if (hi > nodeCount) {
            nodeCount = hi;
        }
        return this;
    }

    /** Builds the graph. The builder cannot be used afterwards. */
    public CompactGraph build() {
        if (built) {
            throw new IllegalStateException("builder already used");
        }
        built = true;
        int n = nodeCount;
        // Arc list: undirected edges contribute both directions (a self loop once).
        int arcs = size;
        if (!directed) {
            for (int e = 0; e < size; e++) {
                if (tails[e] != heads[e]) {
                    arcs++;
                }
            }
        }
        int[] at;
        int[] ah;
        double[] aw;
        if (directed) {
            at = tails;
            ah = heads;
            aw = weights;
        } else {
            at = new int[arcs];
            ah = new int[arcs];
            aw = new double[arcs];
            int k = 0;
            for (int e = 0; e < size; e++) {
                int u = tails[e];
                int v = heads[e];
                at[k] = u;
                ah[k] = v;
                aw[k++] = weights[e];
                if (u != v) {
                    at[k] = v;
                    ah[k] = u;
                    aw[k++] = weights[e];
                }
            }
        }
        tails = null;
        heads = null;
        weights = null;
        boolean unit = allUnit;

        Csr out = sortedCsr(n, arcs, at, ah, aw, unit);
        if (!directed) {
            return new CompactGraph(false, n, out.offsets, out.targets, out.weights, null, null, null);
        }
        Csr in = sortedCsr(n, arcs, ah, at, aw, unit);
        return new CompactGraph(true, n, out.offsets, out.targets, out.weights, in.offsets, in.targets, in.weights);
    }

    private record Csr(int[] offsets, int[] targets, double[] weights) {
    }

    /** Groups arcs by tail with targets ascending and parallel arcs merged. */
    private static Csr sortedCsr(int n, int arcs, int[] tail, int[] head, double[] w, boolean unit) {
        // Pass 1: stable counting sort by head.
        int[] byHead = new int[arcs];
        int[] cursor = new int[n + 1];
        for (int i = 0; i < arcs; i++) {
            cursor[head[i] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            cursor[v + 1] += cursor[v];
        }
        for (int i = 0; i < arcs; i++) {
            byHead[cursor[head[i]]++] = i;
        }
        // Pass 2: stable counting sort by tail, visiting arcs in head order.
        int[] offsets = new int[n + 1];
        for (int i = 0; i < arcs; i++) {
            offsets[tail[i] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            offsets[v + 1] += offsets[v];
        }
        System.arraycopy(offsets, 0, cursor, 0, n + 1);
        int[] targets = new int[arcs];
        double[] weights = new double[arcs];
        for (int k = 0; k < arcs; k++) {
            int i = byHead[k];
            int pos = cursor[tail[i]]++;
            targets[pos] = head[i];
            weights[pos] = w[i];
        }
        byHead = null;
        // Merge runs of equal targets in place.
        int write = 0;
        int read = 0;
        boolean anyNonUnit = !unit;
        for (int u = 0; u < n; u++) {
            int end = offsets[u + 1];
            offsets[u] = write;
            while (read < end) {
                int t = targets[read];
                double sum = weights[read++];
                while (read < end && targets[read] == t) {
                    sum += weights[read++];
                    anyNonUnit = true;
                }
                targets[write] = t;
                weights[write++] = sum;
            }
        }
        offsets[n] = write;
        if (write != arcs) {
            targets = Arrays.copyOf(targets, write);
            weights = Arrays.copyOf(weights, write);
        }
        return new Csr(offsets, targets, anyNonUnit ? weights : null);
    }
}
