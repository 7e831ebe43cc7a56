/**
 * Interdiction: which few parties to remove to break the flow of goods.
 * {@link org.parcelnet.interdiction.MinVertexCut} finds the cheapest set of parties separating sources
 * from sinks (node splitting and max flow); {@link org.parcelnet.interdiction.KeyPlayers} picks parties
 * greedily by how much each removal cuts reachability, and evaluates any other ranking (e.g. by
 * betweenness) on the same scale.
 */
package org.parcelnet.interdiction;
