package org.parcelnet.graph;

import java.util.Arrays;

/**
 * Collects edges between dense int nodes and builds a {@link CompactGraph}.
 *
 * <p>Building is one counting-sort scatter of the edges into their tails' lists (and, undirected,
 * their heads' lists), then a sort of each list in place — lists are short, so this pass stays in
 * cache — that also merges parallel edges by summing their weights. Cost is O(m + n + Σ d log d);
 * peak memory is the 16 bytes per added edge buffered here plus the finished arrays (12 bytes per
 * arc, 4 when every weight is 1). Self loops are kept unless {@link #dropSelfLoops()} was called.
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

    /**
     * Builds a graph straight from edge arrays, without copying them into a builder: the bulk path of
     * readers that already hold validated edges. The arrays are consumed (overwritten or kept by the
     * graph); they must not be used afterwards. Same result as adding the edges one by one.
     *
     * @param directed  direction
     * @param nodeCount number of nodes; every endpoint must be below it
     * @param tails     edge tails, at least {@code edges} long
     * @param heads     edge heads
     * @param weights   finite non-negative weights, or {@code null} when every weight is 1
     * @param edges     number of edges
     */
    public static CompactGraph fromEdges(boolean directed, int nodeCount, int[] tails, int[] heads, double[] weights,
                                         int edges) {
        return fromEdges(directed, nodeCount, tails, heads, weights, edges, 1);
    }

    /**
     * As {@link #fromEdges(boolean, int, int[], int[], double[], int)}, with the scatter and the sorting of
     * neighbour lists on {@code threads} threads when the graph is weighted. The result does not depend
     * on the thread count: each thread scatters a contiguous range of edges behind the ranges before it,
     * so every list holds its arcs in edge order as in the sequential scatter, and parallel arcs are
     * summed in the same order.
     */
    public static CompactGraph fromEdges(boolean directed, int nodeCount, int[] tails, int[] heads, double[] weights,
                                         int edges, int threads) {
        if (edges < 0 || tails.length < edges || heads.length < edges || (weights != null && weights.length < edges)) {
            throw new IllegalArgumentException("edge arrays shorter than " + edges);
        }
        boolean unit = true;
        if (weights != null) {
            for (int e = 0; e < edges && unit; e++) {
                unit = weights[e] == 1.0;
            }
        }
        CompactGraphBuilder b = new CompactGraphBuilder(directed, nodeCount);
        for (int e = 0; e < edges; e++) {
            int u = tails[e];
            int v = heads[e];
            if (u < 0 || v < 0 || u >= nodeCount || v >= nodeCount) {
                throw new IllegalArgumentException("edge " + e + " has an endpoint outside 0.." + (nodeCount - 1));
            }
            if (weights != null && !(weights[e] >= 0 && weights[e] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("edge weight must be finite and >= 0, got " + weights[e]);
            }
        }
        b.tails = tails;
        b.heads = heads;
        b.weights = unit ? null : weights;
        b.size = edges;
        b.allUnit = unit;
        if (threads > 1 && !unit && edges >= PARALLEL_MIN_EDGES) {
            b.built = true;
            if (!directed) {
                Csr out = ParallelScatter.scatter(nodeCount, edges, tails, heads, weights, true, threads);
                return new CompactGraph(false, nodeCount, out.offsets, out.targets, out.weights, null, null, null);
            }
            Csr out = ParallelScatter.scatter(nodeCount, edges, tails, heads, weights, false, threads);
            Csr in = ParallelScatter.scatter(nodeCount, edges, heads, tails, weights, false, threads);
            return new CompactGraph(true, nodeCount, out.offsets, out.targets, out.weights, in.offsets, in.targets,
                    in.weights);
        }
        return b.build();
    }

    /** Builds the graph. The builder cannot be used afterwards. */
    public CompactGraph build() {
        if (built) {
            throw new IllegalStateException("builder already used");
        }
        built = true;
        int n = nodeCount;
        int m = size;
        int[] t = tails;
        int[] h = heads;
        double[] w = allUnit ? null : weights;
        tails = null;
        heads = null;
        weights = null;
        if (!directed) {
            Csr out = scatter(n, m, t, h, w, true);
            return new CompactGraph(false, n, out.offsets, out.targets, out.weights, null, null, null);
        }
        Csr out = scatter(n, m, t, h, w, false);
        Csr in = scatter(n, m, h, t, w, false);
        return new CompactGraph(true, n, out.offsets, out.targets, out.weights, in.offsets, in.targets, in.weights);
    }

    record Csr(int[] offsets, int[] targets, double[] weights) {
    }

    /** Below this many edges the parallel build is not worth its threads. */
    static final int PARALLEL_MIN_EDGES = 1 << 16;

    /**
     * Groups the edges by {@code from} (and, when {@code both}, also by {@code to}: undirected, a self
     * loop once) with one counting-sort scatter, then sorts each neighbour list in place (lists are
     * short, so this stays in cache) and merges parallel arcs by summing their weights.
     */
    private static Csr scatter(int n, int m, int[] from, int[] to, double[] w, boolean both) {
        int[] offsets = new int[n + 1];
        long arcsLong = 0;
        for (int e = 0; e < m; e++) {
            offsets[from[e] + 1]++;
            if (both && from[e] != to[e]) {
                offsets[to[e] + 1]++;
                arcsLong++;
            }
        }
        arcsLong += m;
        if (arcsLong > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many arcs for one graph: " + arcsLong);
        }
        int arcs = (int) arcsLong;
        for (int v = 0; v < n; v++) {
            offsets[v + 1] += offsets[v];
        }
        int[] cursor = Arrays.copyOf(offsets, n);
        int[] targets = new int[arcs];
        double[] weights = w == null ? null : new double[arcs];
        for (int e = 0; e < m; e++) {
            int u = from[e];
            int v = to[e];
            int pos = cursor[u]++;
            targets[pos] = v;
            if (weights != null) {
                weights[pos] = w[e];
            }
            if (both && u != v) {
                pos = cursor[v]++;
                targets[pos] = u;
                if (weights != null) {
                    weights[pos] = w[e];
                }
            }
        }
        cursor = null;
        // Sort every list by target and merge runs of equal targets, compacting in place.
        ListSorter sorter = new ListSorter();
        int write = 0;
        for (int u = 0; u < n; u++) {
            int start = offsets[u];
            int end = offsets[u + 1];
            sorter.sort(targets, weights, start, end);
            offsets[u] = write;
            int read = start;
            while (read < end) {
                int tgt = targets[read];
                double sum = weights == null ? 1.0 : weights[read];
                read++;
                while (read < end && targets[read] == tgt) {
                    sum += weights == null ? 1.0 : weights[read];
                    read++;
                }
                targets[write] = tgt;
                if (weights != null) {
                    weights[write] = sum;
                } else if (sum != 1.0) {
                    // unit weights merged into a heavier arc: weights become necessary
                    weights = new double[arcs];
                    Arrays.fill(weights, 0, write, 1.0);
                    weights[write] = sum;
                    // the rest of the arrays is still unit
                    Arrays.fill(weights, write + 1, arcs, 1.0);
                }
                write++;
            }
        }
        offsets[n] = write;
        if (write != arcs) {
            targets = Arrays.copyOf(targets, write);
            if (weights != null) {
                weights = Arrays.copyOf(weights, write);
            }
        }
        return new Csr(offsets, targets, weights);
    }

    /**
     * Sorts one neighbour list by target, stably (equal targets keep their order, so merged weights
     * are summed in input order), with its weights (null: none): insertion sort for short lists, a
     * sort of (target, position) keys for long ones. Holds growing scratch arrays; one per thread.
     */
    static final class ListSorter {
        private long[] keys = new long[16];
        private int[] tmpT = new int[16];
        private double[] tmpW = new double[16];

        void sort(int[] targets, double[] weights, int start, int end) {
            int len = end - start;
            if (len <= 1) {
                return;
            }
            if (len <= 24) {
                insertionSort(targets, weights, start, end);
                return;
            }
            if (keys.length < len) {
                keys = new long[len];
                tmpT = new int[len];
                tmpW = new double[len];
            }
            for (int i = 0; i < len; i++) {
                keys[i] = ((long) targets[start + i] << 32) | i;
            }
            Arrays.sort(keys, 0, len);
            for (int i = 0; i < len; i++) {
                int src = (int) keys[i];
                tmpT[i] = targets[start + src];
                if (weights != null) {
                    tmpW[i] = weights[start + src];
                }
            }
            System.arraycopy(tmpT, 0, targets, start, len);
            if (weights != null) {
                System.arraycopy(tmpW, 0, weights, start, len);
            }
        }
    }

    static void insertionSort(int[] t, double[] w, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int key = t[i];
            double kw = w == null ? 0 : w[i];
            int j = i - 1;
            while (j >= from && t[j] > key) {
                t[j + 1] = t[j];
                if (w != null) {
                    w[j + 1] = w[j];
                }
                j--;
            }
            t[j + 1] = key;
            if (w != null) {
                w[j + 1] = kw;
            }
        }
    }
}
