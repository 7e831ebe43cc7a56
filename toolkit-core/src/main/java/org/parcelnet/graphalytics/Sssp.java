package org.parcelnet.graphalytics;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.paths.DeltaStepping;
import org.parcelnet.paths.Dijkstra;
import org.parcelnet.progress.WorkerPool;

/**
 * Graphalytics SSSP: the length of a shortest path from a source vertex to every vertex, with the
 * edge weights as 64-bit doubles, {@code Infinity} for unreachable vertices; along out-arcs (both
 * directions when undirected).
 */
public final class Sssp {

    private Sssp() {
    }

    /**
     * Distances from {@code source} (weights must be ≥ 0) by parallel Δ-stepping on {@code par}'s
     * workers ({@link DeltaStepping}: Meyer &amp; Sanders 2003, doi:10.1016/S0196-6774(03)00076-2),
     * or the sequential Dijkstra for small graphs and one worker. The distances are the same doubles
     * for every thread count. Cost: O(n + m) work on average for random weights; 8 bytes per vertex.
     */
    public static double[] distances(CompactGraph g, int source, WorkerPool par) {
        return DeltaStepping.distances(g, source, par);
    }

    /**
     * Distances from {@code source} by Dijkstra's algorithm with a 4-ary indexed heap
     * ({@link Dijkstra}); sequential. Cost: O((n + m) log n); the arc costs take 8 bytes per arc.
     */
    public static double[] distances(CompactGraph g, int source) {
        double[] cost = new double[g.arcCount()];
        for (int a = 0; a < cost.length; a++) {
            cost[a] = g.weight(a);
        }
        return new Dijkstra(g, cost).distances(source);
    }
}
