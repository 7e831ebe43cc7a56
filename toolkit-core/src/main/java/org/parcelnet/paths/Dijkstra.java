package org.parcelnet.paths;

import java.util.Arrays;
import java.util.Objects;

import org.parcelnet.graph.CompactGraph;

/**
 * Dijkstra's shortest paths on a {@link CompactGraph} with a primitive indexed 4-ary heap
 * (decrease-key). Follows out-arcs (for undirected graphs these are both directions of every edge).
 *
 * <p>Arc costs are explicit: a {@code double[]} indexed like the graph's out-arcs, usually made by
 * {@link Cost#arcCosts}. Costs must be {@code >= 0}; an infinite cost makes the arc unusable.
 * Unreachable nodes have distance {@link Double#POSITIVE_INFINITY}.
 *
 * <p>Cost: O((n + m) log₄ n) time per source set. Working state: 8 (distance) + 4 (parent) + 16
 * (heap: item, key, position) = 28 bytes per node, allocated per call; the arc costs take 8 bytes per
 * arc and are shared read-only, so one instance may serve many threads.
 *
 * <p>Reference: E. W. Dijkstra, "A note on two problems in connexion with graphs", Numerische
 * Mathematik 1 (1959) 269–271, doi:10.1007/BF01386390.
 */
public final class Dijkstra {

    private final CompactGraph graph;
    private final double[] cost;

    /**
     * @param graph the graph
     * @param arcCost cost of every out-arc (not copied; must not change while in use)
     */
    public Dijkstra(CompactGraph graph, double[] arcCost) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.cost = Objects.requireNonNull(arcCost, "arcCost");
        if (arcCost.length != graph.arcCount()) {
            throw new IllegalArgumentException("arcCost has " + arcCost.length + " entries for " + graph.arcCount() + " arcs");
        }
        for (int a = 0; a < arcCost.length; a++) {
            if (!(arcCost[a] >= 0)) {
                throw new IllegalArgumentException("arc costs must be >= 0, arc " + a + " has " + arcCost[a]);
            }
        }
    }

    /** Dijkstra with the arc costs of {@code cost} (not {@link Cost#KM}, which needs km per arc). */
    public static Dijkstra of(CompactGraph graph, Cost cost) {
        return new Dijkstra(graph, cost.arcCosts(graph));
    }

    /** The graph. */
    public CompactGraph graph() {
        return graph;
    }

    /**
     * A shortest-path tree: distance and parent of every node (fresh arrays, owned by the caller).
     *
     * @param distance cost from the nearest source, {@code Infinity} when unreachable
     * @param parent   previous node on one shortest path, -1 for sources and unreachable nodes
     */
    public record Tree(double[] distance, int[] parent) {

        /** Whether {@code v} is reachable. */
        public boolean reaches(int v) {
            return distance[v] != Double.POSITIVE_INFINITY;
        }

        /** The nodes of the tree path ending at {@code v}, source first; empty when unreachable. */
        public int[] pathTo(int v) {
            if (!reaches(v)) {
                return new int[0];
            }
            int len = 1;
            for (int u = parent[v]; u >= 0; u = parent[u]) {
                len++;
            }
            int[] p = new int[len];
            for (int u = v, i = len - 1; u >= 0; u = parent[u], i--) {
                p[i] = u;
            }
            return p;
        }
    }

    /**
     * A path.
     *
     * @param cost  total cost ({@code Infinity} when there is none)
     * @param nodes nodes from source to target; empty when there is no path
     */
    public record Path(double cost, int[] nodes) {

        /** Whether a path exists. */
        public boolean exists() {
            return nodes.length > 0;
        }

        /** Number of arcs. */
        public int hops() {
            return Math.max(0, nodes.length - 1);
        }
    }

    /** Distances from {@code source} to every node. */
    public double[] distances(int source) {
        return tree(source).distance();
    }

    /** Distances from the nearest of {@code sources} to every node. */
    public double[] distances(int[] sources) {
        return tree(sources).distance();
    }

    /** The shortest-path tree from one source. */
    public Tree tree(int source) {
        return tree(new int[] {source});
    }

    /** The shortest-path tree from a set of sources (multi-source: distance to the nearest). */
    public Tree tree(int[] sources) {
        return run(sources, -1);
    }

    /** A shortest path from {@code source} to {@code target}; stops as soon as the target is settled. */
    public Path path(int source, int target) {
        checkNode(target);
        Tree t = run(new int[] {source}, target);
        return new Path(t.distance()[target], t.pathTo(target));
    }

    private void checkNode(int v) {
        if (v < 0 || v >= graph.nodeCount()) {
            throw new IllegalArgumentException("node " + v + " out of range 0.." + (graph.nodeCount() - 1));
        }
    }

    private Tree run(int[] sources, int stopAt) {
        int n = graph.nodeCount();
        double[] dist = new double[n];
        int[] parent = new int[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(parent, -1);
        IndexedHeap heap = new IndexedHeap(n);
        for (int s : sources) {
            checkNode(s);
            dist[s] = 0;
            heap.insertOrDecrease(s, 0);
        }
        final CompactGraph g = graph;
        final double[] c = cost;
        while (!heap.isEmpty()) {
            int u = heap.pop();
            if (u == stopAt) {
                break;
            }
            double du = dist[u];
            for (int a = g.outStart(u), end = g.outEnd(u); a < end; a++) {
                double d = du + c[a];
                int v = g.target(a);
                if (d < dist[v]) {
                    dist[v] = d;
                    parent[v] = u;
                    heap.insertOrDecrease(v, d);
                }
            }
        }
        return new Tree(dist, parent);
    }
}
