package org.parcelnet.graph;

import java.util.Arrays;

/**
 * An immutable graph in compressed sparse row (CSR) form, the int-indexed core that every ParcelNet
 * algorithm runs on.
 *
 * <p>Nodes are the dense ints {@code 0..nodeCount()-1}. The arcs leaving node {@code v} occupy the
 * index range {@code [outStart(v), outEnd(v))}; {@link #target(int)} and {@link #weight(int)} read an
 * arc by index. Neighbour lists are sorted by target and hold no duplicates (parallel edges were merged
 * by {@link CompactGraphBuilder}, summing their weights).
 *
 * <p>An <em>undirected</em> graph stores each edge {@code {u,v}} as two arcs {@code u→v} and
 * {@code v→u}; a self loop {@code {u,u}} is stored as a single arc. The in-adjacency of an undirected
 * graph is its out-adjacency. Following igraph and Newman, a self loop contributes twice its weight to
 * the {@link #strength(int) strength} and {@link #degree(int) degree} of its node, so that the sum of
 * strengths is {@code 2 × totalWeight()}.
 *
 * <p>A <em>directed</em> graph additionally stores its in-adjacency (arcs grouped by head), so that
 * algorithms can walk arcs backwards at O(1) per arc.
 *
 * <p>Memory: {@code 4(n+1)} bytes of offsets plus 4 bytes per stored arc for targets and, only when
 * some weight differs from 1, 4 or 8 bytes per stored arc for weights: weights that are all exactly
 * representable as a {@code float} (shipment counts and piece counts below 2<sup>24</sup>, and most
 * hand-written weights) are stored as {@code float}, others as {@code double}; {@link #weight(int)}
 * returns the exact value either way. An undirected graph with integer weights thus takes 16 bytes
 * per edge plus 4 bytes per node (24 with arbitrary double weights); an unweighted one 8 bytes per
 * edge. Directed graphs double that for the in-adjacency. Instances are immutable and safe to share between threads;
 * accessors never expose the internal arrays.
 */
public final class CompactGraph {

    private final boolean directed;
    private final int nodeCount;
    private final int[] outOffsets;
    private final int[] outTargets;
    // At most one of the two weight arrays per direction is set; both null: every weight is 1.
    private final double[] outWeights;
    private final float[] outWeightsF;
    private final int[] inOffsets;     // same array as outOffsets when undirected
    private final int[] inSources;
    private final double[] inWeights;
    private final float[] inWeightsF;
    private final int edgeCount;
    private final double totalWeight;

    CompactGraph(boolean directed, int nodeCount, int[] outOffsets, int[] outTargets, double[] outWeights,
                 int[] inOffsets, int[] inSources, double[] inWeights) {
        this.directed = directed;
        this.nodeCount = nodeCount;
        this.outOffsets = outOffsets;
        this.outTargets = outTargets;
        boolean asFloat = floatExact(outWeights) && (!directed || floatExact(inWeights));
        this.outWeights = asFloat ? null : outWeights;
        this.outWeightsF = asFloat ? toFloat(outWeights) : null;
        this.inOffsets = directed ? inOffsets : outOffsets;
        this.inSources = directed ? inSources : outTargets;
        this.inWeights = directed ? (asFloat ? null : inWeights) : this.outWeights;
        this.inWeightsF = directed ? (asFloat ? toFloat(inWeights) : null) : this.outWeightsF;
        int edges = 0;
        double total = 0;
        for (int u = 0; u < nodeCount; u++) {
            for (int i = outOffsets[u], end = outOffsets[u + 1]; i < end; i++) {
                int v = outTargets[i];
                double w = weight(i);
                if (directed || u < v) {
                    edges++;
                    total += w;
                } else if (u == v) {
                    edges++;
                    total += w;
                }
            }
        }
        this.edgeCount = edges;
        this.totalWeight = total;
    }

