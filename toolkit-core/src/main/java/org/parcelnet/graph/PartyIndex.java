package org.parcelnet.graph;

import org.parcelnet.model.PartyKey;

/**
 * The party (dense int) of each shipment's sender and receiver under one {@link PartyKey}.
 * Arrays are indexed by shipment row and must not be modified.
 *
 * @param key           how parties were identified
 * @param senderParty   party of each row's sender
 * @param receiverParty party of each row's receiver
 * @param parties       party int ↔ party label (the phone, {@code phone|name}, or address)
 */
public record PartyIndex(PartyKey key, int[] senderParty, int[] receiverParty, IdMap<String> parties) {

    /** Number of distinct parties. */
    public int partyCount() {
        return parties.size();
    }
}
