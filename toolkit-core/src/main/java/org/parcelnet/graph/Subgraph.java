package org.parcelnet.graph;

import java.util.Objects;

/**
 * The subgraph induced by a set of nodes: those nodes, renumbered {@code 0..k-1} in the given order,
 * and every arc between two of them with its weight.
 *
 * <p>Cost: O(k + Σ deg(v)) over the chosen nodes plus the builder's sort; 4 bytes per node of the
 * original graph as scratch for the renumbering.
 *
 * @param graph    the induced subgraph (directed when the original is)
 * @param original original node id of each subgraph node
 */
public record Subgraph(CompactGraph graph, int[] original) {

    public Subgraph {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(original, "original");
    }

    /** The subgraph induced by {@code nodes} (distinct node ids of {@code g}). */
    public static Subgraph induced(CompactGraph g, int[] nodes) {
        int[] local = new int[g.nodeCount()];
        java.util.Arrays.fill(local, -1);
        return induced(g, nodes, local);
    }

    /**
     * The same, with caller-owned scratch for repeated calls on a big graph: {@code local} has one
     * entry per node of {@code g}, all -1, and is all -1 again on return.
     */
    public static Subgraph induced(CompactGraph g, int[] nodes, int[] local) {
        if (local.length != g.nodeCount()) {
            throw new IllegalArgumentException("scratch has " + local.length + " entries for " + g.nodeCount() + " nodes");
        }
        try {
            return build(g, nodes, local);
        } finally {
            for (int v : nodes) {
                if (v >= 0 && v < local.length) {
                    local[v] = -1;
                }
            }
        }
    }

    private static Subgraph build(CompactGraph g, int[] nodes, int[] local) {
        for (int i = 0; i < nodes.length; i++) {
            if (local[nodes[i]] >= 0) {
                throw new IllegalArgumentException("node " + nodes[i] + " listed twice");
            }
            local[nodes[i]] = i;
        }
        CompactGraphBuilder b = CompactGraphBuilder.of(g.isDirected(), nodes.length);
        for (int i = 0; i < nodes.length; i++) {
            int u = nodes[i];
            for (int a = g.outStart(u), end = g.outEnd(u); a < end; a++) {
                int j = local[g.target(a)];
                // Undirected graphs store both arcs of an edge (a self loop once): add each edge once.
                if (j >= 0 && (g.isDirected() || j >= i)) {
                    b.addEdge(i, j, g.weight(a));
                }
            }
        }
        return new Subgraph(b.build(), nodes.clone());
    }
}
