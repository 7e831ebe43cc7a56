/**
 * Case linking: shipments that share an identifier (a phone on either side, a normalised address, or
 * a name together with its phone) fall into one case network, computed with
 * {@link org.parcelnet.linking.UnionFind}; identifiers carried by too many counterparties (courier
 * stations, shops, placeholder numbers) are suppressed as hubs by {@link org.parcelnet.linking.CaseLinker}.
 */
package org.parcelnet.linking;
