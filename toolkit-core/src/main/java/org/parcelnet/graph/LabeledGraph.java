package org.parcelnet.graph;

import java.util.Objects;

/**
 * A {@link CompactGraph} together with the external ids of its nodes.
 *
 * @param graph the graph
 * @param ids   node int ↔ external id; {@code ids.size() == graph.nodeCount()}
 */
public record LabeledGraph(CompactGraph graph, IdMap<String> ids) {

    public LabeledGraph {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(ids, "ids");
        if (ids.size() != graph.nodeCount()) {
            throw new IllegalArgumentException("ids has " + ids.size() + " entries for " + graph.nodeCount() + " nodes");
        }
    }

    /** The external id of node {@code v}. */
    public String label(int v) {
        return ids.id(v);
    }

    /** The node of external id {@code id}, or -1. */
    public int node(String id) {
        return ids.indexOf(id);
    }
}