    /**
     * A graph from arrays already in final form (a snapshot's): no float conversion, no copy. The
     * caller has checked the CSR invariants; edge count and total weight are summed here in the same
     * order as the other constructor, so a graph read back equals the one written, bit for bit.
     */
    CompactGraph(boolean directed, int nodeCount, int[] outOffsets, int[] outTargets, double[] outWeights,
                 float[] outWeightsF, int[] inOffsets, int[] inSources, double[] inWeights, float[] inWeightsF) {
        this.directed = directed;
        this.nodeCount = nodeCount;
        this.outOffsets = outOffsets;
        this.outTargets = outTargets;
        this.outWeights = outWeights;
        this.outWeightsF = outWeightsF;
        this.inOffsets = directed ? inOffsets : outOffsets;
        this.inSources = directed ? inSources : outTargets;
        this.inWeights = directed ? inWeights : outWeights;
        this.inWeightsF = directed ? inWeightsF : outWeightsF;
        int edges = 0;
        double total = 0;
        for (int u = 0; u < nodeCount; u++) {
            for (int i = outOffsets[u], end = outOffsets[u + 1]; i < end; i++) {
                int v = outTargets[i];
                if (directed || u <= v) {
                    edges++;
                    total += weight(i);
                }
            }
        }
        this.edgeCount = edges;
        this.totalWeight = total;
    }

    // Package-private views of the arrays, for GraphSnapshot's writer (never exposed publicly).
    int[] outOffsetsArray() {
        return outOffsets;
    }

    int[] outTargetsArray() {
        return outTargets;
    }

    double[] outWeightsArray() {
        return outWeights;
    }

    float[] outWeightsFloatArray() {
        return outWeightsF;
    }

    int[] inOffsetsArray() {
        return inOffsets;
    }

    int[] inSourcesArray() {
        return inSources;
    }

    double[] inWeightsArray() {
        return inWeights;
    }

    float[] inWeightsFloatArray() {
        return inWeightsF;
    }

    /** Whether every weight survives a round trip through {@code float} (vacuously true for null). */
    private static boolean floatExact(double[] weights) {
        if (weights == null) {
            return true;
        }
        for (double w : weights) {
            if ((double) (float) w != w) {
                return false;
            }
        }
        return true;
    }

