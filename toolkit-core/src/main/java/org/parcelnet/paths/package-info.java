/**
 * Paths and chokepoints on {@link org.parcelnet.graph.CompactGraph}: {@link org.parcelnet.paths.Dijkstra}
 * (primitive 4-ary heap), {@link org.parcelnet.paths.KShortestRoutes} (Yen via JGraphT),
 * {@link org.parcelnet.paths.RelayChains} (time-respecting paths through shipments),
 * {@link org.parcelnet.paths.Betweenness} (Brandes, parallel, optional pivot sampling),
 * {@link org.parcelnet.paths.PageRank} and {@link org.parcelnet.paths.DegreeCentrality}.
 *
 * <p>Shipment graphs carry <em>volumes</em> as weights (bigger = stronger tie), so every path
 * algorithm takes an explicit {@link org.parcelnet.paths.Cost} saying what the length of an arc is.
 */
package org.parcelnet.paths;
