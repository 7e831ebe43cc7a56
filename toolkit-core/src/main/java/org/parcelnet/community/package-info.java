/**
 * Community detection on {@link org.parcelnet.graph.CompactGraph}: {@link org.parcelnet.community.Louvain},
 * {@link org.parcelnet.community.Leiden} and {@link org.parcelnet.community.LabelPropagation}, their
 * quality ({@link org.parcelnet.community.Modularity}, conductance) and agreement with a ground truth
 * ({@link org.parcelnet.community.PartitionComparison}: NMI, ARI, best-match F1).
 *
 * <p>Direction: all three algorithms optimise or propagate over the <em>undirected</em> view of a
 * graph ({@link org.parcelnet.graph.CompactGraph#toUndirected()}: an arc u→v of weight w becomes the
 * edge {u,v} of weight w, opposite arcs summed). Rings trade both ways, so a shipment from A to B ties
 * A and B together whatever its direction. {@link org.parcelnet.community.Modularity#of} uses the
 * same view; {@link org.parcelnet.community.Modularity#directed} offers the directed (Leicht–Newman)
 * form for reporting only.
 *
 * <p>Kernels run on primitive arrays ({@code WorkGraph}); JGraphT users reach them through
 * {@link org.parcelnet.community.JGraphTClustering}.
 */
package org.parcelnet.community;
