package org.parcelnet.graph;

import org.parcelnet.model.PartyKey;
import org.parcelnet.model.ShipmentTable;

/**
 * Graphs projected from a {@link ShipmentTable}.
 *
 * <ul>
 *   <li><b>party graph</b>: directed, sender party → receiver party, weight = number of shipments (or
 *       cartons);</li>
 *   <li><b>location graph</b>: directed, origin place → destination place ({@code province/city}),
 *       weight = shipments;</li>
 *   <li><b>identifier graph</b>: undirected and bipartite, each shipment joined to the identifiers it
 *       carries (sender/receiver phone, address, and name+phone).</li>
 * </ul>
 * Each projection is one pass over the table plus a {@link CompactGraphBuilder} build: O(rows).
 */
public final class Projections {

    /** What a party-graph edge weight counts. */
    public enum Volume {
        /** Number of shipments. */
        SHIPMENTS,
        /** Number of cartons ({@code pieces}). */
        PIECES
    }

    private Projections() {
    }

    /** Assigns every sender and receiver a party int under {@code key}. */
    public static PartyIndex parties(ShipmentTable t, PartyKey key) {
        int n = t.size();
        int[] senders = new int[n];
        int[] receivers = new int[n];
        IdMap<String> parties = new IdMap<>(Math.max(16, t.phones().size()));
        if (key == PartyKey.PHONE) {
            // A party is a phone: number the phone codes in first-seen order through an int array, so
            // each phone is decoded and hashed once rather than once per shipment.
            int[] partyOfPhone = new int[t.phones().size()];
            java.util.Arrays.fill(partyOfPhone, -1);
            for (int i = 0; i < n; i++) {
                senders[i] = phoneParty(t, t.senderPhone(i), partyOfPhone, parties);
                receivers[i] = phoneParty(t, t.receiverPhone(i), partyOfPhone, parties);
            }
            return new PartyIndex(key, senders, receivers, parties);
        }
        for (int i = 0; i < n; i++) {
            senders[i] = parties.intern(partyLabel(t, key, t.senderPhone(i), t.senderName(i), t.senderAddress(i)));
            receivers[i] = parties.intern(partyLabel(t, key, t.receiverPhone(i), t.receiverName(i), t.receiverAddress(i)));
        }
        return new PartyIndex(key, senders, receivers, parties);
    }

    private static int phoneParty(ShipmentTable t, int phone, int[] partyOfPhone, IdMap<String> parties) {
        int p = partyOfPhone[phone];
        if (p < 0) {
            p = parties.intern(t.phones().value(phone));
            partyOfPhone[phone] = p;
        }
        return p;
    }

    private static String partyLabel(ShipmentTable t, PartyKey key, int phone, int name, int address) {
        switch (key) {
            case PHONE:
                return t.phones().value(phone);
            case PHONE_NAME:
                return name < 0 ? t.phones().value(phone) : t.phones().value(phone) + "|" + t.names().value(name);
            case ADDRESS:
                return address < 0 ? t.phones().value(phone) : t.addresses().value(address);
            default:
                throw new AssertionError(key);
        }
    }

    /** The directed party graph with one node per party of {@code parties}. */
    public static LabeledGraph partyGraph(ShipmentTable t, PartyIndex parties, Volume volume) {
        CompactGraphBuilder b = CompactGraphBuilder.directed(parties.partyCount()).expectedEdges(t.size());
        int[] s = parties.senderParty();
        int[] r = parties.receiverParty();
        for (int i = 0; i < t.size(); i++) {
            b.addEdge(s[i], r[i], volume == Volume.PIECES ? t.pieces(i) : 1.0);
        }
        return new LabeledGraph(b.build(), parties.parties());
    }

    /** The party graph keyed by phone, weighted by shipments. */
    public static LabeledGraph partyGraph(ShipmentTable t) {
        return partyGraph(t, parties(t, PartyKey.PHONE), Volume.SHIPMENTS);
    }

    /**
     * The directed location graph: node ids are {@code province/city} labels, node ints are the
     * table's place codes.
     */
    public static LabeledGraph locationGraph(ShipmentTable t) {
        IdMap<String> ids = new IdMap<>(t.placeCount());
        for (int c = 0; c < t.placeCount(); c++) {
            ids.intern(t.place(c).label());
        }
        CompactGraphBuilder b = CompactGraphBuilder.directed(t.placeCount()).expectedEdges(t.size());
        for (int i = 0; i < t.size(); i++) {
            b.addEdge(t.originPlace(i), t.destinationPlace(i));
        }
        return new LabeledGraph(b.build(), ids);
    }

    /**
     * The undirected bipartite identifier graph. Nodes {@code 0..rows-1} are shipments (ids are the
     * waybill ids); the rest are identifiers labelled {@code phone:…}, {@code address:…} and
     * {@code name:…|phone} (a name only identifies together with its phone).
     */
    public static LabeledGraph identifierGraph(ShipmentTable t) {
        int n = t.size();
        IdMap<String> ids = new IdMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            ids.intern(t.shipmentId(i));
        }
        CompactGraphBuilder b = CompactGraphBuilder.undirected(n).expectedEdges(n * 4);
        for (int i = 0; i < n; i++) {
            b.addEdge(i, ids.intern("phone:" + t.phones().value(t.senderPhone(i))));
            b.addEdge(i, ids.intern("phone:" + t.phones().value(t.receiverPhone(i))));
            if (t.senderAddress(i) >= 0) {
                b.addEdge(i, ids.intern("address:" + t.addresses().value(t.senderAddress(i))));
            }
            if (t.receiverAddress(i) >= 0) {
                b.addEdge(i, ids.intern("address:" + t.addresses().value(t.receiverAddress(i))));
            }
            if (t.senderName(i) >= 0) {
                b.addEdge(i, ids.intern("name:" + t.names().value(t.senderName(i)) + "|" + t.phones().value(t.senderPhone(i))));
            }
            if (t.receiverName(i) >= 0) {
                b.addEdge(i, ids.intern("name:" + t.names().value(t.receiverName(i)) + "|" + t.phones().value(t.receiverPhone(i))));
            }
        }
        b.ensureNodes(ids.size());
        return new LabeledGraph(b.build(), ids);
    }
}
