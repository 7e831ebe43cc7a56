package org.parcelnet.bench;

import org.jgrapht.Graph;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DefaultGraphType;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.util.SupplierUtil;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;

/**
 * Fixtures of the path and centrality benchmarks: undirected graphs of {@link RandomEdges} (uniform
 * random endpoints, integer weights 1..9, parallel edges merged by summing), and the same graph as a
 * JGraphT graph for the comparisons.
 */
public final class PathsFixture {

    private PathsFixture() {
    }

    /** The undirected weighted CSR graph of {@code m} random edges on {@code n} nodes. */
    public static CompactGraph undirected(int n, int m, long seed) {
        RandomEdges.Edges e = RandomEdges.generate(n, m, seed);
        CompactGraphBuilder b = CompactGraphBuilder.undirected(n).expectedEdges(m);
        for (int i = 0; i < m; i++) {
            b.addEdge(e.tails()[i], e.heads()[i], e.weights()[i]);
        }
        return b.build();
    }

    /**
     * The same edges as a JGraphT weighted graph with {@code Integer} vertices. Built with JGraphT's
     * plain specifics strategy and multiple edges allowed (there are none: the CSR graph merged them),
     * so that construction skips the per-edge lookup map and fits in a few GB.
     */
    public static Graph<Integer, DefaultWeightedEdge> toJGraphT(CompactGraph g) {
        Graph<Integer, DefaultWeightedEdge> jg = new PlainGraph(g.isDirected());
        for (int v = 0; v < g.nodeCount(); v++) {
            jg.addVertex(v);
        }
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int a = g.outStart(u); a < g.outEnd(u); a++) {
                int v = g.target(a);
                if (g.isDirected() || u <= v) {
                    DefaultWeightedEdge e = jg.addEdge(u, v);
                    jg.setEdgeWeight(e, g.weight(a));
                }
            }
        }
        return jg;
    }

    /** A weighted pseudograph with JGraphT's default (non-fast-lookup) specifics. */
    private static final class PlainGraph extends AbstractBaseGraph<Integer, DefaultWeightedEdge> {
        private static final long serialVersionUID = 1L;

        PlainGraph(boolean directed) {
            super(null, SupplierUtil.createSupplier(DefaultWeightedEdge.class),
                    (directed ? DefaultGraphType.directedPseudograph() : DefaultGraphType.pseudograph()).asWeighted(),
                    new DefaultGraphSpecificsStrategy<>());
        }
    }
}
