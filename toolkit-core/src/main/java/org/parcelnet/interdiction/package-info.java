/**
 * Interdiction: which few parties to remove to break the flow of goods.
 * {@link org.parcelnet.interdiction.MinVertexCut} finds the cheapest set of parties separating sources
 * from sinks (node splitting and max flow); {@link org.parcelnet.interdiction.KeyPlayers} picks parties
 * greedily by how much each removal cuts reachability, and evaluates any other ranking (e.g. by
 * betweenness) on the same scale; {@link org.parcelnet.interdiction.CriticalNodes} solves the
 * critical node problem (fewest connected pairs after K removals) by a seeded memetic local search,
 * with {@link org.parcelnet.interdiction.CnpFormat} reading its benchmark instances;
 * {@link org.parcelnet.interdiction.Disruption} simulates strike waves against a network that
 * rewires between waves and returns the robustness curves.
 */
package org.parcelnet.interdiction;