    private static float[] toFloat(double[] weights) {
        if (weights == null) {
            return null;
        }
        float[] f = new float[weights.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) weights[i];
        }
        return f;
    }

    /** Whether arcs have a direction. */
    public boolean isDirected() {
        return directed;
    }

    /** Number of nodes. */
    public int nodeCount() {
        return nodeCount;
    }

    /**
     * Number of edges: arcs of a directed graph, or undirected edges (each self loop once) of an
     * undirected graph.
     */
    public int edgeCount() {
        return edgeCount;
    }

    /** Number of stored out-arcs (for undirected graphs: twice the edges minus the self loops). */
    public int arcCount() {
        return outTargets.length;
    }

    /** Whether the graph carries weights other than 1. */
    public boolean isWeighted() {
        return outWeights != null || outWeightsF != null;
    }

    /** Sum of edge weights, each undirected edge counted once. */
    public double totalWeight() {
        return totalWeight;
    }

    /** First out-arc index of {@code v}. */
    public int outStart(int v) {
        return outOffsets[v];
    }

    /** One past the last out-arc index of {@code v}. */
    public int outEnd(int v) {
        return outOffsets[v + 1];
    }

    /** Head of out-arc {@code arc}. */
    public int target(int arc) {
        return outTargets[arc];
    }

    /** Weight of out-arc {@code arc}. */
    public double weight(int arc) {
        if (outWeightsF != null) {
            return outWeightsF[arc];
        }
        return outWeights == null ? 1.0 : outWeights[arc];
    }

    /** First in-arc index of {@code v} (same as {@link #outStart} when undirected). */
    public int inStart(int v) {
        return inOffsets[v];
    }

    /** One past the last in-arc index of {@code v}. */
    public int inEnd(int v) {
        return inOffsets[v + 1];
    }

    /** Tail of in-arc {@code arc}. */
    public int source(int arc) {
        return inSources[arc];
    }

    /** Weight of in-arc {@code arc}. */
    public double inWeight(int arc) {
        if (inWeightsF != null) {
            return inWeightsF[arc];
        }
        return inWeights == null ? 1.0 : inWeights[arc];
    }

    /** Number of distinct out-neighbours of {@code v} (a self loop counts once). */
    public int outDegree(int v) {
        return outOffsets[v + 1] - outOffsets[v];
    }

    /** Number of distinct in-neighbours of {@code v}. */
    public int inDegree(int v) {
        return inOffsets[v + 1] - inOffsets[v];
    }

    /**
     * Degree as igraph counts it: for undirected graphs the number of incident edge ends (a self loop
     * counts twice); for directed graphs in-degree plus out-degree.
     */
    public int degree(int v) {
        if (directed) {
            return outDegree(v) + inDegree(v);
        }
        int d = outDegree(v);
        if (hasArc(v, v)) {
            d++;
        }
        return d;
    }

    /** Sum of out-arc weights of {@code v}. */
    public double outStrength(int v) {
        double s = 0;
        for (int i = outOffsets[v], end = outOffsets[v + 1]; i < end; i++) {
            s += weight(i);
        }
        return s;
    }

    /** Sum of in-arc weights of {@code v}. */
    public double inStrength(int v) {
        double s = 0;
        for (int i = inOffsets[v], end = inOffsets[v + 1]; i < end; i++) {
            s += inWeight(i);
        }
        return s;
    }

    /**
     * Weighted degree: undirected, the sum of incident edge weights with self loops counted twice;
     * directed, in-strength plus out-strength.
     */
    public double strength(int v) {
        if (directed) {
            return outStrength(v) + inStrength(v);
        }
        double s = 0;
        for (int i = outOffsets[v], end = outOffsets[v + 1]; i < end; i++) {
            double w = weight(i);
            s += outTargets[i] == v ? 2 * w : w;
        }
        return s;
    }

    /** Whether the arc {@code u→v} exists (binary search, O(log deg u)). */
    public boolean hasArc(int u, int v) {
        return arcIndex(u, v) >= 0;
    }

    /** Index of arc {@code u→v}, or a negative number when absent. O(log deg u). */
    public int arcIndex(int u, int v) {
        int lo = outOffsets[u];
        int hi = outOffsets[u + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int t = outTargets[mid];
            if (t < v) {
                lo = mid + 1;
            } else if (t > v) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** A copy of the out-neighbours of {@code v}, sorted ascending. */
    public int[] outNeighbours(int v) {
        return Arrays.copyOfRange(outTargets, outOffsets[v], outOffsets[v + 1]);
    }

    /** A copy of the in-neighbours of {@code v}, sorted ascending. */
    public int[] inNeighbours(int v) {
        return Arrays.copyOfRange(inSources, inOffsets[v], inOffsets[v + 1]);
    }

    /** Whether {@code v} has an arc to itself. */
    public boolean hasSelfLoop(int v) {
        return hasArc(v, v);
    }

    /**
     * The same edges with directions dropped: each arc {@code u→v} becomes the edge {@code {u,v}},
     * opposite arcs merged by summing weights. Returns {@code this} when already undirected.
     */
    public CompactGraph toUndirected() {
        if (!directed) {
            return this;
        }
        CompactGraphBuilder b = CompactGraphBuilder.undirected(nodeCount).expectedEdges(arcCount());
        for (int u = 0; u < nodeCount; u++) {
            for (int i = outOffsets[u], end = outOffsets[u + 1]; i < end; i++) {
                b.addEdge(u, outTargets[i], weight(i));
            }
        }
        return b.build();
    }

    /**
     * Bytes held by this graph's arrays (offsets, targets, weights, and the in-adjacency of directed
     * graphs), excluding object headers.
     */
    public long memoryBytes() {
        long bytes = 4L * outOffsets.length + 4L * outTargets.length
                + weightBytes(outWeights, outWeightsF);
        if (directed) {
            bytes += 4L * inOffsets.length + 4L * inSources.length + weightBytes(inWeights, inWeightsF);
        }
        return bytes;
    }

    private static long weightBytes(double[] d, float[] f) {
        return d != null ? 8L * d.length : f != null ? 4L * f.length : 0;
    }

    @Override
    public String toString() {
        return (directed ? "directed" : "undirected") + " CompactGraph[nodes=" + nodeCount + ", edges=" + edgeCount
                + (isWeighted() ? ", weighted" : "") + "]";
    }
}
