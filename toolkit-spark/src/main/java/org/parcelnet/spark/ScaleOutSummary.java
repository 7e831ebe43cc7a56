package org.parcelnet.spark;

import java.util.Map;

/**
 * What a scale-out run did: counts, the communities' modularity and the seconds per stage.
 *
 * @param files           input files read
 * @param rowsRead        shipments kept
 * @param rowsRejected    rows rejected (lenient mode), all in rejects.csv
 * @param parties         parties (phones)
 * @param partyEdges      distinct sender → receiver pairs
 * @param cases           cases linked (flagged shipments, or all when none is flagged)
 * @param caseNetworks    case networks (single cases included)
 * @param linkedNetworks  case networks with two or more cases
 * @param communities     communities
 * @param modularity      their modularity on the undirected party graph
 * @param components      connected components of the hub-free party graph
 * @param largeComponents components clustered by the distributed path (local moving, Leiden on the driver, local moving)
 * @param largestComponent parties in the largest connected component of the hub-free party graph
 * @param courierStations senders recognised as courier stations by their addresses (they lose their edges before
 *                        communities are found)
 * @param relayChains     relay chains (core's rule, sources = senders from border-entry places)
 * @param relayRoutes     their routes (rows of routes.csv)
 * @param leads           party leads listed
 * @param stageSeconds    wall-clock seconds per stage, in order
 */
public record ScaleOutSummary(int files, long rowsRead, long rowsRejected, long parties, long partyEdges, long cases,
                              long caseNetworks, long linkedNetworks, long communities, double modularity,
                              long components, long largeComponents, long largestComponent, long courierStations,
                              long relayChains, long relayRoutes,
                              int leads, Map<String, Double> stageSeconds) {
}
