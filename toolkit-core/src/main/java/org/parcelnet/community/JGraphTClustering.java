package org.parcelnet.community;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.JGraphTBridge;

/**
 * ParcelNet's {@link Louvain}, {@link Leiden} and {@link LabelPropagation} as JGraphT
 * {@link ClusteringAlgorithm}s, for any {@code Graph<V,E>}: {@code JGraphTClustering.leiden(graph,
 * LeidenParams.DEFAULTS).getClustering()}; {@link #modularity} scores any JGraphT clustering. The graph is converted once with
 * {@link JGraphTBridge#fromJGraphT} (O(n + m), vertices numbered in {@code vertexSet()} order, edge
 * weights from {@code getEdgeWeight}, directed graphs read as undirected) when the clustering is first
 * asked for; the result is cached. Clusters are listed by decreasing size, each in vertex-set order.
 *
 * @param <V> vertex type
 */
public final class JGraphTClustering<V> implements ClusteringAlgorithm<V> {

    private final Graph<V, ?> graph;
    private final Function<CompactGraph, CommunityResult> algorithm;
    private CommunityResult result;
    private Clustering<V> clustering;

    private JGraphTClustering(Graph<V, ?> graph, Function<CompactGraph, CommunityResult> algorithm) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.algorithm = algorithm;
    }

    /** Louvain on {@code graph}. */
    public static <V, E> JGraphTClustering<V> louvain(Graph<V, E> graph, LouvainParams params) {
        Louvain l = new Louvain(params);
        return new JGraphTClustering<>(graph, l::run);
    }

    /** Leiden on {@code graph}. */
    public static <V, E> JGraphTClustering<V> leiden(Graph<V, E> graph, LeidenParams params) {
        Leiden l = new Leiden(params);
        return new JGraphTClustering<>(graph, l::run);
    }

    /** Label propagation on {@code graph}. */
    public static <V, E> JGraphTClustering<V> labelPropagation(Graph<V, E> graph, LabelPropagationParams params) {
        LabelPropagation l = new LabelPropagation(params);
        return new JGraphTClustering<>(graph, l::run);
    }

    /**
     * Modularity (Newman 2006, doi:10.1073/pnas.0601602103) of any clustering of a JGraphT graph at
     * resolution {@code gamma}, computed as {@link Modularity#of(CompactGraph, int[], double)} does:
     * edge weights from {@code getEdgeWeight}, directed graphs read as undirected, self loops counted
     * twice as in igraph. Vertices in no cluster form one singleton each. Cost: O(n + m).
     *
     * @throws IllegalArgumentException when a vertex is in two clusters or a cluster names a vertex
     *                                  not in the graph
     */
    public static <V, E> double modularity(Graph<V, E> graph, Clustering<V> clustering, double gamma) {
        JGraphTBridge.Converted<V> c = JGraphTBridge.fromJGraphT(graph);
        int n = c.graph().nodeCount();
        int[] membership = new int[n];
        java.util.Arrays.fill(membership, -1);
        int k = 0;
        for (Set<V> cluster : clustering.getClusters()) {
            for (V v : cluster) {
                int i = c.ids().indexOf(v);
                if (i < 0) {
                    throw new IllegalArgumentException("cluster " + k + " names a vertex not in the graph: " + v);
                }
                if (membership[i] >= 0) {
                    throw new IllegalArgumentException("vertex " + v + " is in clusters " + membership[i] + " and " + k);
                }
                membership[i] = k;
            }
            k++;
        }
        for (int v = 0; v < n; v++) {
            if (membership[v] < 0) {
                membership[v] = k++;
            }
        }
        return Modularity.of(c.graph(), membership, gamma);
    }

    @Override
    public synchronized Clustering<V> getClustering() {
        if (clustering == null) {
            JGraphTBridge.Converted<V> c = JGraphTBridge.fromJGraphT(graph);
            result = algorithm.apply(c.graph());
            Partition p = result.partition();
            List<Set<V>> clusters = new ArrayList<>(p.communityCount());
            for (int k = 0; k < p.communityCount(); k++) {
                clusters.add(new LinkedHashSet<>());
            }
            for (int v = 0; v < p.nodeCount(); v++) {
                clusters.get(p.community(v)).add(c.ids().id(v));
            }
            clustering = new ClusteringImpl<>(clusters);
        }
        return clustering;
    }

    /** The full result (modularity, levels), computing the clustering if needed. */
    public synchronized CommunityResult result() {
        getClustering();
        return result;
    }
}
