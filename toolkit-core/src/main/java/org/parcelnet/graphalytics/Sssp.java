package org.parcelnet.graphalytics;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.paths.Dijkstra;

/**
 * Graphalytics SSSP: the length of a shortest path from a source vertex to every vertex, with the
 * edge weights as 64-bit doubles, {@code Infinity} for unreachable vertices; along out-arcs (both
 * directions when undirected). Dijkstra's algorithm with a 4-ary indexed heap
 * ({@link org.parcelnet.paths.Dijkstra}); sequential. Cost: O((n + m) log n); the arc costs take 8
 * bytes per arc.
 */
public final class Sssp {

    private Sssp() {
    }

    /** Distances from {@code source}; weights must be ≥ 0. */
    public static double[] distances(CompactGraph g, int source) {
        double[] cost = new double[g.arcCount()];
        for (int a = 0; a < cost.length; a++) {
            cost[a] = g.weight(a);
        }
        return new Dijkstra(g, cost).distances(source);
    }
}
