package org.parcelnet.paths;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.JGraphTBridge;
import org.parcelnet.graph.LabeledGraph;

/**
 * The {@code k} cheapest loopless routes between two nodes (e.g. cities of the location graph), by
 * Yen's algorithm as JGraphT's {@link YenKShortestPath} implements it, run over a JGraphT copy of the
 * graph whose edge weights are the chosen arc costs (arcs of infinite cost are left out).
 *
 * <p>Cost: O(k·n·(m + n log n)) in the worst case; the JGraphT copy takes roughly ten times the memory
 * of the {@link CompactGraph}, so use it on place-level graphs (thousands of nodes), not on party
 * graphs with millions. Routes come cheapest first; JGraphT breaks ties between equal costs.
 *
 * <p>Reference: J. Y. Yen, "Finding the k shortest loopless paths in a network", Management Science
 * 17(11) (1971) 712–716, doi:10.1287/mnsc.17.11.712.
 */
public final class KShortestRoutes {

    private KShortestRoutes() {
    }

    /**
     * One route.
     *
     * @param rank   1 for the cheapest
     * @param cost   sum of arc costs
     * @param labels node ids from source to target
     */
    public record Route(int rank, double cost, List<String> labels) {

        public Route {
            labels = List.copyOf(labels);
        }

        /** Number of arcs. */
        public int hops() {
            return labels.size() - 1;
        }

        /** The labels joined by {@code " > "}. */
        public String describe() {
            return String.join(" > ", labels);
        }
    }

    /**
     * The {@code k} cheapest routes from {@code source} to {@code target} (fewer when fewer exist).
     *
     * @param arcCost cost per out-arc of {@code g.graph()}, ≥ 0
     * @throws IllegalArgumentException for unknown node ids, k &lt; 1 or bad costs
     */
    public static List<Route> find(LabeledGraph g, double[] arcCost, String source, String target, int k) {
        Objects.requireNonNull(g, "graph");
        Objects.requireNonNull(arcCost, "arcCost");
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        int s = g.node(source);
        int t = g.node(target);
        if (s < 0) {
            throw new IllegalArgumentException("unknown source node '" + source + "'");
        }
        if (t < 0) {
            throw new IllegalArgumentException("unknown target node '" + target + "'");
        }
        CompactGraph cg = g.graph();
        if (arcCost.length != cg.arcCount()) {
            throw new IllegalArgumentException("arcCost has " + arcCost.length + " entries for " + cg.arcCount() + " arcs");
        }
        if (s == t) {
            return List.of(new Route(1, 0, List.of(source)));
        }
        Graph<String, DefaultWeightedEdge> jg = JGraphTBridge.toJGraphT(g);
        List<DefaultWeightedEdge> drop = new ArrayList<>();
        for (DefaultWeightedEdge e : jg.edgeSet()) {
            int u = g.node(jg.getEdgeSource(e));
            int v = g.node(jg.getEdgeTarget(e));
            double c = arcCost[cg.arcIndex(u, v)];
            if (!(c >= 0)) {
                throw new IllegalArgumentException("arc costs must be >= 0, got " + c);
            }
            if (c == Double.POSITIVE_INFINITY) {
                drop.add(e);
            } else {
                jg.setEdgeWeight(e, c);
            }
        }
        jg.removeAllEdges(drop);
        List<GraphPath<String, DefaultWeightedEdge>> paths = new YenKShortestPath<>(jg).getPaths(source, target, k);
        List<Route> routes = new ArrayList<>(paths.size());
        int rank = 1;
        for (GraphPath<String, DefaultWeightedEdge> p : paths) {
            routes.add(new Route(rank++, p.getWeight(), p.getVertexList()));
        }
        return Collections.unmodifiableList(routes);
    }
}
