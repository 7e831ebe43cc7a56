/**
 * Case linking. {@link org.parcelnet.linking.CaseNetworks} links cases (flagged shipments, a rule's
 * selection, or every shipment) on weighted evidence — identifiers weighted by how rare they are,
 * paths through intermediate records, a time factor and a threshold — splits the networks by
 * communities, and explains each link ({@link org.parcelnet.linking.CaseNetworkFiles}).
 * {@link org.parcelnet.linking.CaseLinker} is the all-records closure: shipments that share an
 * identifier (a phone on either side, a normalised address, or a name together with its phone) fall
 * into one case network, computed with {@link org.parcelnet.linking.UnionFind}; in both, identifiers
 * carried by too many counterparties (courier stations, shops, placeholder numbers) are suppressed as
 * hubs.
 */
package org.parcelnet.linking;
