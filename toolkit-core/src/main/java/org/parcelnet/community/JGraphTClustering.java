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
 * {@link ClusteringAlgorithm}s, for any {@code Graph<V,E>}. The graph is converted once with
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
