/**
 * The int-indexed graph core: {@link org.parcelnet.graph.CompactGraph} (CSR), its builder, id maps,
 * projections of shipments into party, location and identifier graphs, and the bridge to JGraphT.
 */
package org.parcelnet.graph;
