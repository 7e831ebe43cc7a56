package org.parcelnet.graph;

import java.util.Objects;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * Converts between {@link CompactGraph} and JGraphT's {@link Graph}. This is where the generic
 * {@code <V,E>} world stops: algorithms run on the int-indexed side.
 *
 * <p>Both directions are O(n + m). JGraphT graphs take about ten times the memory of a CompactGraph,
 * so the bridge is for interoperability (JGraphT's algorithms, importers and exporters), not for the
 * hot path.
 */
public final class JGraphTBridge {

    private JGraphTBridge() {
    }

    /** A JGraphT graph and the int ↔ vertex mapping of a converted graph. */
    public record Converted<V>(CompactGraph graph, IdMap<V> ids) {
    }

    /**
     * A weighted JGraphT graph (self loops allowed, no multiple edges) with vertices named by
     * {@code ids}. Directed when {@code g} is.
     */
    public static Graph<String, DefaultWeightedEdge> toJGraphT(CompactGraph g, IdMap<String> ids) {
        Objects.requireNonNull(g, "g");
        Objects.requireNonNull(ids, "ids");
        if (ids.size() != g.nodeCount()) {
            throw new IllegalArgumentException("ids has " + ids.size() + " entries for " + g.nodeCount() + " nodes");
        }
        Graph<String, DefaultWeightedEdge> out = (g.isDirected() ? GraphTypeBuilder.<String, DefaultWeightedEdge>directed()
                : GraphTypeBuilder.<String, DefaultWeightedEdge>undirected())
                .allowingSelfLoops(true).allowingMultipleEdges(false).weighted(true)
                .edgeClass(DefaultWeightedEdge.class).buildGraph();
        for (int v = 0; v < g.nodeCount(); v++) {
            out.addVertex(ids.id(v));
        }
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int i = g.outStart(u), end = g.outEnd(u); i < end; i++) {
                int v = g.target(i);
                if (!g.isDirected() && v < u) {
                    continue;
                }
                DefaultWeightedEdge e = out.addEdge(ids.id(u), ids.id(v));
                out.setEdgeWeight(e, g.weight(i));
            }
        }
        return out;
    }

    /** Same as {@link #toJGraphT(CompactGraph, IdMap)} for a labelled graph. */
    public static Graph<String, DefaultWeightedEdge> toJGraphT(LabeledGraph g) {
        return toJGraphT(g.graph(), g.ids());
    }

    /**
     * Any JGraphT graph as a CompactGraph: vertices numbered in {@code vertexSet()} iteration order,
     * parallel edges merged by summing {@code getEdgeWeight}, self loops kept.
     */
    public static <V, E> Converted<V> fromJGraphT(Graph<V, E> g) {
        Objects.requireNonNull(g, "g");
        IdMap<V> ids = new IdMap<>(g.vertexSet().size());
        for (V v : g.vertexSet()) {
            ids.intern(v);
        }
        CompactGraphBuilder b = CompactGraphBuilder.of(g.getType().isDirected(), ids.size())
                .expectedEdges(g.edgeSet().size());
        for (E e : g.edgeSet()) {
            b.addEdge(ids.indexOf(g.getEdgeSource(e)), ids.indexOf(g.getEdgeTarget(e)), g.getEdgeWeight(e));
        }
        return new Converted<>(b.build(), ids);
    }
}
